package io.florets.dataengine.eval;

import io.florets.datasets.DenseDataset;
import io.florets.labelers.eval.Scorecard;
import io.florets.prompt.calibration.Calibration;
import io.florets.prompt.calibration.ModelFingerprint;
import io.florets.prompt.card.CardFigures;
import io.florets.prompt.card.CardMeasurement;
import io.florets.prompt.card.Comparison;
import io.florets.prompt.card.ModelCard;
import io.florets.prompt.card.TrainingData;
import io.florets.prompt.facade.Florets;
import io.florets.prompt.facade.bundle.BundleProvenance;
import io.florets.prompt.facade.bundle.ModelBundle;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * Measures a {@link ModelCard}: runs {@link SyntheticEvaluation} (the model and the labeler
 * consensus on the same windows, against their exact truth), samples the machine's load average
 * while it runs, and puts the figures beside the model's training data from its provenance.
 */
public final class ModelCardEvaluation {
  private ModelCardEvaluation() {
  }

  /**
   * What a card is measured on and how it was asked for.
   *
   * @param data windows with truth annotations (source {@code truth})
   * @param description the windows' generator settings, for the card
   * @param seed the generator seed of {@code data}
   * @param command the command line, for the card
   * @param threads labelling threads, at least 1
   */
  public record Setup(DenseDataset data, String description, long seed, String command,
      int threads) {
    /**
     * Checks.
     *
     * @throws IllegalArgumentException for no windows or fewer than 1 thread
     */
    public Setup {
      Objects.requireNonNull(data, "data");
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(command, "command");
      if (data.size() < 1) {
        throw new IllegalArgumentException("a model card needs at least 1 window, got "
            + data.size());
      }
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be >= 1, got " + threads);
      }
    }
  }

  /**
   * Measures the card of the model behind {@code florets}.
   *
   * @param florets a facade over a time-series model bundle
   * @param weights the fingerprint of that model's saved weights (see
   *     {@link ModelBundle#fingerprint})
   * @param setup the windows and how they were asked for
   * @param progress called with the number of finished evaluation steps
   * @throws IllegalStateException if {@code florets} serves a model of another modality
   */
  public static ModelCard measure(Florets florets, ModelFingerprint weights, Setup setup,
      IntConsumer progress) {
    ModelBundle bundle = florets.bundle();
    LoadSamples load = new LoadSamples();
    long t0 = System.nanoTime();
    SyntheticEvaluation.Report r = SyntheticEvaluation.run(florets, setup.data(), setup.threads(),
        step -> {
          load.sample();
          progress.accept(step);
        });
    load.sample();
    double seconds = Math.round((System.nanoTime() - t0) / 1e7) / 100.0;
    CardMeasurement m = new CardMeasurement(setup.command(), setup.description(), r.windows(),
        setup.seed(), r.eventTolerance(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
        seconds, load.mean(), load.max(),
        florets.calibration().map(Calibration::source).orElse("none"));
    BundleProvenance p = bundle.provenance();
    TrainingData trained = TrainingData.of(p.recipe(), p.command(), p.data(), p.dataHash(),
        p.steps(), p.windows(), p.details(), bundle.channels());
    return ModelCard.of(weights, m, figures(r), trained);
  }

  /** The report's figures: the model's beside the consensus's, headline and detail. */
  static CardFigures figures(SyntheticEvaluation.Report r) {
    SyntheticEvaluation.ConsensusFigures c = r.consensus();
    Scorecard.Scores ms = r.model();
    Scorecard.Scores cs = c.detail();
    Map<String, Comparison> events = new LinkedHashMap<>();
    for (String t : union(ms.events(), cs.events())) {
      events.put(t, new Comparison(f1(ms.events().get(t)), f1(cs.events().get(t))));
    }
    return new CardFigures(new Comparison(r.eventF1(), c.eventF1()),
        new Comparison(r.numericScore(), c.numericScore()),
        new Comparison(r.shapeTagAccuracy(), c.shapeTagAccuracy()),
        new Comparison(r.captionKeywordMatch(), c.captionKeywordMatch()),
        new Comparison(r.classificationAccuracy(), c.classificationAccuracy()), r.parseRate(),
        events, side(ms.numerics(), cs.numerics()), side(ms.shapeTags(), cs.shapeTags()));
  }

  private static Double f1(Scorecard.EventScores s) {
    return s == null ? null : s.f1();
  }

  private static Map<String, Comparison> side(Map<String, Double> model,
      Map<String, Double> labelers) {
    Map<String, Comparison> out = new LinkedHashMap<>();
    for (String k : union(model, labelers)) {
      out.put(k, new Comparison(model.get(k), labelers.get(k)));
    }
    return out;
  }

  private static java.util.Set<String> union(Map<String, ?> a, Map<String, ?> b) {
    java.util.Set<String> keys = new java.util.LinkedHashSet<>(a.keySet());
    keys.addAll(b.keySet());
    return keys;
  }

  /** The machine's one-minute load average, sampled; no samples where the platform has none. */
  private static final class LoadSamples {
    private final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    private double sum;
    private double max;
    private int n;

    LoadSamples() {
      sample();
    }

    void sample() {
      double v = os.getSystemLoadAverage();
      if (v >= 0) {
        sum += v;
        max = Math.max(max, v);
        n++;
      }
    }

    Double mean() {
      return n == 0 ? null : Math.round(sum / n * 100) / 100.0;
    }

    Double max() {
      return n == 0 ? null : Math.round(max * 100) / 100.0;
    }
  }
}
