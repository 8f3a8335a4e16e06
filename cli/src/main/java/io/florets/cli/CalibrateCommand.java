package io.florets.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.florets.dataengine.eval.CalibrationFit;
import io.florets.dataengine.train.Recipe;
import io.florets.datasets.DenseDataset;
import io.florets.datasets.synthetic.SyntheticConfig;
import io.florets.datasets.synthetic.SyntheticGenerator;
import io.florets.prompt.calibration.Calibration;
import io.florets.prompt.facade.Florets;
import io.florets.prompt.facade.bundle.BundleException;
import io.florets.prompt.facade.bundle.ModelBundle;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code florets calibrate --model DIR --windows 1000 --seed 4242 [--json]}: fits per-task isotonic
 * maps of the model's item confidences on fresh synthetic windows with exact truth, prints the
 * expected calibration error before and after on the held-out half, and writes
 * {@code DIR/calibration.json} (refitted on all windows), which {@code Florets.load(DIR)} then
 * applies. For {@code EVENTS} it also prints the minimum confidence (the decision threshold below
 * which the facade drops events) and the held-out event F1 without and with the threshold chosen on
 * the fit half. The fit itself is {@link CalibrationFit}.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
    description = {"Fit per-task confidence calibration maps of a model folder on fresh synthetic "
        + "windows and write DIR/calibration.json.",
        "Fits on the first half of the windows, reports the expected calibration error (ECE) before "
        + "and after on the second half, then refits on all windows for the file.",
        "For EVENTS it also chooses a minimum confidence (events below it are dropped) that "
        + "maximises event F1, and reports the held-out event F1 without and with it."})
public final class CalibrateCommand implements Callable<Integer> {
  /** Seeds of {@code florets eval synthetic}: calibrating on them would flatter its figures. */
  static final Set<Long> EVALUATION_SEEDS = Set.of(99L, 123L);

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "DIR",
      description = "A model folder (written by florets train); calibration.json is written there.")
  String model;

  @Option(names = "--windows", defaultValue = "1000",
      description = "Synthetic windows, half to fit and half to check (default: ${DEFAULT-VALUE}).")
  int windows;

  @Option(names = "--seed", defaultValue = "4242",
      description = "Generator seed; not an evaluation seed (99, 123) (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() throws IOException, BundleException {
    Path dir = ModelOption.writableFolder(spec.commandLine(), model, "calibrated");
    if (windows < 2) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--windows must be at least 2 "
          + "(one half to fit, one to check), got " + windows);
    }
    if (EVALUATION_SEEDS.contains(seed)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--seed " + seed
          + " is an evaluation seed of florets eval synthetic (99, 123); calibrate on other windows");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SyntheticConfig cfg = Recipe.defaultRecipe(1).data().toBuilder().count(windows).seed(seed)
        .build();
    DenseDataset data = SyntheticGenerator.generate(cfg);
    String source = "florets calibrate --windows " + windows + " --seed " + seed
        + " (synthetic windows of the default recipe; isotonic maps and the EVENTS minimum "
        + "confidence of best event F1 refitted on all windows)";
    long t0 = System.nanoTime();
    CalibrationFit.Result r;
    try (Florets f = ModelOption.open(dir.toString())) {
      r = CalibrationFit.run(f, data, source, step -> {
        err.printf("calibrate: task %d/4 done (%.0f s)%n", step, (System.nanoTime() - t0) / 1e9);
        err.flush();
      });
    }
    String sum = ModelBundle.writeCalibration(dir, r.calibration());
    Path file = dir.resolve(Calibration.FILE);
    if (json) {
      Map<String, Object> all = new LinkedHashMap<>();
      all.put("model", dir.toString());
      all.put("file", file.toString());
      all.put("sha256", sum);
      all.put("windows", windows);
      all.put("seed", seed);
      all.put("seconds", Math.round((System.nanoTime() - t0) / 1e7) / 100.0);
      all.put("fitWindows", r.fitWindows());
      all.put("heldOutWindows", r.heldOutWindows());
      all.put("tasks", r.tasks());
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(all));
    } else {
      out.printf("held-out half: %d windows (fitted on %d); ECE over %d equal-width bins%n",
          r.heldOutWindows(), r.fitWindows(), io.florets.prompt.calibration.Reliability.BINS);
      out.printf("%-12s %8s %8s %10s %10s %10s %6s%n", "task", "items", "held-out", "accuracy",
          "ECE before", "ECE after", "knots");
      for (Map.Entry<String, CalibrationFit.TaskFit> e : r.tasks().entrySet()) {
        CalibrationFit.TaskFit t = e.getValue();
        out.printf("%-12s %8d %8d %10s %10s %10s %6d%n", e.getKey(), t.items(), t.heldOutItems(),
            t.heldOutAccuracy(), t.eceBefore(), t.eceAfter(), t.knots());
      }
      for (Map.Entry<String, CalibrationFit.TaskFit> e : r.tasks().entrySet()) {
        printThreshold(out, e.getKey(), e.getValue());
      }
      out.println("wrote " + file + " (sha256 " + sum + ")");
    }
    out.flush();
    return 0;
  }

  /** The minimum confidence line of a task that has one. */
  static void printThreshold(PrintWriter out, String task, CalibrationFit.TaskFit t) {
    if (t.minConfidence() == null) {
      return;
    }
    out.printf(Locale.ROOT, "%s minimum confidence %.4f (calibrated; answer items below it are "
        + "dropped; chosen for event F1 on all windows)%n", task, t.minConfidence());
    if (t.typeMinConfidence() != null && !t.typeMinConfidence().isEmpty()) {
      StringBuilder b = new StringBuilder();
      t.typeMinConfidence().forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ")
          .append(k).append(' ').append(String.format(Locale.ROOT, "%.4f", v)));
      out.printf("%s minimum confidence per event type: %s%n", task, b);
    }
    if (t.fitHalfMinConfidence() != null) {
      out.printf(Locale.ROOT, "%s held-out event F1 %s without a threshold, %s with %.4f, %s with "
          + "the per-type minimums (chosen on the fit half)%n", task, t.heldOutF1Before(),
          t.heldOutF1After(), t.fitHalfMinConfidence(), t.heldOutF1AfterTypes());
    }
  }
}
