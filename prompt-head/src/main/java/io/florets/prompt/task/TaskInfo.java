package io.florets.prompt.task;

import java.util.List;

/**
 * A description of one task for listings such as {@code florets tasks --json}.
 *
 * @param name constant name in {@link Tasks}
 * @param token task token
 * @param expansion natural-language expansion (arguments as placeholders)
 * @param arguments argument names with their syntax, e.g. {@code "type: an event type word, e.g. spike_up"}
 * @param readout readout type simple name, e.g. {@code "Events"}
 * @param modality {@code "series"} or {@code "image"}
 * @param decoded whether the answer is decoded from tokens ({@code false} for {@code <EMBED>})
 */
public record TaskInfo(String name, String token, String expansion, List<String> arguments, String readout,
    String modality, boolean decoded) {
  /** Copies. */
  public TaskInfo {
    arguments = List.copyOf(arguments);
  }

  /** The description of {@code task}. */
  public static TaskInfo of(Task<?> task) {
    return new TaskInfo(task.name(), task.token(), task.expansion(),
        task.arguments().stream().map(a -> a.jsonName() + ": " + a.description()).toList(),
        task.readoutType().getSimpleName(), task.modality().jsonName(), task.decoded());
  }

  /** Descriptions of every task in catalogue order. */
  public static List<TaskInfo> all() {
    return Tasks.all().stream().map(TaskInfo::of).toList();
  }
}
