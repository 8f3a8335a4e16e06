package io.florets.dataengine.train;

import io.florets.dataengine.SeriesVocabulary;
import io.florets.labelers.caption.CaptionComposer;
import io.florets.datasets.DenseDataset;
import io.florets.datasets.synthetic.ClassAttribute;
import io.florets.datasets.synthetic.SyntheticConfig;
import io.florets.datasets.synthetic.SyntheticGenerator;
import io.florets.datasets.target.Annotation;
import io.florets.engine.EngineConfig;
import io.florets.engine.series.SeriesFrontEndConfig;
import io.florets.engine.train.TrainingListener;
import io.florets.prompt.PromptHead;
import io.florets.prompt.grammar.CaptionLexicon;
import io.florets.prompt.facade.bundle.BundleProvenance;
import io.florets.prompt.facade.bundle.ModelBundle;
import io.florets.prompt.vocab.Quantizer;
import io.florets.prompt.vocab.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A named, reproducible way to train a model from synthetic data: engine shape, front end,
 * generator settings (with exact truth as targets) and run settings.
 *
 * @param name recipe name, stored in the model's provenance
 * @param engine engine shape
 * @param frontEnd front-end settings
 * @param data generator settings (the class attribute's values become the class names)
 * @param options run settings
 */
public record Recipe(String name, EngineConfig engine, SeriesFrontEndConfig frontEnd,
    SyntheticConfig data, TrainOptions options) {

  /** Validates. */
  public Recipe {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(frontEnd, "frontEnd");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(options, "options");
    if (frontEnd.dModel() != engine.dModel()) {
      throw new IllegalArgumentException("front end dModel " + frontEnd.dModel()
          + " differs from engine dModel " + engine.dModel());
    }
  }

  /**
   * The shipped default: 3,000 univariate synthetic windows of 256 samples (seed 7, 0-3 events
   * of every injectable type, class = trend kind; {@code --windows} raises the count), the
   * {@code small} engine, the {@link #seriesFrontEnd series front end of new models}, batch 32,
   * peak learning rate 7e-4 (at 2e-3 the encoder's output collapsed to one vector per window),
   * contrastive {@code <EMBED>} weight 0.2 over 6 windows.
   *
   * @param steps optimisation steps
   */
  public static Recipe defaultRecipe(long steps) {
    SyntheticConfig data = SyntheticConfig.builder().count(3_000).length(256).seed(7)
        .events(0, 3).classAttribute(ClassAttribute.TREND).build();
    EngineConfig e = EngineConfig.small().withMaxLengths(32, 128);
    return new Recipe("default", e, seriesFrontEnd(e.dModel()), data,
        TrainOptions.defaults(steps).withSeed(7).withLearningRate(7e-4).withBatchSize(32)
            .withAuxiliary(0.2, 6).withSources(Set.of(Annotation.TRUTH)));
  }

  /**
   * The series front end of new models: patches of 16, token norm, statistics tokens, the
   * location pointer over the output contract's time-position tokens, the event-type scores
   * read from the pointer's keys, the stuck-sample features, the number copy, the noise scores,
   * the cycle features, the structural features and the waveform evidence (see RECIPES.md for
   * what each lever measured; the slope scores, {@code --front-end slope-scores}, stay off: the
   * tenth study found no gain).
   */
  public static SeriesFrontEndConfig seriesFrontEnd(int dModel) {
    int[] types = eventTypeIds();
    return SeriesFrontEndConfig.defaults(dModel).withStats(true)
        .withPointer(seriesVocabulary().timeId(0), Quantizer.BINS)
        .withTypeScores(types[0], types[1]).withStuck(true)
        .withNumberCopy(true).withCopySigns(true).withNoiseScores(true).withCycleFeatures(true)
        .withStructuralFeatures(true).withWaveformEvidence(true);
  }

  /**
   * The event-type ids of {@link #seriesVocabulary()}: {@code {firstId, count}} (they are
   * consecutive), for the front end's type scores ({@code SeriesFrontEndConfig#withTypeScores}).
   *
   * @throws IllegalStateException if the vocabulary's event types are not one consecutive run
   */
  public static int[] eventTypeIds() {
    java.util.BitSet g = seriesVocabulary().group(io.florets.prompt.vocab.TokenGroup.EVENT_TYPE);
    int first = g.nextSetBit(0);
    int count = g.cardinality();
    if (first < 0 || g.nextClearBit(first) != first + count) {
      throw new IllegalStateException("the series vocabulary's event types are not consecutive: "
          + g);
    }
    return new int[] {first, count};
  }

  /**
   * The vocabulary of new series models: the standard tokens, every word the caption composer
   * uses as one token (captions need no spelling) and numbers as magnitude bins.
   */
  public static Vocabulary seriesVocabulary() {
    return SeriesVocabulary.builder().numberBins().build();
  }

  /**
   * A slim engine for quick experiments ({@code --engine compact}): d=64, 4 heads, 2 encoder + 2
   * decoder layers, FFN 192 (about 0.35 M parameters with the vocabulary), a few times faster per
   * step than {@code small}, which the shipped default model uses.
   */
  public static EngineConfig compact() {
    return new EngineConfig("compact", 64, 4, 2, 2, 192, 0.1f, 32, 128, 64);
  }

  /** A tiny recipe for tests and smoke runs: 200 windows of 128 samples, the tiny engine. */
  public static Recipe tinyRecipe(long steps) {
    SyntheticConfig data = SyntheticConfig.builder().count(200).length(128).seed(3)
        .events(0, 2).classAttribute(ClassAttribute.TREND).build();
    EngineConfig e = EngineConfig.tiny().withMaxLengths(32, 128);
    return new Recipe("tiny", e, seriesFrontEnd(e.dModel()), data,
        TrainOptions.defaults(steps).withBatchSize(16).withSeed(3)
            .withSources(Set.of(Annotation.TRUTH)).withAuxiliary(0.2, 8));
  }

  /** A recipe by name ({@code default}, {@code tiny}) with the given steps. */
  public static Recipe named(String name, long steps) {
    switch (name == null ? "" : name.toLowerCase(Locale.ROOT)) {
      case "default":
        return defaultRecipe(steps);
      case "tiny":
        return tinyRecipe(steps);
      default:
        throw new IllegalArgumentException("unknown recipe '" + name + "', expected default or tiny");
    }
  }

  /** A copy with another engine shape (the front end follows its width). */
  public Recipe withEngine(EngineConfig e) {
    return new Recipe(name, e.withMaxLengths(engine.maxPromptLength(), engine.maxTargetLength()),
        frontEnd.withDModel(e.dModel()), data, options);
  }

  /** A copy with other front-end settings (same width). */
  public Recipe withFrontEnd(SeriesFrontEndConfig f) {
    return new Recipe(name, engine, f, data, options);
  }

  /**
   * An engine shape by name: {@code compact} ({@link #compact()}) or an engine preset
   * ({@code tiny}, {@code small}, {@code base}).
   */
  public static EngineConfig engine(String name) {
    if ("compact".equalsIgnoreCase(name)) {
      return compact();
    }
    return EngineConfig.preset(name);
  }

  /** A copy with other run settings. */
  public Recipe withOptions(TrainOptions o) {
    return new Recipe(name, engine, frontEnd, data, o);
  }

  /** A copy with other generator settings. */
  public Recipe withData(SyntheticConfig d) {
    return new Recipe(name, engine, frontEnd, d, options);
  }

  /** The class names this recipe's data carries (empty without a class attribute). */
  public List<String> classNames() {
    List<String> out = new ArrayList<>();
    if (data.classAttribute() == ClassAttribute.TREND) {
      data.trends().forEach(t -> out.add(t.tag()));
    } else if (data.classAttribute() != ClassAttribute.NONE) {
      throw new IllegalStateException("recipe class attribute " + data.classAttribute()
          + " is not supported; use TREND or NONE");
    }
    return out;
  }

  /**
   * The output contract of this recipe: the {@link #seriesVocabulary() series vocabulary} plus its
   * class names.
   */
  public PromptHead head() {
    Vocabulary v = seriesVocabulary();
    List<String> names = classNames();
    return PromptHead.of(names.isEmpty() ? v : v.withClassNames(names))
        .withCaptionLexicon(captionLexicon());
  }

  /**
   * The words series captions are made of: the caption composer's closed vocabulary (the
   * captions this recipe trains on), so a decoded caption consists of whole words of it.
   */
  public static CaptionLexicon captionLexicon() {
    return CaptionLexicon.of(CaptionComposer.vocabulary());
  }

  /**
   * Generates the data, trains a fresh model and returns it with provenance.
   *
   * @param command the command line to record (empty when run through the API)
   * @param listener per-step progress
   */
  public ModelBundle train(String command, TrainingListener listener) {
    return train(command, listener, 0, b -> { });
  }

  /**
   * As {@link #train(String, TrainingListener)}, handing a snapshot of the model (with provenance
   * up to that step) to {@code snapshots} every {@code every} steps (0 = never), so that a long run
   * leaves usable models behind if it is stopped.
   */
  public ModelBundle train(String command, TrainingListener listener, long every,
      java.util.function.Consumer<ModelBundle> snapshots) {
    return train(command, listener, every, snapshots, null);
  }

  /**
   * As {@link #train(String, TrainingListener, long, java.util.function.Consumer)}, starting from
   * the weights of {@code init} (null = a fresh model): every parameter of the same name and shape
   * is copied, parameters the recipe's model has and {@code init} lacks (a new front-end part)
   * start fresh. {@code init} must have the recipe's vocabulary. Its provenance (command and
   * steps) and the fresh parameters are recorded in the new model's provenance details.
   *
   * @throws IllegalArgumentException if {@code init} has another vocabulary or a shared parameter
   *     of another shape
   */
  public ModelBundle train(String command, TrainingListener listener, long every,
      java.util.function.Consumer<ModelBundle> snapshots, ModelBundle init) {
    DenseDataset ds = composedCaptions(SyntheticGenerator.generate(data), options.seed());
    PromptHead head = head();
    ModelBundle b = ModelBundle.create(engine, frontEnd, head, options.seed());
    java.util.Map<String, String> initDetails = new java.util.TreeMap<>();
    if (init != null) {
      try {
        java.util.List<String> fresh = b.model().copyMatchingFrom(init.model());
        initDetails.put("initialisedFrom", init.provenance().command() + " ("
            + init.provenance().steps() + " steps)");
        initDetails.put("initialisedFreshParameters", fresh.isEmpty() ? "none"
            : String.join(",", fresh));
      } catch (RuntimeException e) {
        b.close();
        throw e;
      }
    }
    long t0 = System.nanoTime();
    LoadSampler load = new LoadSampler(initDetails);
    TrainingListener l = new TrainingListener() {
      private double tail;

      @Override
      public void onObjectives(long step, java.util.Map<String, Double> losses) {
        listener.onObjectives(step, losses);
      }

      @Override
      public void onStep(StepMetrics m) {
        listener.onStep(m);
        load.onStep(m.step());
        tail = Double.isNaN(tail) || tail == 0 ? m.loss() : 0.98 * tail + 0.02 * m.loss();
        if (every > 0 && m.step() % every == 0 && m.step() < m.totalSteps()) {
          snapshots.accept(b.withProvenance(new BundleProvenance(name, command + " (snapshot)",
              "", describeData(), options.seed(), m.step(), (System.nanoTime() - t0) / 1e9,
              data.count(), java.util.Map.of(), tail, load.details()))
              .withChannels(data.channels()));
        }
      }
    };
    try {
      TrainSummary s = MultitaskTrainer.train(b.model(), head, ds, options, l);
      return b.withProvenance(new BundleProvenance(name, command, s.dataHash(), describeData(),
          options.seed(), s.steps(), s.seconds(), s.windows(), s.examplesPerTask(),
          s.meanLastLoss(), load.details())).withChannels(data.channels());
    } catch (RuntimeException e) {
      b.close();
      throw e;
    }
  }

  /**
   * Samples the machine's one-minute load average every 50 steps, so that a model's provenance
   * says whether it was trained on a quiet machine (its figures and wall time depend on it).
   */
  private static final class LoadSampler {
    private final java.lang.management.OperatingSystemMXBean os =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    private final java.util.Map<String, String> extra;
    private double sum;
    private double max;
    private int n;

    LoadSampler(java.util.Map<String, String> extra) {
      this.extra = extra;
    }

    void onStep(long step) {
      if (step % 50 == 1) {
        double v = os.getSystemLoadAverage();
        if (v >= 0) {
          sum += v;
          max = Math.max(max, v);
          n++;
        }
      }
    }

    java.util.Map<String, String> details() {
      java.util.Map<String, String> d = new java.util.TreeMap<>(extra);
      if (n > 0) {
        d.put("loadAverageMean", String.format(Locale.ROOT, "%.2f", sum / n));
        d.put("loadAverageMax", String.format(Locale.ROOT, "%.2f", max));
      }
      d.put("torchThreads", String.valueOf(io.florets.engine.GradMode.intraOpThreads()));
      return d;
    }
  }

  /**
   * The data with each window's true captions replaced by the caption composer's captions of its
   * true targets: the sentences the labelers' data engine trains on, made of whole words of the
   * composer's closed vocabulary, which state exactly the window's shape tags and events (the
   * generator's own captions carry digits and words outside that vocabulary).
   */
  static DenseDataset composedCaptions(DenseDataset ds, long seed) {
    CaptionComposer composer = CaptionComposer.of(seed);
    List<List<Annotation>> out = new ArrayList<>(ds.size());
    for (int i = 0; i < ds.size(); i++) {
      DenseDataset.Entry e = ds.get(i);
      List<Annotation> kept = new ArrayList<>();
      for (Annotation a : e.annotations()) {
        if (!(a.target() instanceof io.florets.datasets.target.CaptionText)) {
          kept.add(a);
        }
      }
      List<Annotation> truth = new ArrayList<>();
      for (Annotation a : kept) {
        if (Annotation.TRUTH.equals(a.source())) {
          truth.add(a);
        }
      }
      for (io.florets.datasets.target.CaptionText c
          : composer.compose(truth, e.window().length(), i)) {
        kept.add(Annotation.truth(c));
      }
      out.add(kept);
    }
    return ds.withAnnotations(out);
  }

  private String describeData() {
    return "synthetic generator v" + SyntheticGenerator.VERSION + " " + data;
  }

}
