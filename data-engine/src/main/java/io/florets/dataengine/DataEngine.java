package io.florets.dataengine;

import io.florets.datasets.DenseDataset;
import io.florets.datasets.Window;
import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.Event;
import io.florets.datasets.target.ShapeTag;
import io.florets.engine.EngineModel;
import io.florets.engine.train.TrainingListener;
import io.florets.labelers.Labeler;
import io.florets.labelers.LabelerSuite;
import io.florets.labelers.batch.ParallelLabeling;
import io.florets.labelers.consensus.Consensus;
import io.florets.labelers.consensus.ConsensusConfig;
import io.florets.labelers.consensus.ConsensusResult;
import io.florets.labelers.eval.Scorecard;
import io.florets.prompt.PromptHead;
import io.florets.dataengine.train.MultitaskTrainer;
import io.florets.dataengine.train.TrainOptions;
import io.florets.dataengine.train.TrainSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Florence-2's data engine over windows: round 0 labels every window with the labelers and merges
 * by consensus; each later round trains the multitask model on the current targets (warm start),
 * lets it label every window as one more labeler (its event confidences scaled by its held-out
 * event F1, its tags weighed by the label model), flags confident disagreements (confident
 * learning) and lets the model's tag replace the consensus where its held-out agreement is high,
 * merges again, and reports. Human labels ({@link Annotation#HUMAN}) are always kept and outrank
 * machine labels. Truth annotations ({@link Annotation#TRUTH}), where present, are used only to
 * report label quality, never as targets.
 *
 * <p>Not thread-safe; the model is trained in place.
 */
public final class DataEngine {
  private static final Logger LOG = LoggerFactory.getLogger(DataEngine.class);

  private final List<Labeler> labelers;
  private final DataEngineConfig config;

  private DataEngine(List<Labeler> labelers, DataEngineConfig config) {
    this.labelers = List.copyOf(labelers);
    this.config = config;
  }

  /**
   * A data engine.
   *
   * @param labelers the labelers of round 0 (pure and thread-safe)
   * @param config settings
   * @throws IllegalArgumentException if no labeler is given
   */
  public static DataEngine of(List<Labeler> labelers, DataEngineConfig config) {
    Objects.requireNonNull(config, "config");
    if (labelers.isEmpty()) {
      throw new IllegalArgumentException("the data engine needs at least one labeler");
    }
    return new DataEngine(labelers, config);
  }

  /**
   * Runs the loop.
   *
   * @param data windows with optional human labels and optional truth
   * @param model the model to train in place (fresh or warm)
   * @param head the output contract of the model
   * @param listener progress
   * @return per-round reports, the relabelled data and the training summaries
   */
  public DataEngineResult run(DenseDataset data, EngineModel<Window> model, PromptHead head,
      DataEngineListener listener) {
    Objects.requireNonNull(data, "data");
    int[] own = new int[data.size()];
    for (int i = 0; i < own.length; i++) {
      own[i] = i;
    }
    return run(data, own, model, head, listener);
  }

  /**
   * Runs the loop with windows held out by group: windows of one group (a window and the copies
   * derived from it) are all trained on or all held out (see {@code Split}).
   *
   * @param groups per window its group, numbered {@code 0..G-1} without gaps
   * @throws IllegalArgumentException if {@code groups} does not have one id per window
   */
  public DataEngineResult run(DenseDataset data, int[] groups, EngineModel<Window> model,
      PromptHead head, DataEngineListener listener) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(listener, "listener");
    if (data.size() < 4) {
      throw new IllegalArgumentException("the data engine needs at least 4 windows, got " + data.size());
    }
    if (groups.length != data.size()) {
      throw new IllegalArgumentException(groups.length + " groups for " + data.size() + " windows");
    }
    int n = data.size();
    List<Window> windows = data.windows();
    List<List<Annotation>> human = new ArrayList<>(n);
    List<List<Annotation>> truth = new ArrayList<>(n);
    for (DenseDataset.Entry e : data.entries()) {
      human.add(Targets.human(e.annotations()));
      truth.add(Targets.of(e.annotations(), Annotation.TRUTH));
    }
    boolean hasTruth = truth.stream().anyMatch(t -> !t.isEmpty());
    boolean[] heldOut = Split.heldOut(groups, config.heldOutFraction(), config.seed());

    long t0 = System.nanoTime();
    AtomicLong done = new AtomicLong();
    List<List<Annotation>> raw = ParallelLabeling.label(windows, LabelerSuite.of(labelers),
        config.threads(), k -> listener.progress(0, "label", done.incrementAndGet(), n));
    Consensus c0 = Consensus.fit(labelers, raw, config.consensus());
    List<List<Annotation>> targets = new ArrayList<>(n);
    int dropped = 0;
    for (int i = 0; i < n; i++) {
      ConsensusResult r = c0.apply(windows.get(i).length(), raw.get(i));
      dropped += r.dropped().size();
      targets.add(Targets.withHuman(human.get(i), r.kept()));
    }
    List<RoundReport> reports = new ArrayList<>();
    Optional<LabelQuality> q0 = Optional.empty();
    if (hasTruth) {
      q0 = Optional.of(new LabelQuality(Quality.truth(labelers, targets, truth, windows,
          config.consensus()), config.rounds() > 1 ? ablation(labelers, raw, human, truth, windows)
              : null));
    }
    reports.add(report(0, Quality.analysis(labelers, raw, c0), targets, dropped, n * 0L, 0, 0,
        Optional.empty(), q0, t0, listener));

    List<TrainSummary> training = new ArrayList<>();
    for (int round = 1; round < config.rounds(); round++) {
      long t1 = System.nanoTime();
      training.add(train(round, round == 1 ? config.firstSteps() : config.roundSteps(), data,
          targets, heldOut, model, head, listener));
      final int rk = round;
      ModelLabeler ml = ModelLabeler.of(model, head, config.modelTasks(), "round-" + round,
          config.decodeBatch());
      List<List<Annotation>> answers = ml.labelAll(windows,
          k -> listener.progress(rk, "relabel", k, n));
      Quality.Held mq = Quality.model(answers, targets, human, heldOut, windows,
          config.consensus());
      LOG.info("round {}: model on held-out vs targets: {}", round, mq.summary());
      List<List<Annotation>> raw2 = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        List<Annotation> r = new ArrayList<>(raw.get(i));
        for (Annotation a : answers.get(i)) {
          r.add(a.target() instanceof Event ? new Annotation(a.target(), a.source(),
              a.sourceVersion(), a.confidence() * mq.eventWeight()) : a);
        }
        raw2.add(r);
      }
      List<Labeler> voters = new ArrayList<>(labelers);
      voters.add(ml);
      Consensus ck = Consensus.fit(voters, raw2, modelRoundConfig());
      List<List<Annotation>> machine = new ArrayList<>(n);
      dropped = 0;
      for (int i = 0; i < n; i++) {
        listener.progress(round, "merge", i + 1, n);
        ConsensusResult r = ck.apply(windows.get(i).length(), raw2.get(i));
        dropped += r.dropped().size();
        machine.add(new ArrayList<>(r.kept()));
      }
      List<ConfidentLearning.Flag> flags = ConfidentLearning.flags(machine, answers,
          ConfidentLearning.thresholds(answers));
      int overridden = 0;
      for (ConfidentLearning.Flag f : flags) {
        if (mq.facetAgreement(f.model().facet()) >= config.minModelAccuracy()
            && replace(machine.get(f.window()), f.current(), f.model(), f.confidence())) {
          overridden++;
        }
      }
      List<List<Annotation>> next = new ArrayList<>(n);
      int changed = 0;
      for (int i = 0; i < n; i++) {
        next.add(Targets.withHuman(human.get(i), machine.get(i)));
        changed += Targets.changed(targets.get(i), next.get(i));
      }
      targets = next;
      LOG.info("round {}: {} flagged by confident learning, {} overridden, {} targets changed",
          round, flags.size(), overridden, changed);
      reports.add(report(round, Quality.analysis(voters, raw2, ck), targets, dropped, changed,
          flags.size(), overridden, Optional.of(mq.report()), hasTruth
              ? Optional.of(LabelQuality.of(Quality.truth(labelers, targets, truth, windows,
                  config.consensus()))) : Optional.empty(), t1, listener));
    }
    if (config.finalSteps() > 0 && config.rounds() > 1) {
      listener.beforeFinalTraining();
      training.add(train(config.rounds(), config.finalSteps(), data, targets,
          config.finalOnAll() ? new boolean[n] : heldOut, model, head, listener));
    }
    List<List<Annotation>> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      List<Annotation> a = new ArrayList<>(data.get(i).annotations());
      for (Annotation t : targets.get(i)) {
        if (!Annotation.HUMAN.equals(t.source())) {
          a.add(t);
        }
      }
      out.add(a);
    }
    return new DataEngineResult(reports, data.withAnnotations(out), training);
  }

  /** The consensus of model rounds: a lone event needs {@code modelSoloConfidence}. */
  private ConsensusConfig modelRoundConfig() {
    ConsensusConfig cc = config.consensus();
    return new ConsensusConfig(cc.toleranceFraction(), cc.minTolerance(), cc.minSupport(),
        config.modelSoloConfidence(), cc.maxRelativeSpread(), cc.minTagPosterior(),
        cc.emIterations(), cc.smoothing(), cc.reliabilityWindows());
  }

  /**
   * Label quality of the round-0 labelers merged by the model rounds' rule, without the model: the
   * part of a later round's gain that the stricter merging alone explains.
   */
  private Scorecard.Scores ablation(List<Labeler> labelers, List<List<Annotation>> raw,
      List<List<Annotation>> human, List<List<Annotation>> truth, List<Window> windows) {
    Consensus c = Consensus.fit(labelers, raw, modelRoundConfig());
    List<List<Annotation>> t = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      t.add(Targets.withHuman(human.get(i), c.apply(windows.get(i).length(), raw.get(i)).kept()));
    }
    return Quality.truth(labelers, t, truth, windows, config.consensus());
  }

  private TrainSummary train(int round, long steps, DenseDataset data,
      List<List<Annotation>> targets, boolean[] heldOut, EngineModel<Window> model, PromptHead head,
      DataEngineListener listener) {
    List<DenseDataset.Entry> es = new ArrayList<>();
    for (int i = 0; i < data.size(); i++) {
      if (!heldOut[i]) {
        es.add(new DenseDataset.Entry(data.get(i).window(), targets.get(i)));
      }
    }
    TrainOptions o = TrainOptions.defaults(steps).withBatchSize(config.batchSize())
        .withLearningRate(config.learningRate()).withSeed(config.seed() * 31 + round)
        .withAuxiliary(0, 2).withTaskWeights(config.taskWeights());
    LOG.info("round {}: training {} steps on {} windows", round, steps, es.size());
    return MultitaskTrainer.train(model, head, DenseDataset.of(es, data.metadata()), o,
        new TrainingListener() {
          @Override
          public void onStep(StepMetrics m) {
            listener.progress(round, "train", m.step(), steps);
          }
        });
  }

  private static boolean replace(List<Annotation> anns, ShapeTag current, ShapeTag model,
      double confidence) {
    for (int j = 0; j < anns.size(); j++) {
      Annotation a = anns.get(j);
      if (a.target().equals(current) && !Annotation.HUMAN.equals(a.source())) {
        anns.set(j, new Annotation(model, Consensus.SOURCE, Consensus.VERSION, confidence));
        return true;
      }
    }
    return false;
  }

  private static RoundReport report(int round, VoterAnalysis analysis,
      List<List<Annotation>> targets, int dropped, long changed, int flagged, int overridden,
      Optional<ModelQuality> modelQuality, Optional<LabelQuality> labelQuality, long t0,
      DataEngineListener listener) {
    int kept = 0;
    for (List<Annotation> t : targets) {
      kept += t.size();
    }
    RoundReport r = new RoundReport(round, analysis, kept, dropped, (int) changed, flagged,
        overridden, modelQuality, labelQuality, (System.nanoTime() - t0) / 1e9);
    LOG.info("round {}: {} targets kept, {} dropped; label quality {}", round, kept, dropped,
        r.labelFigures());
    listener.roundDone(r);
    return r;
  }
}
