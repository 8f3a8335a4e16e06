package io.florets.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.florets.vision.data.Digits;
import io.florets.vision.data.VisionSources;
import io.florets.vision.eval.VisionEvaluation;
import io.florets.vision.model.VisionModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code florets eval vision [--model DIR|default] [--json]}: the vision model's held-out figures. */
@Command(name = "vision", mixinStandardHelpOptions = true,
    description = "Evaluate the vision model on held-out data: digits <CLASSIFY> accuracy, scene and digit-canvas"
        + " <OD> mAP@0.5, caption count accuracy, parse rate, ms per ask.")
public final class EvalVisionCommand implements Callable<Integer> {
  @Option(names = "--model", defaultValue = "default", paramLabel = "DIR|default",
      description = "Vision model folder, or 'default' (default: ${DEFAULT-VALUE}).")
  String model;

  @Option(names = "--digits", paramLabel = "FILE",
      description = "digits.csv.gz (default: images/digits.csv.gz of the shared data folder).")
  Path digits;

  @Option(names = "--scenes", defaultValue = "300", description = "Held-out scenes (default: ${DEFAULT-VALUE}).")
  int scenes;

  @Option(names = "--canvases", defaultValue = "200",
      description = "Held-out digit canvases (default: ${DEFAULT-VALUE}).")
  int canvases;

  @Option(names = "--seed", defaultValue = "99", description = "Seed of the scenes and digit canvases (default:"
      + " ${DEFAULT-VALUE}, the held-out seed the figures are reported on; choose training variants on another)."
      + " The training seed 1 is refused.")
  long seed;

  @Option(names = "--json", description = "Print the figures as JSON only.")
  boolean json;

  @Option(names = "--threads", defaultValue = "1",
      description = "PyTorch intra-op threads (default: ${DEFAULT-VALUE}; faster than several on busy cores).")
  int threads;

  @Override
  public Integer call() throws IOException {
    if (threads < 1) {
      throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
    }
    System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
    Digits d = Digits.read(digits != null ? digits : VisionSources.digitsFile());
    long t0 = System.nanoTime();
    try (VisionModel m = "default".equals(model) ? VisionModel.defaultModel() : VisionModel.load(Path.of(model))) {
      Map<String, Object> figures = JsonFields.of(VisionEvaluation.run(m, d, scenes, canvases, seed));
      figures.put("seed", seed);
      figures.put("seconds", Math.round((System.nanoTime() - t0) / 1e8) / 10.0);
      String out = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(figures);
      if (!json) {
        System.out.println("vision model " + model + " on held-out data:");
      }
      System.out.println(out);
    }
    return 0;
  }
}
