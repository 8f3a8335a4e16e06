package io.florets.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.florets.vision.data.Digits;
import io.florets.vision.data.VisionSources;
import io.florets.vision.image.ImageFiles;
import io.florets.vision.image.RasterImage;
import io.florets.vision.model.VisionModel;
import io.florets.vision.ood.OodCalibration;
import io.florets.vision.ood.OodCheck;
import io.florets.vision.ood.OodFeature;
import io.florets.vision.ood.OodVerdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code florets calibrate-vision --model DIR [--images 900] [--seed 2027] [--quantile 0.99]
 * [--probe IMAGE...] [--json]}: fits the out-of-distribution check of a vision model folder on
 * freshly generated training-like images ({@link OodCalibration}) and writes {@code DIR/ood.json},
 * which {@code VisionModel.load(DIR)} then applies to every answer. {@code --probe} images are only
 * scored and reported, never used to fit.
 */
@Command(name = "calibrate-vision", mixinStandardHelpOptions = true,
    description = {"Fit the out-of-distribution check of a vision model folder on freshly generated "
        + "scenes, digit canvases and training digits, and write DIR/ood.json.",
        "The score is the Mahalanobis distance (Ledoit-Wolf shrinkage covariance) of an image's "
        + "feature from the fitting half; the threshold is the --quantile of the distances of a "
        + "held-out quarter; the last quarter measures how many training-like images are flagged.",
        "Answers about a flagged image carry a caveat and confidences of at most --cap."})
public final class CalibrateVisionCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "DIR",
      description = "A vision model folder (one with vision.json); ood.json is written there. "
          + "The shipped model: export it first (VisionModel.exportDefaultModel(DIR)).")
  Path model;

  @Option(names = "--images", defaultValue = "900",
      description = "Generated images, a third per source (default: ${DEFAULT-VALUE}).")
  int images;

  @Option(names = "--seed", defaultValue = "2027",
      description = "Seed of the generated images; not the training or evaluation seeds 1 and 99 "
          + "(default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--quantile", defaultValue = "0.99",
      description = "Quantile of the held-out distances taken as the threshold (default: ${DEFAULT-VALUE}).")
  double quantile;

  @Option(names = "--cap", defaultValue = "0.2",
      description = "Confidences of answers about flagged images are capped at this (default: ${DEFAULT-VALUE}).")
  double cap;

  @Option(names = "--feature", defaultValue = "encoder-mean,pixel-statistics", split = ",",
      paramLabel = "encoder-mean|pixel-statistics",
      description = "The features distances are measured on: the model's pooled encoder state and/or "
          + "model-free colour/texture statistics; an image is flagged when any is over its threshold "
          + "(default: ${DEFAULT-VALUE}).")
  List<String> feature;

  @Option(names = "--digits", paramLabel = "FILE",
      description = "digits.csv.gz (default: images/digits.csv.gz of the shared data folder).")
  Path digits;

  @Option(names = "--probe", arity = "1..*", paramLabel = "IMAGE",
      description = "Images to score with the new check and report (not used to fit it).")
  List<Path> probe = new ArrayList<>();

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    CommandLine cl = spec.commandLine();
    if (!Files.isRegularFile(model.resolve("vision.json"))) {
      throw new CommandLine.ParameterException(cl, "--model " + model + ": not a vision model folder "
          + "(no vision.json); for the shipped model export it to a folder first");
    }
    if (OodCalibration.RESERVED_SEEDS.contains(seed)) {
      throw new CommandLine.ParameterException(cl, "--seed " + seed + " is a training or evaluation "
          + "seed of the vision images " + OodCalibration.RESERVED_SEEDS + "; calibrate on another seed");
    }
    List<OodFeature> f = feature.stream().map(OodFeature::of).distinct().toList();
    String names = String.join(",", f.stream().map(OodFeature::jsonName).toList());
    Digits d = Digits.read(digits != null ? digits : VisionSources.digitsFile());
    String command = String.format(Locale.ROOT, "florets calibrate-vision --images %d --seed %d "
        + "--quantile %s --cap %s --feature %s", images, seed, quantile, cap, names);
    long t0 = System.nanoTime();
    OodCalibration.Result r;
    List<Map<String, Object>> probes = new ArrayList<>();
    io.florets.engine.GradMode.setIntraOpThreads(ModelOption.torchThreads());
    try (VisionModel m = VisionModel.load(model)) {
      String prompt = io.florets.prompt.task.Tasks.OD.token();
      r = OodCalibration.run(m.engine(), prompt, io.florets.prompt.task.Tasks.OD.prompt().tokens(m.vocabulary()),
          f, d, seed, images, quantile, cap, command);
      OodCheck bound;
      try {
        bound = r.check().withFact(OodCheck.PARAMETERS_HASH,
            io.florets.engine.checkpoint.Checkpoints.parametersHash(model.resolve("engine")));
      } catch (io.florets.engine.checkpoint.CheckpointException e) {
        throw new IOException("vision model " + model + ": " + e.getMessage(), e);
      }
      bound.save(model);
      VisionModel checked = m.withOodCheck(bound);
      for (Path p : probe) {
        RasterImage img = ImageFiles.read(p);
        OodVerdict v = checked.check(img);
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("image", p.toString());
        e.put("flagged", v.flagged());
        for (OodVerdict.Score s : v.scores()) {
          e.put(s.feature(), round(s.distance()));
        }
        probes.add(e);
      }
    }
    double seconds = Math.round((System.nanoTime() - t0) / 1e7) / 100.0;
    PrintWriter out = cl.getOut();
    Path file = model.resolve(OodCheck.FILE);
    if (json) {
      Map<String, Object> all = new LinkedHashMap<>();
      all.put("model", model.toString());
      all.put("file", file.toString());
      all.put("feature", names);
      all.put("seed", seed);
      all.put("images", images);
      all.put("fitImages", r.fitImages());
      all.put("thresholdImages", r.thresholdImages());
      all.put("checkImages", r.checkImages());
      all.put("quantile", quantile);
      Map<String, Object> thresholds = new LinkedHashMap<>();
      Map<String, Object> shrinkage = new LinkedHashMap<>();
      for (OodCheck.Component c : r.check().components()) {
        thresholds.put(c.feature().jsonName(), round(c.threshold()));
        shrinkage.put(c.feature().jsonName(), round(c.gaussian().shrinkage()));
      }
      all.put("threshold", thresholds);
      all.put("perFeatureQuantile", OodCheck.perFeatureQuantile(quantile, f.size()));
      all.put("confidenceCap", cap);
      all.put("checkFlagged", round(r.checkFlagged()));
      all.put("checkFlaggedBySource", r.flaggedBySource());
      all.put("shrinkage", shrinkage);
      all.put("probes", probes);
      all.put("seconds", seconds);
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(all));
    } else {
      out.printf(Locale.ROOT, "fitted on %d generated images; thresholds at the %.4f quantile of %d "
          + "held-out distances%n", r.fitImages(), OodCheck.perFeatureQuantile(quantile, f.size()),
          r.thresholdImages());
      for (OodCheck.Component c : r.check().components()) {
        out.printf(Locale.ROOT, "  %-16s %3d values, Ledoit-Wolf shrinkage %.3f, threshold %.3f%n",
            c.feature().jsonName(), c.gaussian().dimension(), c.gaussian().shrinkage(), c.threshold());
      }
      out.printf(Locale.ROOT, "flagged: %.3f of %d further held-out generated images %s%n", r.checkFlagged(),
          r.checkImages(), r.flaggedBySource());
      for (Map<String, Object> p : probes) {
        StringBuilder dist = new StringBuilder();
        for (String n : f.stream().map(OodFeature::jsonName).toList()) {
          dist.append(String.format(Locale.ROOT, "  %s %8.3f", n, (Double) p.get(n)));
        }
        out.printf(Locale.ROOT, "probe %-46s%s  %s%n", p.get("image"), dist,
            Boolean.TRUE.equals(p.get("flagged")) ? "OUT OF DISTRIBUTION" : "in distribution");
      }
      out.printf(Locale.ROOT, "wrote %s (%.1f s)%n", file, seconds);
    }
    out.flush();
    return 0;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
