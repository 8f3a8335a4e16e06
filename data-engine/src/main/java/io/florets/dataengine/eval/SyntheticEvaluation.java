package io.florets.dataengine.eval;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.florets.datasets.DenseDataset;
import io.florets.datasets.Window;
import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.CaptionText;
import io.florets.datasets.target.ClassLabel;
import io.florets.datasets.target.Event;
import io.florets.datasets.target.EventType;
import io.florets.datasets.target.Property;
import io.florets.datasets.target.ShapeFacet;
import io.florets.datasets.target.ShapeTag;
import io.florets.labelers.LabelerSuite;
import io.florets.labelers.caption.CaptionComposer;
import io.florets.labelers.batch.ParallelLabeling;
import io.florets.labelers.consensus.Consensus;
import io.florets.labelers.consensus.ConsensusConfig;
import io.florets.labelers.eval.Scorecard;
import io.florets.prompt.calibration.Calibration;
import io.florets.prompt.calibration.Reliability;
import io.florets.prompt.facade.Florets;
import io.florets.prompt.serial.ReadoutTargets;
import io.florets.prompt.readout.Readout;
import io.florets.prompt.task.Task;
import io.florets.prompt.task.Tasks;
import io.florets.prompt.task.EmbedFacet;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Scores a model and the labeler consensus side by side against the exact truth of synthetic
 * windows, with the labelers' {@link Scorecard} (same definitions for both, over the full scope:
 * every event type, facet and property; an abstention is wrong). Per task it also measures the
 * parse rate (answers that parse under the task's grammar), caption keyword match (fraction of the
 * true trend, seasonality and noise tag words found in the caption) and classification accuracy.
 *
 * <p>It also measures how far the model's item confidences can be trusted: per task whose items
 * can be right or wrong one by one ({@link ItemCorrectness}), the expected calibration error of the
 * confidences the facade returns (after the model's calibration, when it has one), with the
 * accuracy and mean confidence of those items, and the error of the decoder's own confidences
 * beside it when a calibration was applied.
 */
public final class SyntheticEvaluation {
  private static final List<Task<?>> TASKS = List.of(Tasks.SHAPE, Tasks.EVENTS, Tasks.PROPERTIES,
      Tasks.CLASSIFY, Tasks.CAPTION);

  private SyntheticEvaluation() {
  }

  /**
   * Runs the evaluation.
   *
   * @param florets the model
   * @param data windows with truth annotations (source {@code truth})
   * @param threads labelling threads
   * @param progress called with the number of finished steps (tasks plus one labelling step)
   * @return the figures (model figures at the top level, consensus under "consensus")
   */
  public static Report run(Florets florets, DenseDataset data, int threads,
      IntConsumer progress) {
    List<Window> ws = data.windows();
    int n = ws.size();
    List<List<Annotation>> truth = new ArrayList<>();
    for (DenseDataset.Entry e : data.entries()) {
      List<Annotation> t = new ArrayList<>();
      for (Annotation a : e.annotations()) {
        if (Annotation.TRUTH.equals(a.source())) {
          t.add(a);
        }
      }
      truth.add(t);
    }
    List<List<Annotation>> model = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      model.add(new ArrayList<>());
    }
    Map<String, TaskFigures> perTask = new LinkedHashMap<>();
    Map<String, CalibrationFigures> calibration = new LinkedHashMap<>();
    Calibration cal = florets.calibration().orElse(null);
    ConsensusConfig cc = ConsensusConfig.DEFAULTS;
    long asked = 0;
    long parsed = 0;
    int step = 0;
    for (Task<?> task : TASKS) {
      long t0 = System.nanoTime();
      List<Readout> rawAnswers = askLenient(florets, ws, task, false);
      List<Readout> answers = calibrated(cal, task, rawAnswers);
      ConfidenceSample items = new ConfidenceSample();
      ConfidenceSample rawItems = new ConfidenceSample();
      int ok = 0;
      for (int i = 0; i < n; i++) {
        Readout r = answers.get(i);
        if (r != null) {
          ok++;
          int len = ws.get(i).length();
          List<Annotation> as = ReadoutTargets.annotations(task.prompt(), r, len, "model", "1");
          model.get(i).addAll(as);
          ItemCorrectness.score(task, as, truth.get(i), cc.tolerance(len), items);
          if (cal != null) {
            ItemCorrectness.score(task, ReadoutTargets.annotations(task.prompt(), rawAnswers.get(i),
                len, "model", "1"), truth.get(i), cc.tolerance(len), rawItems);
          }
        }
      }
      asked += n;
      parsed += ok;
      perTask.put(task.token(), new TaskFigures(round((double) ok / n),
          round((System.nanoTime() - t0) / 1e9)));
      items.reliability().ifPresent(rel -> calibration.put(task.name(),
          CalibrationFigures.of(rel, cal == null ? null : rawItems.reliability().orElseThrow())));
      progress.accept(++step);
    }
    LabelerSuite suite = LabelerSuite.defaults();
    List<List<Annotation>> raw = ParallelLabeling.label(ws, suite, threads, null);
    Consensus consensus = Consensus.fit(suite.labelers(), raw, cc);
    progress.accept(++step);
    Scorecard mc = card();
    Scorecard cs = card();
    double[] capM = new double[2];
    double[] capC = new double[2];
    double[] clsM = new double[2];
    double[] clsC = new double[2];
    double[] agree = new double[2];
    for (int i = 0; i < n; i++) {
      int len = ws.get(i).length();
      int tol = cc.tolerance(len);
      List<Annotation> kept = consensus.apply(len, raw.get(i)).kept();
      mc.add(model.get(i), truth.get(i), tol);
      cs.add(kept, truth.get(i), tol);
      keywords(model.get(i), truth.get(i), capM);
      agreement(model.get(i), agree);
      keywords(kept, truth.get(i), capC);
      classes(model.get(i), truth.get(i), clsM);
      classes(kept, truth.get(i), clsC);
    }
    ConsensusFigures c = new ConsensusFigures(round(cs.shapeTagAccuracy()), round(cs.eventF1()),
        round(cs.numericScore()), ratio(capC), ratio(clsC), cs.scores());
    return new Report(n, round((double) parsed / asked), round(mc.shapeTagAccuracy()),
        round(mc.eventF1()), round(mc.numericScore()), ratio(capM), ratio(clsM),
        cc.tolerance(ws.get(0).length()), perTask, c, mc.scores(), embedding(florets, ws, truth),
        calibration, ratio(agree));
  }

  /**
   * Whether a model's caption says what the same model answers to {@code <SHAPE>} and
   * {@code <EVENTS>} on the window: one check per trend, seasonality and noise tag it answered (the
   * caption holds one of the composer's phrases for that value), one per event type it answered
   * (the caption names that type) and, when it answered no events, one that the caption says so.
   */
  private static void agreement(List<Annotation> model, double[] acc) {
    String caption = null;
    java.util.Set<EventType> types = new java.util.TreeSet<>();
    List<List<String>> tagPhrases = new ArrayList<>();
    for (Annotation a : model) {
      if (a.target() instanceof CaptionText c && !c.detailed()) {
        caption = c.text().toLowerCase(Locale.ROOT);
      } else if (a.target() instanceof ShapeTag t) {
        List<String> p = CaptionComposer.shapePhrases(t.facet(), t.value());
        if (!p.isEmpty()) {
          tagPhrases.add(p);
        }
      } else if (a.target() instanceof Event e) {
        types.add(e.type());
      }
    }
    if (caption == null) {
      return;
    }
    List<List<String>> checks = new ArrayList<>(tagPhrases);
    for (EventType t : types) {
      checks.add(CaptionComposer.eventPhrases(t));
    }
    if (types.isEmpty()) {
      checks.add(CaptionComposer.noEventPhrases());
    }
    for (List<String> phrases : checks) {
      acc[1]++;
      for (String p : phrases) {
        if (caption.contains(p)) {
          acc[0]++;
          break;
        }
      }
    }
  }

  /**
   * The figures of a synthetic evaluation, 4 decimals, {@code null} where not measurable.
   *
   * @param windows windows scored
   * @param parseRate share of all answers that parse
   * @param shapeTagAccuracy the model's shape-tag accuracy
   * @param eventF1 the model's event F1
   * @param numericScore the model's numeric score
   * @param captionKeywordMatch share of true trend, seasonality and noise words in its captions
   * @param classificationAccuracy its class accuracy
   * @param eventTolerance the event matching tolerance in samples (of the first window)
   * @param tasks per task token, parse rate and seconds
   * @param consensus the labeler consensus's figures
   * @param model the model's full scorecard
   * @param embedding per facet ({@code trend}, {@code seasonality}, {@code noise},
   *     {@code stationarity}, {@code events}, {@code class}), leave-one-out precision@10 of
   *     {@code <EMBED>facet} neighbours sharing the true facet, with the general {@code <EMBED>}'s
   *     beside it; and {@code allShapeTags}, of the general {@code <EMBED>}; empty for 10 windows
   *     or fewer
   * @param calibration per task name (e.g. {@code EVENTS}) with at least one scored item, how
   *     reliable the model's item confidences are
   * @param captionAgreement share of checks where the model's {@code <CAPTION>} says what the
   *     same model answers to {@code <SHAPE>} (trend, seasonality, noise) and {@code <EVENTS>}
   *     (each event type named, or "no notable events" when it answered none) on the window
   */
  public record Report(int windows, Double parseRate, Double shapeTagAccuracy, Double eventF1,
      Double numericScore, Double captionKeywordMatch, Double classificationAccuracy,
      int eventTolerance, Map<String, TaskFigures> tasks, ConsensusFigures consensus,
      Scorecard.Scores model, Map<String, EmbeddingEvaluation.Precision> embedding,
      Map<String, CalibrationFigures> calibration, Double captionAgreement) {
    /** Copies the maps, keeping their order. */
    public Report {
      tasks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tasks));
      embedding = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(embedding));
      calibration = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(calibration));
    }
  }

  /**
   * How reliable one task's item confidences are ({@link ItemCorrectness} says which items are
   * right), 4 decimals.
   *
   * @param ece expected calibration error ({@value Reliability#BINS} equal-width bins) of the
   *     confidences the facade returns: calibrated when the model has a calibration
   * @param items scored items
   * @param accuracy share of them that were right
   * @param meanConfidence their mean confidence (as returned)
   * @param eceUncalibrated the error of the decoder's own confidences of the same items; only
   *     when a calibration was applied ({@code null}, and left out of JSON, otherwise)
   */
  public record CalibrationFigures(double ece, int items, double accuracy, double meanConfidence,
      @JsonInclude(JsonInclude.Include.NON_NULL) Double eceUncalibrated) {
    /** The figures of {@code returned}, and of {@code uncalibrated} when not null. */
    static CalibrationFigures of(Reliability returned, Reliability uncalibrated) {
      return new CalibrationFigures(round(returned.ece()), returned.items(),
          round(returned.accuracy()), round(returned.meanConfidence()),
          uncalibrated == null ? null : round(uncalibrated.ece()));
    }
  }

  /**
   * One task's answers.
   *
   * @param parseRate share of answers that parse
   * @param seconds seconds spent asking
   */
  public record TaskFigures(Double parseRate, Double seconds) {
  }

  /**
   * The labeler consensus on the same windows.
   *
   * @param shapeTagAccuracy shape-tag accuracy
   * @param eventF1 event F1
   * @param numericScore numeric score
   * @param captionKeywordMatch share of true trend, seasonality and noise words in its captions
   * @param classificationAccuracy class accuracy
   * @param detail the full scorecard
   */
  public record ConsensusFigures(Double shapeTagAccuracy, Double eventF1, Double numericScore,
      Double captionKeywordMatch, Double classificationAccuracy, Scorecard.Scores detail) {
  }

  /**
   * Leave-one-out precision@10 of neighbours sharing the query's true facet: per shape facet (the
   * true tag), {@code events} (the set of true event types) and {@code class} (the true class, when
   * every window has one and the model has class names), each of the facet's {@code <EMBED>facet}
   * vectors with the general {@code <EMBED>}'s figure beside it; and {@code allShapeTags} (all four
   * tags at once) of the general embedding.
   */
  static Map<String, EmbeddingEvaluation.Precision> embedding(Florets florets, List<Window> ws,
      List<List<Annotation>> truth) {
    Map<String, EmbeddingEvaluation.Precision> out = new LinkedHashMap<>();
    if (ws.size() <= 10) {
      return out;
    }
    List<String> all = new ArrayList<>();
    io.florets.prompt.facade.RetrievalIndex general = florets.index(ws);
    Map<EmbedFacet, List<String>> facets = new LinkedHashMap<>();
    for (ShapeFacet f : ShapeFacet.values()) {
      List<String> labels = new ArrayList<>();
      for (int i = 0; i < ws.size(); i++) {
        String v = "";
        for (Annotation a : truth.get(i)) {
          if (a.target() instanceof ShapeTag t && t.facet() == f && t.channel() <= 0) {
            v = t.value();
          }
        }
        labels.add(v);
        if (all.size() <= i) {
          all.add("");
        }
        all.set(i, all.get(i) + "|" + v);
      }
      facets.put(EmbedFacet.parse(f.token(), "shape facet " + f), labels);
    }
    facets.put(EmbedFacet.EVENTS, eventTypeSets(truth));
    List<String> classes = classLabels(truth);
    if (classes != null && !florets.bundle().head().vocabulary().classNames().isEmpty()) {
      facets.put(EmbedFacet.CLASS, classes);
    }
    for (Map.Entry<EmbedFacet, List<String>> e : facets.entrySet()) {
      double g = EmbeddingEvaluation.leaveOneOut(general, ws, e.getValue(), 10).precisionAtK();
      out.put(e.getKey().word(), EmbeddingEvaluation.leaveOneOut(florets.index(ws, e.getKey()), ws,
          e.getValue(), 10).withGeneral(g));
    }
    out.put("allShapeTags", EmbeddingEvaluation.leaveOneOut(general, ws, all, 10));
    return out;
  }

  /** Per window, its true event types, sorted and joined ({@code "none"} without events). */
  private static List<String> eventTypeSets(List<List<Annotation>> truth) {
    List<String> out = new ArrayList<>(truth.size());
    for (List<Annotation> as : truth) {
      java.util.TreeSet<String> types = new java.util.TreeSet<>();
      for (Annotation a : as) {
        if (a.target() instanceof Event ev) {
          types.add(ev.type().token());
        }
      }
      out.add(types.isEmpty() ? "none" : String.join("+", types));
    }
    return out;
  }

  /** Per window, its true class; {@code null} if a window has none. */
  private static List<String> classLabels(List<List<Annotation>> truth) {
    List<String> out = new ArrayList<>(truth.size());
    for (List<Annotation> as : truth) {
      String c = null;
      for (Annotation a : as) {
        if (a.target() instanceof ClassLabel l) {
          c = l.label();
        }
      }
      if (c == null) {
        return null;
      }
      out.add(c);
    }
    return out;
  }

  /**
   * Answers per window; {@code null} where the answer does not parse.
   *
   * @param calibrated {@code true}: the confidences the facade returns; {@code false}: the
   *     decoder's own ({@link Florets#askAllUncalibrated})
   */
  static List<Readout> askLenient(Florets f, List<Window> ws, Task<?> task, boolean calibrated) {
    List<Readout> out = new ArrayList<>(ws.size());
    for (int from = 0; from < ws.size(); from += Florets.BATCH) {
      List<Window> part = ws.subList(from, Math.min(ws.size(), from + Florets.BATCH));
      try {
        out.addAll(ask(f, part, task, calibrated));
      } catch (IllegalStateException e) {
        for (Window w : part) {
          try {
            out.addAll(ask(f, List.of(w), task, calibrated));
          } catch (IllegalStateException one) {
            out.add(null);
          }
        }
      }
    }
    return out;
  }

  private static List<? extends Readout> ask(Florets f, List<Window> ws, Task<?> task,
      boolean calibrated) {
    return calibrated ? f.askAll(ws, task.prompt()) : f.askAllUncalibrated(ws, task.prompt());
  }

  /**
   * The answers as the facade returns them: {@code raw} with {@code cal}'s map of {@code task}
   * applied ({@code raw} itself without a calibration); {@code null} entries stay.
   */
  static List<Readout> calibrated(Calibration cal, Task<?> task, List<Readout> raw) {
    if (cal == null) {
      return raw;
    }
    return applyAll(cal, task, raw);
  }

  private static <R extends Readout> List<Readout> applyAll(Calibration cal, Task<R> task,
      List<Readout> raw) {
    List<Readout> out = new ArrayList<>(raw.size());
    for (Readout r : raw) {
      out.add(r == null ? null : cal.apply(task.prompt(), task.readoutType().cast(r)));
    }
    return out;
  }

  private static Scorecard card() {
    return new Scorecard(EnumSet.allOf(EventType.class), EnumSet.allOf(ShapeFacet.class),
        EnumSet.allOf(Property.class));
  }

  private static void keywords(List<Annotation> pred, List<Annotation> truth, double[] acc) {
    String caption = null;
    for (Annotation a : pred) {
      if (a.target() instanceof CaptionText c && !c.detailed()) {
        caption = c.text().toLowerCase(Locale.ROOT);
      }
    }
    for (Annotation a : truth) {
      if (a.target() instanceof ShapeTag t && t.facet() != ShapeFacet.STATIONARITY) {
        acc[1]++;
        String v = t.value().toLowerCase(Locale.ROOT);
        if (caption != null && (caption.contains(v) || caption.contains(v.replace('_', ' ')))) {
          acc[0]++;
        }
      }
    }
  }

  private static void classes(List<Annotation> pred, List<Annotation> truth, double[] acc) {
    for (Annotation a : truth) {
      if (a.target() instanceof ClassLabel g) {
        acc[1]++;
        for (Annotation p : pred) {
          if (p.target() instanceof ClassLabel l) {
            if (l.label().equals(g.label())) {
              acc[0]++;
            }
            break;
          }
        }
      }
    }
  }

  private static Double ratio(double[] c) {
    return c[1] == 0 ? null : round(c[0] / c[1]);
  }

  private static Double round(double v) {
    return Double.isNaN(v) ? null : Math.round(v * 10000) / 10000.0;
  }
}
