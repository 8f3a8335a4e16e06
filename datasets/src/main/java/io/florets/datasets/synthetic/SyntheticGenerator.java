package io.florets.datasets.synthetic;

import io.florets.datasets.DenseDataset;
import io.florets.datasets.Window;
import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.ClassLabel;
import io.florets.datasets.target.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A seeded generator of synthetic windows with exact ground truth, after ChatTS's attribute
 * taxonomy: trend, seasonality, noise and local events.
 *
 * <p><b>Determinism.</b> Window {@code i} depends only on {@code (seed, i)} (a SplitMix64 stream per
 * window, {@code StrictMath} for transcendental functions), so generation runs in parallel and any
 * subset can be regenerated alone with {@link #window}: the same seed gives the same bytes on any
 * JVM.
 *
 * <p><b>A channel</b> with length L, scale A and offset b (see {@link SyntheticConfig}) is built
 * from independent draws (U = uniform):
 * <ol>
 *   <li>trend ({@link TrendKind}): steady = 0; increasing/decreasing = one line changing by
 *       U[1.5, 4] A over the window; multiple = 2 or 3 continuous pieces (breakpoints in
 *       [L/4, 3L/4], or in [L/5, 2L/5] and [3L/5, 4L/5]) whose slopes alternate in sign, each piece
 *       changing by U[1.5, 3] A; shifted to zero mean;</li>
 *   <li>seasonality ({@link SeasonalityKind}): integer period P in
 *       [minPeriod, min(maxPeriod, L/3)], amplitude a = U[0.5, 1.5] A, phase U[0, 2 pi);</li>
 *   <li>noise ({@link NoiseLevel}, {@link NoiseKind}): sigma set from the noise share drawn in the
 *       level's band;</li>
 *   <li>events: their number is drawn in [minEvents, maxEvents], each type uniformly among the
 *       configured ones, each place uniformly among the free ones. Every event keeps a margin of
 *       {@code max(5, L/32)} untouched samples (8 at L = 256) to the window's edges, to every other
 *       event and to the trend's breakpoints; an event with no free place is left out. Widths:
 *       spike runs 3-5 spikes 2-3 apart, wide spikes 5-15 (odd), dropouts 3-12, flatlines 6-20,
 *       missing runs 2-15 samples, all capped at {@code max(5, min(20, L/8))}. Sizes, with s the
 *       event-free signal scale {@code sqrt(var(trend + seasonal) + sigma^2)} and sp the largest
 *       local noise sigma: spikes (also each spike of a run) {@code max(U[2,4] s, U[6,10] sp)};
 *       wide-spike peaks {@code max(U[1.5,3] s, U[5,8] sp)}; level shifts
 *       {@code max(U[1.5,3] s, U[3,5] sp)}. A dropout is kept only where the signal it replaces
 *       stays at least {@code max(s, 6 sp)} away from zero. The breakpoints of a multiple trend
 *       are annotated as trend changes.</li>
 * </ol>
 * The final value is {@code (float) (b + trend + seasonal + noise + spikes + wide spikes + level
 * shifts)}; then dropouts set samples to 0, flatlines repeat a sample's value, missing runs set NaN.
 * {@link InjectedEvent} defines start, end and magnitude for every event type.
 *
 * <p><b>Annotations</b> of a window, all {@link Annotation#truth} (source {@code "truth"},
 * confidence 1): per channel (channel index {@link Target#WHOLE_WINDOW} when univariate, else the
 * channel number)
 * <ul>
 *   <li>four shape tags: trend, seasonality and noise are the drawn kinds; stationarity is
 *       {@code non_stationary} for a trend other than steady or a level shift, else
 *       {@code stationary};</li>
 *   <li>numeric properties over the stored float values, NaN skipped: mean; std (population);
 *       min; max; median (mean of the middle two for an even count); range; slope (OLS of value on
 *       sample index over the final observed samples, units per sample, so level shifts and
 *       spikes count); lag1_autocorrelation (pairs with both samples observed, centred on the
 *       observed mean); missing_fraction (NaN count / L); and from the components: noise_std
 *       (population std of the noise component), snr (population std of b + trend + seasonal over
 *       noise_std), and, for seasonal channels only, period (P, samples) and seasonal_amplitude
 *       (half the peak-to-peak of the sampled seasonal component);</li>
 *   <li>the events (injected ones and trend changes), ordered by start;</li>
 *   <li>segments that tile the window, cut at the trend's breakpoints and at level shifts: rising
 *       or falling after the trend piece's slope, else oscillating if seasonal, else flat;</li>
 * </ul>
 * then the class label (if configured) and a short and a detailed caption for the whole window,
 * written by a fixed template from the truth. Thread-safe: stateless.
 */
public final class SyntheticGenerator {
  /** Version of the generator's recipe, written into the dataset metadata. */
  public static final String VERSION = "1";
  /** Windows at or above this count are generated in parallel. */
  private static final int PARALLEL_FROM = 64;

  private SyntheticGenerator() {
  }

  /** Generates the dataset: {@code config.count()} windows with their truth annotations. */
  public static DenseDataset generate(SyntheticConfig config) {
    List<DenseDataset.Entry> entries = stream(config).mapToObj(i -> window(config, i).entry())
        .collect(Collectors.toList());
    return DenseDataset.of(entries, metadata(config));
  }

  /** Generates every window with its full truth (parameters, magnitudes, components). */
  public static List<SyntheticWindow> windows(SyntheticConfig config) {
    return stream(config).mapToObj(i -> window(config, i)).collect(Collectors.toList());
  }

  private static IntStream stream(SyntheticConfig config) {
    IntStream s = IntStream.range(0, config.count());
    return config.count() >= PARALLEL_FROM ? s.parallel() : s;
  }

  /**
   * Window {@code index} of the dataset {@code config} describes, regenerated alone.
   *
   * @throws IllegalArgumentException if index is outside {@code [0, count)}
   */
  public static SyntheticWindow window(SyntheticConfig config, int index) {
    if (index < 0 || index >= config.count()) {
      throw new IllegalArgumentException("window index " + index + " outside [0, " + config.count()
          + ") of the synthetic dataset with seed " + config.seed());
    }
    SeededRandom rng = SeededRandom.forWindow(config.seed(), index);
    String forcedClass = ChannelSampler.drawClass(rng.fork(0), config);
    int channels = config.channels();
    List<ChannelTruth> truths = new ArrayList<>(channels);
    List<ChannelComponents> comps = new ArrayList<>(channels);
    float[][] values = new float[channels][];
    for (int c = 0; c < channels; c++) {
      int annotated = channels == 1 ? Target.WHOLE_WINDOW : c;
      ChannelSynthesizer.Result r =
          ChannelSynthesizer.synthesize(config, rng.fork(100L + c), forcedClass, annotated);
      truths.add(r.truth());
      comps.add(r.components());
      values[c] = r.components().values();
    }
    Window window = Window.of(seriesId(config.seed(), index), 0, values, null, null, forcedClass);
    List<Annotation> annotations = new ArrayList<>();
    List<List<Target>> perChannel = new ArrayList<>(channels);
    for (int c = 0; c < channels; c++) {
      int annotated = channels == 1 ? Target.WHOLE_WINDOW : c;
      List<Target> targets = TruthTargets.of(truths.get(c), comps.get(c), values[c], annotated);
      perChannel.add(targets);
      for (Target t : targets) {
        annotations.add(Annotation.truth(t));
      }
    }
    if (forcedClass != null) {
      annotations.add(Annotation.truth(new ClassLabel(forcedClass)));
    }
    annotations.add(Annotation.truth(CaptionTemplate.shortCaption(truths)));
    annotations.add(Annotation.truth(CaptionTemplate.detailedCaption(truths, perChannel, config.length())));
    return new SyntheticWindow(index, window, annotations, truths, comps);
  }

  /** The series id of window {@code index}: {@code synthetic-<seed>-<index>}. */
  public static String seriesId(long seed, int index) {
    return "synthetic-" + seed + "-" + index;
  }

  /**
   * The dataset metadata written by {@link #generate}: the generator, its version and every
   * configuration setting ({@link SyntheticMetadata#config} reads it back).
   */
  public static Map<String, String> metadata(SyntheticConfig config) {
    return SyntheticMetadata.of(config);
  }
}
