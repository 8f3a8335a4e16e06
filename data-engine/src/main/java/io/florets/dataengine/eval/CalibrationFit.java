package io.florets.dataengine.eval;

import com.fasterxml.jackson.annotation.JsonInclude;
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
import java.util.OptionalDouble;
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
 *
 * <p>For {@code EVENTS} (the tasks of {@link Calibration#THRESHOLD_TASKS}) it also chooses a
 * minimum confidence, as an object detector's decision threshold is chosen: the one that maximises
 * the event F1 {@code 2 * TP / (kept + gold)} of the fit half, among 0 and every distinct mapped
 * confidence of its items, the lowest on ties ({@link ConfidenceSample#bestThreshold}). Kept items
 * are those whose mapped confidence is at least the threshold, {@code TP} the kept ones
 * {@link ItemCorrectness} scored right (each keeps the outcome of the one-to-one matching of the
 * whole answer: a dropped event does not free its true event for another), and {@code gold} the
 * true events of every window of the half, of every type
 * ({@link ItemCorrectness#trueEvents}; a window whose answer did not parse adds its true events and
 * no item). Then one minimum per event type, by coordinate ascent on the same F1
 * ({@link ConfidenceSample#bestGroupThresholds}): types whose events are less often right get a
 * higher one. The held-out half's F1 is reported without a threshold, with the task's and with the
 * per-type ones (all chosen on the fit half, after its map). The returned calibration's
 * thresholds are chosen again on all windows, with the map refitted on all of them.
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
    Map<String, CalibrationMap> maps = new LinkedHashMap<>();
    Map<String, Double> thresholds = new LinkedHashMap<>();
    Map<String, TaskFit> figures = new LinkedHashMap<>();
    int step = 0;
    for (Task<?> task : ItemCorrectness.TASKS) {
      HalfSamples s = score(florets, ws, truth, task, half);
      boolean thresholded = Calibration.THRESHOLD_TASKS.contains(task.name());
      ConfidenceSample all = HalfSamples.all(s);
      all.fit().ifPresent(m -> {
        maps.put(task.name(), m);
        Double min = null;
        Map<String, Double> perType = Map.of();
        if (thresholded) {
          int gold = s.fitGold + s.heldOutGold;
          ConfidenceSample mapped = all.mapped(m);
          min = mapped.bestThreshold(gold).orElseThrow().minConfidence();
          thresholds.put(task.name(), min);
          perType = mapped.bestGroupThresholds(gold, min);
          for (Map.Entry<String, Double> t : perType.entrySet()) {
            if (t.getValue() != min.doubleValue()) {
              thresholds.put(task.name() + Calibration.TYPE_SEPARATOR + t.getKey(), t.getValue());
            }
          }
        }
        figures.put(task.name(), TaskFit.of(s, m.knots(), thresholded, min, perType));
      });
      progress.accept(++step);
    }
    return new Result(new Calibration(maps, thresholds, source), figures, half, n - half);
  }

  /**
   * The model's uncalibrated answers to {@code task}, scored, split at window {@code half}, with
   * the true events of each half.
   */
  private static HalfSamples score(Florets florets, List<Window> ws, List<List<Annotation>> truth,
      Task<?> task, int half) {
    ConsensusConfig cc = ConsensusConfig.DEFAULTS;
    List<Readout> answers = SyntheticEvaluation.askLenient(florets, ws, task, false);
    int fitGold = 0;
    int heldOutGold = 0;
    for (int i = 0; i < ws.size(); i++) {
      int g = ItemCorrectness.trueEvents(truth.get(i));
      fitGold += i < half ? g : 0;
      heldOutGold += i < half ? 0 : g;
    }
    HalfSamples s = new HalfSamples(fitGold, heldOutGold);
    for (int i = 0; i < ws.size(); i++) {
      Readout r = answers.get(i);
      if (r == null) {
        continue;
      }
      int len = ws.get(i).length();
      ItemCorrectness.score(task, ReadoutTargets.annotations(task.prompt(), r, len, "model", "1"),
          truth.get(i), cc.tolerance(len), i < half ? s.fit : s.heldOut);
    }
    return s;
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

  /** The items of the two halves of one task, and the true events of each half. */
  private static final class HalfSamples {
    final ConfidenceSample fit = new ConfidenceSample();
    final ConfidenceSample heldOut = new ConfidenceSample();
    /** True events (every type) of the windows of each half, for the event F1. */
    final int fitGold;
    final int heldOutGold;

    HalfSamples(int fitGold, int heldOutGold) {
      this.fitGold = fitGold;
      this.heldOutGold = heldOutGold;
    }

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
   * One task's fit, 4 decimals (thresholds exact, as in the file); held-out figures are
   * {@code null} when either half had no scored item of the task, threshold figures also for tasks
   * without a threshold (and then left out of JSON).
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
   * @param minConfidence the minimum mapped confidence written to the calibration (chosen on all
   *     windows with the refitted map)
   * @param typeMinConfidence per event type, the minimum chosen on all windows after
   *     {@code minConfidence} ({@link ConfidenceSample#bestGroupThresholds}); those that differ
   *     from {@code minConfidence} are written to the calibration as {@code TASK:type}
   * @param fitHalfMinConfidence the minimum mapped confidence chosen on the first half (with its
   *     map), the one the held-out F1 after is measured with
   * @param heldOutF1Before event F1 of the second half's items, all kept
   * @param heldOutF1After the same keeping only items whose confidence after the first half's map
   *     is at least {@code fitHalfMinConfidence}
   * @param heldOutF1AfterTypes the same with the per-type minimums chosen on the first half
   */
  public record TaskFit(int items, int fitItems, int heldOutItems, Double heldOutAccuracy,
      Double eceBefore, Double eceAfter, Double meanConfidenceBefore, Double meanConfidenceAfter,
      int knots, @JsonInclude(JsonInclude.Include.NON_NULL) Double minConfidence,
      @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Double> typeMinConfidence,
      @JsonInclude(JsonInclude.Include.NON_NULL) Double fitHalfMinConfidence,
      @JsonInclude(JsonInclude.Include.NON_NULL) Double heldOutF1Before,
      @JsonInclude(JsonInclude.Include.NON_NULL) Double heldOutF1After,
      @JsonInclude(JsonInclude.Include.NON_NULL) Double heldOutF1AfterTypes) {
    static TaskFit of(HalfSamples s, int knots, boolean thresholded, Double minConfidence,
        Map<String, Double> typeMinConfidence) {
      int all = s.fit.size() + s.heldOut.size();
      Optional<CalibrationMap> m = s.fit.fit();
      Optional<Reliability> before = s.heldOut.reliability();
      Map<String, Double> types = thresholded ? typeMinConfidence : null;
      if (m.isEmpty() || before.isEmpty()) {
        return new TaskFit(all, s.fit.size(), s.heldOut.size(), null, null, null, null, null, knots,
            minConfidence, types, null, null, null, null);
      }
      ConfidenceSample heldOutMapped = s.heldOut.mapped(m.get());
      Reliability after = heldOutMapped.reliability().orElseThrow();
      Double fitMin = null;
      Double f1Before = null;
      Double f1After = null;
      Double f1Types = null;
      if (thresholded) {
        ConfidenceSample fitMapped = s.fit.mapped(m.get());
        fitMin = fitMapped.bestThreshold(s.fitGold).orElseThrow().minConfidence();
        f1Before = round(s.heldOut.f1(0, s.heldOutGold));
        f1After = round(heldOutMapped.f1(fitMin, s.heldOutGold));
        Map<String, Double> fitTypes = fitMapped.bestGroupThresholds(s.fitGold, fitMin);
        f1Types = round(heldOutMapped.f1(fitTypes, fitMin, s.heldOutGold));
      }
      return new TaskFit(all, s.fit.size(), s.heldOut.size(), round(before.get().accuracy()),
          round(before.get().ece()), round(after.ece()), round(before.get().meanConfidence()),
          round(after.meanConfidence()), knots, minConfidence, types, fitMin, f1Before, f1After,
          f1Types);
    }
  }

  /** Rounded; {@code null} when there is no F1 (nothing kept and nothing to find). */
  private static Double round(OptionalDouble v) {
    return v.isPresent() ? round(v.getAsDouble()) : null;
  }

  private static Double round(double v) {
    return Double.isNaN(v) ? null : Math.round(v * 10000) / 10000.0;
  }
}
