package io.florets.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.florets.datasets.Series;
import io.florets.datasets.Window;
import io.florets.datasets.io.SeriesFile;
import io.florets.datasets.io.csv.TimeOrder;
import io.florets.prompt.facade.Florets;
import io.florets.prompt.facade.ReadoutText;
import io.florets.prompt.facade.bundle.BundleException;
import io.florets.prompt.readout.Readout;
import io.florets.prompt.task.Modality;
import io.florets.prompt.task.PromptParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The time-series side of {@code florets ask}: read a series file, cut a window, ask, print. */
final class SeriesAsk {
  private SeriesAsk() {
  }

  /** Parses {@code START:LENGTH}. */
  static int[] window(String spec) {
    String[] p = spec == null ? new String[0] : spec.split(":");
    try {
      if (p.length == 2) {
        int start = Integer.parseInt(p[0].trim());
        int length = Integer.parseInt(p[1].trim());
        if (start >= 0 && length >= 1) {
          return new int[] {start, length};
        }
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("--window must be START:LENGTH with START >= 0 and "
        + "LENGTH >= 1, got '" + spec + "'");
  }

  /**
   * A window of the first series of a file, read under {@code order}; the note of a dropped time
   * axis goes to {@code err}.
   */
  static Window cut(Path input, String spec, TimeOrder order, PrintWriter err) throws IOException {
    SeriesFile f = TimeOrderOption.read(input, order, err);
    if (f.series().isEmpty()) {
      throw new IllegalArgumentException(input + " holds no series");
    }
    Series s = f.series().get(0);
    int[] w = spec == null ? new int[] {0, s.length()} : window(spec);
    if (w[0] + w[1] > s.length()) {
      throw new IllegalArgumentException("--window " + spec + " ends after the series '" + s.id()
          + "' of " + s.length() + " samples in " + input);
    }
    float[][] v = new float[s.channels()][];
    for (int c = 0; c < s.channels(); c++) {
      v[c] = Arrays.copyOfRange(s.channel(c), w[0], w[0] + w[1]);
    }
    return Window.of(s.id(), w[0], v, null, s.channelNames(), null);
  }

  /**
   * Refuses a window longer than the model takes, pointing at {@code --window} (the library's own
   * message points a Java caller at {@code Windowing}).
   */
  static void checkLength(Window w, String windowSpec, Path input, int max) {
    if (w.length() > max) {
      throw new IllegalArgumentException((windowSpec == null
          ? "the series '" + w.seriesId() + "' in " + input + " has " + w.length() + " samples"
          : "--window " + windowSpec + " is " + w.length() + " samples long")
          + "; this model takes at most " + max + " samples: ask about one window of it with "
          + "--window START:LENGTH, e.g. --window " + w.start() + ":" + Math.min(max, 256));
    }
  }

  /**
   * Asks and prints the answer; when the model's card says the model is below its labelers on the
   * prompt's task, also its caveat: as {@code "caveat"} in JSON, else one line on {@code err}.
   */
  static int run(Path input, String windowSpec, TimeOrder order, String prompt, String model,
      boolean json, PrintWriter out, PrintWriter err) throws IOException, BundleException {
    Window w = cut(input, windowSpec, order, err);
    try (Florets f = ModelOption.open(model)) {
      checkLength(w, windowSpec, input, f.maxWindowLength());
      long t0 = System.nanoTime();
      Readout r = f.ask(w, prompt);
      double ms = (System.nanoTime() - t0) / 1e6;
      Optional<String> caveat = f.card()
          .flatMap(c -> c.caveat(PromptParser.parse(prompt, Modality.SERIES)));
      if (json) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("input", input.toString());
        m.put("window", Map.of("start", w.start(), "length", w.length()));
        m.put("prompt", prompt);
        m.put("kind", r.kind());
        m.put("answer", r);
        m.put("ms", Math.round(ms * 10) / 10.0);
        caveat.ifPresent(c -> m.put("caveat", c));
        out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .writeValueAsString(m));
      } else {
        out.println(ReadoutText.describe(r));
        caveat.ifPresent(c -> {
          err.println("caveat: " + c);
          err.flush();
        });
      }
    }
    out.flush();
    return 0;
  }
}
