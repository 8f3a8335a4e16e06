package io.florets.prompt.task;

import java.util.stream.Collectors;

/**
 * A prompt string is unknown or malformed. The message shows the input, a caret under the column
 * where parsing failed, the reason, and the known tasks with their argument syntax.
 */
public final class PromptException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String input;
  private final int column;
  private final String reason;

  PromptException(String input, int column, String reason) {
    super(message(input, column, reason));
    this.input = input;
    this.column = column;
    this.reason = reason;
  }

  /** The prompt string as given ({@code "null"} for a null prompt). */
  public String input() {
    return input;
  }

  /** Zero-based column (UTF-16 index) where parsing failed. */
  public int column() {
    return column;
  }

  /** Why parsing failed, without the task list. */
  public String reason() {
    return reason;
  }

  /** The known task forms, e.g. {@code "<EVENTS_OF>type"}, one per task. */
  public static String knownTasks() {
    return Tasks.all().stream()
        .map(t -> t.token() + t.arguments().stream().map(a -> a == ArgumentKind.CHANNEL ? "[<ch_c>]"
            : a == ArgumentKind.FACET ? "[facet]"
            : a == ArgumentKind.TIME_REGION ? "<t_a><t_b>" : a == ArgumentKind.LOC_BOX ? "<loc_x1><loc_y1><loc_x2><loc_y2>"
            : a.jsonName()).collect(Collectors.joining())
            + (t.modality() == Modality.IMAGE ? " (image)" : ""))
        .distinct()
        .collect(Collectors.joining(", "));
  }

  private static String message(String input, int column, String reason) {
    String shown = input.length() > 200 ? input.substring(0, 200) + "..." : input;
    shown = shown.replaceAll("\\p{Cntrl}", "?");
    int caret = Math.min(column, shown.length());
    return "cannot parse prompt at column " + column + ": " + reason + "\n  " + shown + "\n  "
        + " ".repeat(caret) + "^\nknown tasks: " + knownTasks()
        + "; or a task's natural-language expansion, e.g. \"" + Tasks.EVENTS.expansion() + "\"";
  }
}
