package io.florets.dataengine;

import io.florets.datasets.DenseDataset;
import io.florets.datasets.Window;
import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.ClassLabel;
import io.florets.engine.EngineConfig;
import io.florets.engine.EngineModel;
import io.florets.engine.series.SeriesFrontEndConfig;
import io.florets.labelers.Labeler;
import io.florets.labelers.minirocket.MiniRocketConfig;
import io.florets.labelers.minirocket.MiniRocketLabeler;
import io.florets.prompt.PromptHead;
import io.florets.prompt.facade.bundle.BundleProvenance;
import io.florets.prompt.facade.bundle.ModelBundle;
import io.florets.dataengine.train.TrainSummary;
import io.florets.prompt.task.Task;
import io.florets.prompt.task.Tasks;
import io.florets.prompt.vocab.Vocabulary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Adaptation of a model to a user's windows: the user's class labels are kept as human labels,
 * the class names are added to the vocabulary (appended; existing ids unchanged), a MiniRocket
 * specialist fitted on the labelled windows joins the labelers, and the data engine labels and
 * trains. The returned model answers {@code <CLASSIFY>} with the user's class names.
 */
public final class Adaptation {
  /**
   * Factor on the {@code <CLASSIFY>} task's share of training steps in a classification
   * adaptation, unless the config names one. The other tasks' default shares add up to about 13,
   * so {@code <CLASSIFY>} gets about 70% of the steps instead of about 7%: the user's classes are
   * what the adaptation is for, and the dense tasks keep the rest. Chosen from short GunPoint runs
   * of the default model (factor 8, 30 and 100 at 300 and 800 steps): at 8 the model still
   * answered mostly one class; 30 and 100 both learned the classes.
   */
  public static final double CLASSIFY_WEIGHT = 30;

  private Adaptation() {
  }

  /**
   * An adapted model and the run that made it.
   *
   * @param bundle the trained model (caller closes it)
   * @param result the data-engine run
   * @param classNames the class names, in vocabulary order
   * @param heldOutLabelled labelled windows in the data engine's held-out split (kept out of the
   *     rounds' training)
   * @param heldOutClassAccuracy {@code <CLASSIFY>} accuracy on those windows against the user's
   *     labels (NaN when there are none) of the last model that had not trained on them: the
   *     returned model, or the last round's when the final training also used them
   *     ({@link DataEngineConfig#finalOnAll()}); an answer that does not parse is wrong
   */
  public record Adapted(ModelBundle bundle, DataEngineResult result, List<String> classNames,
      int heldOutLabelled, double heldOutClassAccuracy) {
    /** Copies the list. */
    public Adapted {
      Objects.requireNonNull(bundle, "bundle");
      classNames = List.copyOf(classNames);
    }
  }

  /**
   * Adapts a fresh model of shape {@code engine} to labelled windows.
   *
   * @param windows the windows
   * @param labels per window its class name, or {@code null} where unlabelled
   * @param labelers the dense labelers (e.g. {@code Labelers.defaultSuite()})
   * @param engine engine shape
   * @param config data-engine settings; {@code <CLASSIFY>} is added to the model's tasks
   * @param listener progress
   * @throws IllegalArgumentException if sizes differ or fewer than two classes are labelled
   */
  public static Adapted adaptForClassification(List<Window> windows, List<String> labels,
      List<Labeler> labelers, EngineConfig engine, DataEngineConfig config,
      DataEngineListener listener) {
    try (ModelBundle fresh = ModelBundle.create(engine,
        io.florets.dataengine.train.Recipe.seriesFrontEnd(engine.dModel()),
        PromptHead.of(io.florets.dataengine.train.Recipe.seriesVocabulary()),
        config.seed())) {
      return adaptForClassification(fresh, windows, labels, labelers, config, listener);
    }
  }

  /**
   * Adapts a copy of {@code initial} (the default model, a trained model folder or a fresh model)
   * to labelled windows: the copy's class names become the user's (appended to its vocabulary,
   * see {@link ModelBundle#withClassNames}), so every weight of {@code initial} is the starting
   * point, and the data engine labels and trains it. {@code initial} itself is not changed.
   *
   * @param initial the starting model (the caller still owns and closes it)
   * @param windows the windows (all with the same channel count)
   * @param labels per window its class name, or {@code null} where unlabelled
   * @param labelers the dense labelers (e.g. {@code Labelers.defaultSuite()})
   * @param config data-engine settings; {@code <CLASSIFY>} is added to the model's tasks
   * @param listener progress
   * @return the adapted model (provenance: recipe {@code "adaptation"}, steps, data hash, loss;
   *     the caller may add its command and details) and the run
   * @throws IllegalArgumentException if sizes differ, fewer than two classes are labelled, the
   *     windows' channel counts differ, or they differ from the count {@code initial} was
   *     trained on
   */
  public static Adapted adaptForClassification(ModelBundle initial, List<Window> windows,
      List<String> labels, List<Labeler> labelers, DataEngineConfig config,
      DataEngineListener listener) {
    return adaptForClassification(initial, windows, labels, labelers, config, listener,
        Options.DEFAULTS);
  }

  /**
   * How a classification adaptation treats the model and the data.
   *
   * @param convFeatures give the adapted model's front end the fixed convolution features
   *     ({@link SeriesFrontEndConfig#withConvFeatures}; kept when the initial model has them). They
   *     start with zero weight, so the copy first answers as the initial model
   * @param transferSet add augmented copies of the labelled windows without labels
   *     ({@code TransferSet}), which the fitted specialist labels: the model is trained to answer
   *     as the specialist on windows around the user's, not only on the user's few
   * @param refitAll the training after the last round also uses the held-out windows
   *     ({@link DataEngineConfig#withFinalOnAll}), so the returned model has learned from every
   *     labelled series; the held-out accuracy is then the last round's model's
   * @param members models adapted from the same starting weights with different seeds (each its
   *     own held-out split, batches and rounds; the caller divides the step budget as it sees fit)
   *     whose weights are then averaged into the returned model ({@code EngineModel#averageWith});
   *     the held-out accuracy is then the first member's on its own held-out windows
   * @param readout give the adapted model a class readout ({@link ClassReadouts}): a frozen
   *     whole-window convolution transform fitted to the labelled windows and a linear readout of
   *     it, fitted in closed form after the decoder has trained, whose scores add to the class
   *     names' logits
   */
  public record Options(boolean convFeatures, boolean transferSet, boolean refitAll, int members,
      boolean readout) {
    /**
     * The defaults: no convolution features, a transfer set, the final training without the
     * held-out windows (on the development splits of data-engine/RECIPES.md refitting on them did
     * not answer more series right), one member, a class readout (seventh study there).
     */
    public static final Options DEFAULTS = new Options(false, true, false, 1, true);

    /** Options with the default class readout. */
    public Options(boolean convFeatures, boolean transferSet, boolean refitAll, int members) {
      this(convFeatures, transferSet, refitAll, members, true);
    }

    /** Validates. */
    public Options {
      if (members < 1) {
        throw new IllegalArgumentException("members must be >= 1, got " + members);
      }
    }

    /** Options with the default {@code refitAll} and {@code members}. */
    public Options(boolean convFeatures, boolean transferSet) {
      this(convFeatures, transferSet, DEFAULTS.refitAll(), DEFAULTS.members());
    }
  }

  /**
   * {@link #adaptForClassification(ModelBundle, List, List, List, DataEngineConfig,
   * DataEngineListener)} with other {@link Options}.
   */
  public static Adapted adaptForClassification(ModelBundle initial, List<Window> windows,
      List<String> labels, List<Labeler> labelers, DataEngineConfig config,
      DataEngineListener listener, Options options) {
    Objects.requireNonNull(initial, "initial");
    DataEngineConfig cfg = options.refitAll() ? config.withFinalOnAll(true) : config;
    if (windows.size() != labels.size()) {
      throw new IllegalArgumentException(windows.size() + " windows but " + labels.size()
          + " labels");
    }
    if (windows.isEmpty()) {
      throw new IllegalArgumentException("no windows to adapt to");
    }
    int channels = checkChannels(initial, windows);
    Set<String> names = new LinkedHashSet<>();
    List<Window> lw = new ArrayList<>();
    List<String> ll = new ArrayList<>();
    List<DenseDataset.Entry> es = new ArrayList<>();
    for (int i = 0; i < windows.size(); i++) {
      String l = labels.get(i);
      List<Annotation> a = new ArrayList<>();
      if (l != null) {
        names.add(l);
        lw.add(windows.get(i));
        ll.add(l);
        a.add(new Annotation(new ClassLabel(l), Annotation.HUMAN, "user", 1));
      }
      es.add(new DenseDataset.Entry(windows.get(i), a));
    }
    if (names.size() < 2) {
      throw new IllegalArgumentException("classification adaptation needs at least two labelled "
          + "classes, got " + names);
    }
    int copies = options.transferSet() ? TransferSet.copiesPer(lw.size()) : 0;
    List<Window> transfer = TransferSet.of(lw, copies, config.seed());
    int[] groups = new int[windows.size() + transfer.size()];
    int li = 0;
    for (int i = 0; i < windows.size(); i++) {
      groups[i] = i;
      if (labels.get(i) != null) {
        for (int k = 0; k < copies; k++) {
          groups[windows.size() + li * copies + k] = i;
        }
        li++;
      }
    }
    for (Window w : transfer) {
      es.add(new DenseDataset.Entry(w, List.of()));
    }
    List<Labeler> all = new ArrayList<>(labelers);
    all.add(MiniRocketLabeler.fit(lw, ll, MiniRocketConfig.defaults(config.seed())));
    List<Task<?>> tasks = new ArrayList<>(config.modelTasks());
    if (!tasks.contains(Tasks.CLASSIFY)) {
      tasks.add(0, Tasks.CLASSIFY);
    }
    Map<String, Double> weights = new LinkedHashMap<>(config.taskWeights());
    weights.putIfAbsent(Tasks.CLASSIFY.name(), CLASSIFY_WEIGHT);
    List<ModelBundle> done = new ArrayList<>();
    try {
      Member first = null;
      for (int k = 0; k < options.members(); k++) {
        DataEngineConfig mc = (k == 0 ? cfg : cfg.withSeed(cfg.seed() + k))
            .withModelTasks(tasks).withTaskWeights(weights);
        DataEngineListener ml = options.members() == 1 ? listener
            : memberListener(listener, k + 1, options.members());
        Member m = member(initial, channels, names, options, es, groups, all, windows, labels, mc,
            ml, config.seed());
        done.add(m.bundle());
        if (first == null) {
          first = m;
        }
      }
      ModelBundle b = done.get(0);
      if (done.size() > 1) {
        List<EngineModel<Window>> rest = new ArrayList<>();
        for (ModelBundle o : done.subList(1, done.size())) {
          rest.add(o.model());
        }
        b.model().averageWith(rest);
      }
      DataEngineResult r = first.result();
      BundleProvenance p = provenance(initial, r, windows.size(), lw.size(), names, config.seed());
      Map<String, String> details = new LinkedHashMap<>(p.details());
      details.put("transferCopies", copies + " per labelled window (" + transfer.size() + ")");
      details.put("convFeatures", String.valueOf(b.frontEndConfig().convFeatures()));
      details.put("classReadout", first.readout() == null ? "none" : first.readout());
      details.put("finalTrainingOnHeldOut", String.valueOf(cfg.finalOnAll()));
      details.put("members", options.members() + (options.members() > 1
          ? " (weights averaged; seeds " + config.seed() + ".." + (config.seed() + options.members() - 1)
          + "; steps per member)" : ""));
      Adapted out = new Adapted(b.withProvenance(p.withDetails(details)), r, List.copyOf(names),
          (int) first.heldOut()[1], first.heldOut()[0]);
      for (ModelBundle o : done.subList(1, done.size())) {
        o.close(); // the first shares its model with the returned bundle
      }
      return out;
    } catch (RuntimeException e) {
      for (ModelBundle o : done) {
        o.close();
      }
      throw e;
    }
  }

  /**
   * One adapted member, its run, {accuracy, count} on its held-out labelled windows and what its
   * class readout is (null = none).
   */
  private record Member(ModelBundle bundle, DataEngineResult result, double[] heldOut,
      String readout) {
  }

  private static Member member(ModelBundle initial, int channels, Set<String> names,
      Options options, List<DenseDataset.Entry> es, int[] groups, List<Labeler> all,
      List<Window> windows, List<String> labels, DataEngineConfig cfg,
      DataEngineListener listener, long initSeed) {
    // every member starts from the same weights (the same new class rows), so they can be averaged
    ModelBundle b = initial.withClassNames(List.copyOf(names), initSeed).withChannels(channels);
    if (options.convFeatures() && !b.frontEndConfig().convFeatures()) {
      try (ModelBundle plain = b) {
        b = plain.withFrontEnd(plain.frontEndConfig().withConvFeatures(true), initSeed)
            .withChannels(channels);
      }
    }
    // a readout of an earlier adaptation names other classes: the copy trains without it
    if (b.frontEndConfig().readout() != null) {
      try (ModelBundle stale = b) {
        b = stale.withFrontEnd(stale.frontEndConfig().withReadout(null), initSeed)
            .withChannels(channels);
      }
    }
    // The decoder trains without the readout and learns the classes on its own; the readout is
    // attached to the trained model, and the decoder's class logits are scaled by the temperature
    // that fits the held-out labelled windows (which the decoder never trained on). The readout's
    // transform (thresholds from the labelled windows' values, not their labels; the same for
    // every member, so that members average) comes from all labelled windows; for the held-out
    // figure its weights are first fitted on the labelled windows the rounds train on, so that
    // figure stays one on labels the readout never saw; the returned model's weights come from
    // all of them.
    List<Window> rw = new ArrayList<>();
    List<String> rl = new ArrayList<>();
    List<Window> allLabelled = new ArrayList<>();
    List<String> allLabels = new ArrayList<>();
    List<Window> heldWindows = new ArrayList<>();
    List<String> heldLabels = new ArrayList<>();
    boolean[] held = Split.heldOut(windows.size(), cfg.heldOutFraction(), cfg.seed());
    for (int i = 0; i < windows.size(); i++) {
      if (labels.get(i) != null) {
        allLabelled.add(windows.get(i));
        allLabels.add(labels.get(i));
        if (!held[i]) {
          rw.add(windows.get(i));
          rl.add(labels.get(i));
        } else {
          heldWindows.add(windows.get(i));
          heldLabels.add(labels.get(i));
        }
      }
    }
    if (rw.isEmpty()) {
      rw = allLabelled;
      rl = allLabels;
    }
    List<Window> readoutWindows = rw;
    List<String> readoutLabels = rl;
    List<String> classNames = List.copyOf(names);
    double[] decoderScale = {Double.NaN};
    ModelBundle trained = b;
    double[][] measured = new double[1][];
    DataEngineListener measuring = new DataEngineListener() {
      @Override
      public void progress(int round, String phase, long done, long total) {
        listener.progress(round, phase, done, total);
      }

      @Override
      public void roundDone(RoundReport report) {
        listener.roundDone(report);
      }

      @Override
      public void beforeFinalTraining() {
        listener.beforeFinalTraining();
        if (cfg.finalOnAll()) {
          if (options.readout()) {
            try (ModelBundle withReadout = ClassReadouts.attach(trained, classNames,
                allLabelled, initSeed)) {
              decoderScale[0] = ClassReadouts.scaleDecoder(withReadout, classNames, heldWindows,
                  heldLabels);
              ClassReadouts.fit(withReadout, classNames, readoutWindows, readoutLabels);
              measured[0] = heldOutAccuracy(withReadout, windows, labels, cfg);
            }
          } else {
            measured[0] = heldOutAccuracy(trained, windows, labels, cfg);
          }
        }
      }
    };
    try {
      DataEngineResult r = DataEngine.of(all, cfg).run(
          DenseDataset.of(es, Map.of("adaptation", "classification")), groups, b.model(),
          b.head(), measuring);
      String readout = null;
      if (options.readout()) {
        try (ModelBundle plain = b) {
          b = ClassReadouts.attach(plain, classNames, allLabelled, initSeed)
              .withChannels(channels);
        }
        if (measured[0] == null) {
          decoderScale[0] = ClassReadouts.scaleDecoder(b, classNames, heldWindows, heldLabels);
          ClassReadouts.fit(b, classNames, readoutWindows, readoutLabels);
        } else {
          // the final training used the held-out windows: keep the factor fitted before it
          b.model().setParameter("readoutDecoderScale", new float[] {(float) decoderScale[0]});
        }
      }
      double[] heldOut = measured[0] != null ? measured[0] : heldOutAccuracy(b, windows, labels, cfg);
      if (options.readout()) {
        readout = ClassReadouts.fit(b, classNames, allLabelled, allLabels) + String.format(
            java.util.Locale.ROOT, "; decoder's class logits times %.3g (fitted on %d held-out "
            + "labelled windows)", decoderScale[0], heldWindows.size());
      }
      return new Member(b, r, heldOut, readout);
    } catch (RuntimeException e) {
      b.close();
      throw e;
    }
  }

  /** Progress of member {@code k} of {@code n}: its phases read "member k/n train" etc. */
  private static DataEngineListener memberListener(DataEngineListener l, int k, int n) {
    return new DataEngineListener() {
      @Override
      public void progress(int round, String phase, long done, long total) {
        l.progress(round, "member " + k + "/" + n + " " + phase, done, total);
      }

      @Override
      public void roundDone(RoundReport report) {
        l.roundDone(report);
      }

      @Override
      public void beforeFinalTraining() {
        l.beforeFinalTraining();
      }
    };
  }

  /**
   * Runs the data engine on unlabelled windows from a copy of {@code initial} (labelers only: no
   * class names change, {@code <CLASSIFY>} keeps the initial model's classes).
   *
   * @param initial the starting model (the caller still owns and closes it)
   * @return the trained copy (its {@code classNames} are the initial model's) and the run
   * @throws IllegalArgumentException if the windows' channel counts differ or differ from the
   *     count {@code initial} was trained on
   */
  public static Adapted adaptUnlabelled(ModelBundle initial, List<Window> windows,
      List<Labeler> labelers, DataEngineConfig config, DataEngineListener listener) {
    Objects.requireNonNull(initial, "initial");
    if (windows.isEmpty()) {
      throw new IllegalArgumentException("no windows to adapt to");
    }
    int channels = checkChannels(initial, windows);
    List<DenseDataset.Entry> es = new ArrayList<>();
    for (Window w : windows) {
      es.add(new DenseDataset.Entry(w, List.of()));
    }
    Vocabulary v = initial.head().vocabulary();
    ModelBundle b = initial.withVocabulary(v, config.seed()).withChannels(channels);
    try {
      DataEngineResult r = DataEngine.of(labelers, config).run(
          DenseDataset.of(es, Map.of("adaptation", "unlabelled")), b.model(), b.head(), listener);
      return new Adapted(b.withProvenance(provenance(initial, r, windows.size(), 0,
          new LinkedHashSet<>(), config.seed())), r, v.classNames(), 0, Double.NaN);
    } catch (RuntimeException e) {
      b.close();
      throw e;
    }
  }

  /** {accuracy, count} of the final model on the held-out windows that carry a user label. */
  private static double[] heldOutAccuracy(ModelBundle b, List<Window> windows, List<String> labels,
      DataEngineConfig config) {
    boolean[] held = Split.heldOut(windows.size(), config.heldOutFraction(), config.seed());
    List<Window> hw = new ArrayList<>();
    List<String> hl = new ArrayList<>();
    for (int i = 0; i < windows.size(); i++) {
      if (held[i] && labels.get(i) != null) {
        hw.add(windows.get(i));
        hl.add(labels.get(i));
      }
    }
    if (hw.isEmpty()) {
      return new double[] {Double.NaN, 0};
    }
    List<Optional<String>> pred = classify(b, hw, config.decodeBatch());
    int ok = 0;
    for (int i = 0; i < hw.size(); i++) {
      ok += pred.get(i).isPresent() && pred.get(i).get().equals(hl.get(i)) ? 1 : 0;
    }
    return new double[] {(double) ok / hw.size(), hw.size()};
  }

  private static int checkChannels(ModelBundle initial, List<Window> windows) {
    int c = windows.get(0).channels();
    for (int i = 1; i < windows.size(); i++) {
      if (windows.get(i).channels() != c) {
        throw new IllegalArgumentException(windows.get(i) + " (index " + i + ") has "
            + windows.get(i).channels() + " channels but the first window has " + c);
      }
    }
    if (initial.channels() > 0 && initial.channels() != c) {
      throw new IllegalArgumentException("the data has " + c + " channel(s) per window but the "
          + "initial model was trained on " + initial.channels() + "; adapt a fresh model or "
          + "choose data with " + initial.channels() + " channel(s)");
    }
    int max = initial.frontEndConfig().maxChannels();
    if (c > max) {
      throw new IllegalArgumentException("the data has " + c + " channels per window; the initial "
          + "model takes at most " + max);
    }
    return c;
  }

  private static BundleProvenance provenance(ModelBundle initial, DataEngineResult r, int windows,
      int labelled, Set<String> names, long seed) {
    long steps = 0;
    double seconds = 0;
    for (TrainSummary t : r.training()) {
      steps += t.steps();
      seconds += t.seconds();
    }
    TrainSummary last = r.training().isEmpty() ? null : r.training().get(r.training().size() - 1);
    Map<String, String> details = new LinkedHashMap<>();
    details.put("classNames", String.join(", ", names));
    details.put("initRecipe", initial.provenance().recipe());
    details.put("initVocabularyHash", initial.head().vocabulary().hash());
    details.put("rounds", String.valueOf(r.rounds().size()));
    return new BundleProvenance("adaptation", "", last == null ? "none" : last.dataHash(),
        windows + " windows, " + labelled + " with a class label", seed, steps, seconds, windows,
        last == null ? Map.of() : last.examplesPerTask(),
        last == null ? 0 : last.meanLastLoss(), details);
  }

  /**
   * The model's {@code <CLASSIFY>} answer for each window ({@link Optional#empty()} where the
   * answer does not parse).
   */
  public static List<Optional<String>> classify(ModelBundle bundle, List<Window> windows, int batch) {
    List<Optional<String>> out = new ArrayList<>();
    for (Scored s : classifyScored(bundle, windows, batch)) {
      out.add(s.label());
    }
    return out;
  }

  /**
   * A decoded {@code <CLASSIFY>} answer with the model's confidence in it.
   *
   * @param label the class, or empty when the answer did not parse
   * @param confidence the answer's confidence, 0 when it did not parse
   */
  public record Scored(Optional<String> label, double confidence) {
  }

  /** {@link #classify} with each answer's confidence (for calibration figures). */
  public static List<Scored> classifyScored(ModelBundle bundle, List<Window> windows, int batch) {
    ModelLabeler ml = ModelLabeler.of(bundle.model(), bundle.head(), List.of(Tasks.CLASSIFY),
        "classify", batch);
    List<Scored> out = new ArrayList<>();
    for (List<Annotation> as : ml.labelAll(windows, null)) {
      Scored c = new Scored(Optional.empty(), 0);
      for (Annotation a : as) {
        if (a.target() instanceof ClassLabel l) {
          c = new Scored(Optional.of(l.label()), a.confidence());
          break;
        }
      }
      out.add(c);
    }
    return out;
  }
}
