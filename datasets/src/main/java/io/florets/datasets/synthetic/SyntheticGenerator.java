package io.florets.datasets.synthetic;

import io.florets.datasets.DenseDataset;
import io.florets.datasets.Window;
import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.ClassLabel;
import io.florets.datasets.target.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * <p><b>A channel</b> ({@link ChannelSynthesizer}) with scale A and offset b (see
 * {@link SyntheticConfig}) is built as follows, each part drawn independently and uniformly unless
 * said otherwise:
 * <ol>
 *   <li>trend ({@link TrendKind}): steady = 0; increasing/decreasing = one line changing by
 *       U[1.5, 4] A over the window; multiple = 2 or 3 continuous pieces (breakpoints in
 *       [L/4, 3L/4], or in [L/5, 2L/5] and [3L/5, 4L/5]) whose slopes alternate in sign, each piece
 *       changing by U[1.5, 3] A; shifted to zero mean;</li>
 *   <li>seasonality ({@link SeasonalityKind}): integer period P in
 *       [minPeriod, min(maxPeriod, L/3)], amplitude a = U[0.5, 1.5] A, phase U[0, 2 pi);</li>
 *   <li>noise ({@link NoiseLevel}, {@link NoiseKind}): sigma set from the noise share drawn in the
 *       level's band;</li>
 *   <li>events ({@link EventPlanner} for placement and margins, {@link EventInjector} for sizes):
 *       the number is drawn in [minEvents, maxEvents], each type uniformly among the configured
 *       ones; the breakpoints of a multiple trend are annotated as trend changes.</li>
 * </ol>
 * The final value is {@code (float) (b + trend + seasonal + noise + additive events)}; then
 * dropouts set samples to 0, flatlines repeat a sample's value, missing runs set NaN.
 * {@link InjectedEvent} defines start, end and magnitude for every event type, and
 * {@link TruthTargets} every numeric property, tag and segment.
 *
 * <p><b>Annotations</b> of a window, all {@link Annotation#truth}: per channel (channel index
 * {@link Target#WHOLE_WINDOW} when univariate, else the channel number) the four shape tags, the
 * numeric properties, the events and the segments; then the class label (if configured) and a
 * short and a detailed caption for the whole window. Thread-safe: stateless.
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

  /** The dataset metadata written by {@link #generate}: generator, version and configuration. */
  public static Map<String, String> metadata(SyntheticConfig config) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("generator", "florets.synthetic");
    m.put("generator.version", VERSION);
    m.put("seed", Long.toString(config.seed()));
    m.put("count", Integer.toString(config.count()));
    m.put("length", Integer.toString(config.length()));
    m.put("channels", Integer.toString(config.channels()));
    m.put("config", config.toString());
    return m;
  }
}
