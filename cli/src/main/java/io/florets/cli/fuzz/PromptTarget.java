package io.florets.cli.fuzz;

import io.florets.prompt.task.Modality;
import io.florets.prompt.task.Prompt;
import io.florets.prompt.task.PromptException;
import io.florets.prompt.task.PromptParser;
import io.florets.prompt.task.Task;
import io.florets.prompt.task.Tasks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The prompt parser: each input, decoded as UTF-8 (bad bytes replaced), is parsed for no modality,
 * series or images (chosen by the input's length). Its own failure is a {@link PromptException} with
 * a message; a prompt it accepts must parse back to itself from its token form ({@link Prompt#text}),
 * otherwise that is a crash too.
 */
final class PromptTarget implements FuzzTarget {
  private static final Modality[] MODALITIES = {null, Modality.SERIES, Modality.IMAGE};

  /** A prompt that does not survive the round trip through its text. */
  static final class RoundTripError extends AssertionError {
    private static final long serialVersionUID = 1L;

    RoundTripError(String message) {
      super(message);
    }
  }

  @Override
  public String name() {
    return "prompt";
  }

  @Override
  public String description() {
    return "prompt strings, token form and natural-language expansions (PromptParser)";
  }

  @Override
  public List<Input> seeds(Path work) {
    List<Input> out = new ArrayList<>(Corpus.seeds(name()));
    for (Task<?> t : Tasks.all()) {
      out.add(new Input("task-" + t.name(), t.token().getBytes(StandardCharsets.UTF_8)));
      out.add(new Input("expansion-" + t.name(), t.expansion().getBytes(StandardCharsets.UTF_8)));
    }
    return out;
  }

  @Override
  public List<String> dictionary() {
    List<String> d = new ArrayList<>(List.of("<ch_", "<ch_0>", "<ch_65536>", "<ch_-1>", "<t_",
        "<t_0>", "<t_999>", "<t_1000>", "<loc_", "<loc_0>", "<loc_999>", "<loc_1000>", ">", "<", "<>",
        "mean", "std", "spike_up", "level_shift", "channel", "{type}", "{name}", "."));
    for (Task<?> t : Tasks.all()) {
      d.add(t.token());
      d.add(t.expansion());
    }
    return d;
  }

  @Override
  public void execute(Input in, Path work, int generation) {
    String s = new String(in.data(), StandardCharsets.UTF_8);
    Prompt<?> p = PromptParser.parse(s, MODALITIES[in.data().length % 3]);
    Prompt<?> again;
    try {
      again = PromptParser.parse(p.text(), p.task().modality());
    } catch (PromptException e) {
      throw new RoundTripError("accepted " + quote(s) + " as " + quote(p.text())
          + ", which does not parse: " + e.getMessage());
    }
    if (!again.equals(p)) {
      throw new RoundTripError("accepted " + quote(s) + " as " + quote(p.text())
          + ", which parses as a different prompt " + quote(again.text()));
    }
  }

  private static String quote(String s) {
    String t = s.length() > 200 ? s.substring(0, 200) + "..." : s;
    return "'" + t.replace("\n", "\\n") + "'";
  }

  @Override
  public String violation(Throwable e, Input in, Path work, int generation) {
    return FuzzTargets.violation(e, PromptException.class, null, null);
  }

  @Override
  public String extension(Input in) {
    return ".txt";
  }
}
