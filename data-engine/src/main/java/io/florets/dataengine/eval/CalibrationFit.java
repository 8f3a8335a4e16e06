package io.florets.dataengine.eval;

import io.florets.datasets.DenseDataset;
import io.florets.datasets.Window;
import io.florets.datasets.target.Annotation;
import io.florets.labelers.consensus.ConsensusConfig;
import io.florets.prompt.calibration.Calibration;
import io.florets.prompt.calibration.CalibrationMap;
import io.florets.prompt.calibration.Reliability;
import io.florets.prompt.facade.Florets;
import io.florets.prompt.readout.Readout;
import io.florets.prompt.serial.ReadoutTargets;
import io.florets.prompt.task.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * Fits a model's per-task confidence calibration on windows with exact truth, and measures it on
 * windows it was not fitted on.
 *
 * <p>For each task of {@link ItemCorrectness#TASKS}, the model is asked every window (the decoder's
 * own confidences, {@link Florets#askAllUncalibrated}, so an existing calibration is ignored) and
 * each item is scored right or wrong against the truth ({@link ItemCorrectness}, event tolerance
 * {@link ConsensusConfig#DEFAULTS}). The windows are split in two halves, the first
 * {@code floor(n/2)} and the rest: an isotonic map is fitted on the items of the first half and
 * the expected calibration error of the second half's items is reported before and after that
 * map. The map that is returned is then refitted on the items of all windows. A task with no
 * scored item gets no map.
 */
public final class CalibrationFit {
  private CalibrationFit() {
  }

  /**
   * Runs the fit.
   *
   * @param florets the model (its calibration, if any, is not used)
   * @param data at least two windows with truth annotations (source {@code truth})
   * @param source how the fit was made (command, windows, seed), recorded in the calibration
   * @param progress called with the number of tasks done
   * @return the refitted calibration and the held-out figures per task
   * @throws IllegalArgumentException for fewer than two windows
   */
  public static Result run(Florets florets, DenseDataset data, String source, IntConsumer progress) {
    Objects.requireNonNull(florets, "florets");
    Objects.requireNonNull(source, "source");
    List<Window> ws = data.windows();
    int n = ws.size();
    if (n < 2) {
      throw new IllegalArgumentException("calibration needs at least 2 windows (one half to fit, "
          + "one to check), got " + n);
    }
    List<List<Annotation>> truth = truth(data);
    int half = n / 2;
    ConsensusConfig cc = ConsensusConfig.DEFAULTS;
    Map<String, CalibrationMap> maps = new LinkedHashMap<>();
    Map<String, TaskFit> figures = new LinkedHashMap<>();
    int step = 0;
    for (Task<?> task : ItemCorrectness.TASKS) {
      List<Readout> answers = SyntheticEvaluation.askLenient(florets, ws, task, false);
      HalfSamples s = new HalfSamples();
      for (int i = 0; i < n; i++) {
        Readout r = answers.get(i);
        if (r == null) {
          continue;
        }
        int len = ws.get(i).length();
        ItemCorrectness.score(task, ReadoutTargets.annotations(task.prompt(), r, len, "model", "1"),
            truth.get(i), cc.tolerance(len), i < half ? s.fit : s.heldOut);
      }
      HalfSamples.all(s).fit().ifPresent(m -> {
        maps.put(task.name(), m);
        figures.put(task.name(), TaskFit.of(s, m.knots()));
      });
      progress.accept(++step);
    }
    return new Result(new Calibration(maps, source), figures, half, n - half);
  }

  private static List<List<Annotation>> truth(DenseDataset data) {
    List<List<Annotation>> out = new ArrayList<>();
    for (DenseDataset.Entry e : data.entries()) {
      List<Annotation> t = new ArrayList<>();
      for (Annotation a : e.annotations()) {
        if (Annotation.TRUTH.equals(a.source())) {
          t.add(a);
        }
      }
      out.add(t);
    }
    return out;
  }

  /** The items of the two halves of one task. */
  private static final class HalfSamples {
    final ConfidenceSample fit = new ConfidenceSample();
    final ConfidenceSample heldOut = new ConfidenceSample();

    static ConfidenceSample all(HalfSamples s) {
      ConfidenceSample out = new ConfidenceSample();
      out.addAll(s.fit);
      out.addAll(s.heldOut);
      return out;
    }
  }

  /**
   * The outcome of a fit.
   *
   * @param calibration the maps refitted on all windows, per task name
   * @param tasks per calibrated task name, the held-out figures
   * @param fitWindows windows of the first half
   * @param heldOutWindows windows of the second half
   */
  public record Result(Calibration calibration, Map<String, TaskFit> tasks, int fitWindows,
      int heldOutWindows) {
    /** Copies the map, keeping its order. */
    public Result {
      Objects.requireNonNull(calibration, "calibration");
      tasks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tasks));
    }
  }

  /**
   * One task's fit, 4 decimals; held-out figures are {@code null} when either half had no scored
   * item of the task.
   *
   * @param items scored items over all windows (the refitted map's data)
   * @param fitItems scored items of the first half
   * @param heldOutItems scored items of the second half
   * @param heldOutAccuracy share of the second half's items that were right
   * @param eceBefore expected calibration error of the second half's raw confidences
   * @param eceAfter the same after the map fitted on the first half
   * @param meanConfidenceBefore mean raw confidence of the second half's items
   * @param meanConfidenceAfter their mean after that map
   * @param knots knots of the refitted map
   */
  public record TaskFit(int items, int fitItems, int heldOutItems, Double heldOutAccuracy,
      Double eceBefore, Double eceAfter, Double meanConfidenceBefore, Double meanConfidenceAfter,
      int knots) {
    static TaskFit of(HalfSamples s, int knots) {
      int all = s.fit.size() + s.heldOut.size();
      Optional<CalibrationMap> m = s.fit.fit();
      Optional<Reliability> before = s.heldOut.reliability();
      if (m.isEmpty() || before.isEmpty()) {
        return new TaskFit(all, s.fit.size(), s.heldOut.size(), null, null, null, null, null, knots);
      }
      Reliability after = s.heldOut.mapped(m.get()).reliability().orElseThrow();
      return new TaskFit(all, s.fit.size(), s.heldOut.size(), round(before.get().accuracy()),
          round(before.get().ece()), round(after.ece()), round(before.get().meanConfidence()),
          round(after.meanConfidence()), knots);
    }
  }

  private static Double round(double v) {
    return Double.isNaN(v) ? null : Math.round(v * 10000) / 10000.0;
  }
}
