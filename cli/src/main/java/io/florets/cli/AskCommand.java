package io.florets.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.florets.prompt.facade.Florets;
import io.florets.prompt.readout.Boxes;
import io.florets.prompt.readout.Caption;
import io.florets.prompt.readout.Label;
import io.florets.prompt.readout.Readout;
import io.florets.vision.image.BoxPainter;
import io.florets.vision.image.ImageFiles;
import io.florets.vision.image.RasterImage;
import io.florets.vision.model.VisionModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code florets ask --image FILE --prompt "<OD>" [--json] [--annotate OUT.png]} or
 * {@code florets ask --input FILE --window START:LENGTH --prompt "<EVENTS>" [--model DIR|default]
 * [--time-order POLICY] [--json]}: one prompt, one answer. Options of the other modality are refused
 * rather than ignored: {@code --beam} and {@code --annotate} apply to images only (series answers
 * are decoded greedily, the decoding their confidence calibration was fitted on).
 */
@Command(name = "ask", mixinStandardHelpOptions = true,
    description = "Ask a model one prompt about an image (--image) or a window of a series file (--input); "
        + "prints the typed answer.")
public final class AskCommand implements Callable<Integer> {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--input", paramLabel = "FILE",
      description = "Series file (CSV, UCR/UEA .ts/.arff/.tsv/.txt, Arrow) to ask about; its first series is used.")
  Path input;

  @Option(names = "--window", paramLabel = "START:LENGTH",
      description = "The window of the series to ask about: its first sample (from 0) and its length "
          + "in samples, e.g. 0:256 (default: the whole series, if the model takes that many samples).")
  String window;

  @Option(names = "--image", paramLabel = "FILE", description = "PNG or JPEG image to ask about.")
  Path image;

  @Option(names = "--prompt", required = true, paramLabel = "PROMPT",
      description = "Task prompt. For a series (--input), e.g. \"<SHAPE>\", \"<EVENTS>\", "
          + "\"<EVENTS_OF>spike_up\", \"<PROPERTY>mean\", \"<SEGMENTS>\", \"<ALERT>\", \"<CAPTION>\"; "
          + "for an image (--image), e.g. \"<OD>\", \"<CAPTION>\", \"<CLASSIFY>\", "
          + "\"<CAPTION_TO_PHRASE_GROUNDING>red circle\". florets tasks lists every task and its "
          + "arguments.")
  String prompt;

  @Option(names = "--model", defaultValue = "default", paramLabel = "DIR|default",
      description = "The model to ask: 'default' for the model shipped in the jar (the series model "
          + "with --input, the vision model with --image), or a model folder (one holding bundle.json, "
          + "e.g. written by florets train or florets train-vision) of the same modality as the input "
          + "(default: ${DEFAULT-VALUE}).")
  String model;

  @Option(names = "--beam", defaultValue = "1",
      description = "Beam width for --image (1 = greedy; default: ${DEFAULT-VALUE}); series answers "
          + "(--input) are always decoded greedily.")
  int beam;

  @Option(names = "--json", description = "Print the answer as JSON.")
  boolean json;

  @Option(names = "--annotate", paramLabel = "OUT.png", description = "Draw the answer's boxes on the image into this PNG.")
  Path annotate;

  @picocli.CommandLine.Mixin
  TimeOrderOption timeOrder;

  @Override
  public Integer call() throws IOException, io.florets.prompt.facade.bundle.BundleException {
    if (input != null) {
      if (image != null) {
        throw new IllegalArgumentException("ask takes --image or --input, not both");
      }
      checkSeriesOptions();
      return SeriesAsk.run(input, window, timeOrder.order(), prompt, model, json,
          spec.commandLine().getOut(), spec.commandLine().getErr());
    }
    if (image == null) {
      throw new IllegalArgumentException("ask needs --image FILE (a PNG or JPEG) or --input FILE "
          + "(a series file)");
    }
    if (window != null || spec.commandLine().getParseResult().hasMatchedOption(TimeOrderOption.NAME)) {
      throw new IllegalArgumentException((window != null ? "--window" : TimeOrderOption.NAME)
          + " applies to --input (a series file) only; leave it out with --image");
    }
    RasterImage img = ImageFiles.read(image);
    VisionModel m = "default".equals(model) ? VisionModel.defaultModel() : VisionModel.load(Path.of(model));
    // the same facade as series windows; the image goes to the vision model's front end
    try (Florets f = Florets.of(m.withBeamSize(beam))) {
      long t0 = System.nanoTime();
      Readout answer = f.ask(img, prompt);
      double ms = (System.nanoTime() - t0) / 1e6;
      java.util.Optional<io.florets.vision.ood.OodVerdict> verdict = m.oodCheck().map(c -> m.check(img));
      java.util.Optional<String> caveat = caveat(answer);
      if (annotate != null) {
        ImageFiles.writePng(BoxPainter.paint(img, drawn(answer)), annotate);
      }
      if (json) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("image", image.toString());
        out.put("width", img.width());
        out.put("height", img.height());
        out.put("prompt", prompt);
        out.put("kind", answer.kind());
        out.put("answer", toMap(answer));
        caveat.ifPresent(c -> out.put("caveat", c));
        verdict.ifPresent(v -> {
          Map<String, Object> o = new LinkedHashMap<>();
          o.put("flagged", v.flagged());
          List<Map<String, Object>> scores = new ArrayList<>();
          for (io.florets.vision.ood.OodVerdict.Score s : v.scores()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("feature", s.feature());
            e.put("distance", Math.round(s.distance() * 1000) / 1000.0);
            e.put("threshold", Math.round(s.threshold() * 1000) / 1000.0);
            scores.add(e);
          }
          o.put("scores", scores);
          o.put("confidenceCap", m.oodCheck().get().confidenceCap());
          out.put("outOfDistribution", o);
        });
        out.put("ms", Math.round(ms * 10) / 10.0);
        if (annotate != null) {
          out.put("annotated", annotate.toString());
        }
        System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
      } else {
        caveat.ifPresent(c -> System.out.printf(Locale.ROOT, "caveat: %s (%s; confidences capped at "
            + "%.2f)%n", c, distances(verdict.get()), m.oodCheck().get().confidenceCap()));
        System.out.println(text(answer));
        if (annotate != null) {
          System.out.println("annotated image: " + annotate);
        }
      }
    }
    return 0;
  }

  /**
   * Refuses the image-only options with {@code --input} instead of ignoring them: series answers
   * are decoded greedily (their confidence calibration is fitted on greedy answers) and have no
   * boxes to draw.
   */
  private void checkSeriesOptions() {
    if (beam != 1) {
      throw new IllegalArgumentException("--beam " + beam + " applies to --image only: series "
          + "answers (--input) are decoded greedily, the decoding their confidences are calibrated "
          + "on; leave --beam out");
    }
    if (annotate != null) {
      throw new IllegalArgumentException("--annotate " + annotate + " draws boxes on an image and "
          + "applies to --image only; leave it out with --input");
    }
  }

  /** The out-of-distribution distances of a verdict, e.g. "encoder-mean distance 23.0 > 22.0". */
  private static String distances(io.florets.vision.ood.OodVerdict v) {
    StringBuilder b = new StringBuilder();
    for (io.florets.vision.ood.OodVerdict.Score s : v.scores()) {
      b.append(b.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s distance %.1f %s %.1f",
          s.feature(), s.distance(), s.over() ? ">" : "<=", s.threshold()));
    }
    return b.toString();
  }

  /** The caveat an image answer carries, if any. */
  static java.util.Optional<String> caveat(Readout r) {
    if (r instanceof Boxes b) {
      return b.caveat();
    }
    if (r instanceof Label l) {
      return l.caveat();
    }
    if (r instanceof Caption c) {
      return c.caveat();
    }
    return java.util.Optional.empty();
  }

  private static List<BoxPainter.Drawn> drawn(Readout r) {
    List<BoxPainter.Drawn> out = new ArrayList<>();
    if (r instanceof Boxes b) {
      for (Boxes.Box x : b.boxes()) {
        out.add(new BoxPainter.Drawn(x.label(), x.x1(), x.y1(), x.x2(), x.y2(), x.confidence()));
      }
    }
    return out;
  }

  static Object toMap(Readout r) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (r instanceof Boxes b) {
      List<Map<String, Object>> boxes = new ArrayList<>();
      for (Boxes.Box x : b.boxes()) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("label", x.label());
        e.put("x1", x.x1());
        e.put("y1", x.y1());
        e.put("x2", x.x2());
        e.put("y2", x.y2());
        e.put("confidence", x.confidence());
        boxes.add(e);
      }
      m.put("boxes", boxes);
    } else if (r instanceof Label l) {
      m.put("label", l.name());
      m.put("confidence", l.confidence());
    } else if (r instanceof Caption c) {
      m.put("text", c.text());
      m.put("confidence", c.confidence());
    } else {
      m.put("value", r.toString());
    }
    return m;
  }

  private static String text(Readout r) {
    if (r instanceof Boxes b) {
      if (b.boxes().isEmpty()) {
        return "(no boxes)";
      }
      StringBuilder s = new StringBuilder();
      for (Boxes.Box x : b.boxes()) {
        s.append(String.format(Locale.ROOT, "%-16s [%7.1f, %7.1f, %7.1f, %7.1f]  confidence %.2f%n", x.label(),
            x.x1(), x.y1(), x.x2(), x.y2(), x.confidence()));
      }
      return s.toString().stripTrailing();
    }
    if (r instanceof Label l) {
      return String.format(Locale.ROOT, "%s  (confidence %.2f)", l.name(), l.confidence());
    }
    if (r instanceof Caption c) {
      return String.format(Locale.ROOT, "%s  (confidence %.2f)", c.text(), c.confidence());
    }
    return r.toString();
  }
}
