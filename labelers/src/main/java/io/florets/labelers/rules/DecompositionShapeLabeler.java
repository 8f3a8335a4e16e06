package io.florets.labelers.rules;

import io.florets.datasets.target.NumericProperty;
import io.florets.datasets.target.Property;
import io.florets.datasets.target.ShapeFacet;
import io.florets.datasets.target.ShapeTag;
import io.florets.datasets.target.TargetKind;
import io.florets.labelers.ChannelLabeler;
import io.florets.labelers.signal.ChannelSignal;
import io.florets.labelers.signal.Decomposition;
import io.florets.labelers.signal.Robust;
import io.florets.labelers.signal.TrendShape;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code shape.decomposition}: shape tags from the window's trend/seasonal decomposition.
 *
 * <ul>
 *   <li>trend: the direction ({@link TrendShape}) of a moving average of the deseasonalised series
 *       with level shifts taken out, steady when its net change is within {@code trendSigmas}
 *       standard errors of that average (noise sigma over the square root of its width) plus
 *       {@code trendRelative} of the std of what the average leaves;</li>
 *   <li>seasonality: none unless the decomposition found a significant period (and the seasonal
 *       strength F_S reaches {@code minSeasonalStrength}, by default 0: whether a cycle is there
 *       is the period test's question, and in strong noise a clear cycle has a low F_S); the
 *       waveform from the kurtosis {@code E[s^4]/E[s^2]^2} of one period of the seasonal profile
 *       (square 1.0, sine 1.5, triangle 1.8; cut at the midpoints), with the moments of the noise
 *       the per-phase medians carry taken out ({@link #waveformKurtosis});</li>
 *   <li>noise: the noise share, the noise's root mean square ({@link ChannelSignal#noiseRms()})
 *       over the std of the despiked series with its level shifts taken out (the event-free
 *       signal); the same root mean square is the {@code noise_std} property;</li>
 *   <li>stationarity: non_stationary when the trend is not steady or the segmentation holds a
 *       level shift.</li>
 * </ul>
 * Also measures the seasonal amplitude (half the waveform's peak-to-peak: the root mean square of
 * the profile with its noise taken out, times the crest factor of the waveform found) and the noise
 * std ({@link ChannelSignal#noiseRms()}).
 */
public final class DecompositionShapeLabeler extends ChannelLabeler {

  /**
   * Settings.
   *
   * @param trendSigmas steady unless the trend changes by more than this many standard errors of
   *     its moving average (plus the relative part); default 3
   * @param trendRelative ... and by more than this fraction of the detrended std; default 0.5
   * @param minPieceFraction shortest piece of a rise-and-fall trend, fraction of the window; 0.2
   * @param minSeasonalStrength F_S needed to call a seasonality; default 0 (a significant period
   *     suffices)
   * @param squareBelow profile kurtosis below this is a square wave; default 1.25
   * @param triangleAbove profile kurtosis above this is a triangle wave; default 1.65
   * @param lowNoiseBelow noise share below this is low noise; default 0.15
   * @param highNoiseAbove noise share above this is high noise; default 0.475 (the defaults sit in
   *     the gaps between the synthetic taxonomy's bands [0.02,0.10), [0.20,0.40), [0.55,0.80))
   * @param maxBumpWidth opposite jumps closer than this are a bump, not level shifts; default 20
   */
  public record Config(double trendSigmas, double trendRelative, double minPieceFraction,
      double minSeasonalStrength, double squareBelow, double triangleAbove, double lowNoiseBelow,
      double highNoiseAbove, int maxBumpWidth) {
    public static final Config DEFAULTS = new Config(3, 0.5, 0.2, 0.0, 1.25, 1.65, 0.15, 0.475, 20);

    public Config {
      if (!(trendSigmas >= 0 && trendRelative >= 0 && minPieceFraction > 0 && minPieceFraction < 0.5
          && minSeasonalStrength >= 0 && minSeasonalStrength <= 1 && squareBelow < triangleAbove
          && lowNoiseBelow < highNoiseAbove)) {
        throw new IllegalArgumentException("inconsistent shape.decomposition config: " + this);
      }
    }
  }

  private static final Set<ShapeFacet> FACETS = EnumSet.allOf(ShapeFacet.class);
  private final Config config;

  public DecompositionShapeLabeler() {
    this(Config.DEFAULTS);
  }

  public DecompositionShapeLabeler(Config config) {
    this.config = java.util.Objects.requireNonNull(config, "config");
  }

  @Override
  public String name() {
    return "shape.decomposition";
  }

  @Override
  public String version() {
    return "6";
  }

  @Override
  public Set<TargetKind> kinds() {
    return Set.of(TargetKind.SHAPE_TAG, TargetKind.NUMERIC);
  }

  @Override
  public Set<ShapeFacet> facets() {
    return FACETS;
  }

  @Override
  public Set<Property> properties() {
    return Set.of(Property.SEASONAL_AMPLITUDE, Property.NOISE_STD);
  }

  /**
   * The seasonal waveform's moments under a profile {@code s + e}: each phase of the profile is the
   * median of about {@code n / p} samples, so it carries noise of variance
   * {@code v = (pi / 2) sigma^2 p / n} (a median's, for Gaussian noise), which pulls the kurtosis of a
   * square wave up towards the Gaussian 3 and widens the profile's range. With
   * {@code E[m2] = s2 + v} and {@code E[m4] = s4 + 6 s2 v + 3 v^2} the waveform's moments are
   * {@code s2 = m2 - v} and {@code s4 = m4 - 6 s2 v - 3 v^2}; where the noise swamps them (either
   * not positive) the profile's own moments are the answer.
   *
   * @param profile one period, mean zero
   * @param sigma the noise's standard deviation
   * @param n samples the profile was taken from
   */
  static Waveform waveform(double[] profile, double sigma, int n) {
    int p = profile.length;
    double m2 = 0;
    double m4 = 0;
    for (double v : profile) {
      m2 += v * v;
      m4 += v * v * v * v;
    }
    m2 /= p;
    m4 /= p;
    double var = Math.PI / 2 * sigma * sigma * p / n;
    double s2 = m2 - var;
    double s4 = m4 - 6 * s2 * var - 3 * var * var;
    if (s2 > 0 && s4 > 0) {
      return new Waveform(s4 / (s2 * s2), s2);
    }
    return new Waveform(m2 > 0 ? m4 / (m2 * m2) : 0, m2);
  }

  /**
   * Moments of a seasonal waveform.
   *
   * @param kurtosis {@code E[s^4]/E[s^2]^2}
   * @param variance {@code E[s^2]}
   */
  record Waveform(double kurtosis, double variance) {
  }

  @Override
  protected void labelChannel(ChannelSignal s, int ch, Sink sink) {
    Decomposition d = s.decomposition();
    double sigma = s.scale();
    int n = s.length();
    double[] rem = d.remainder();
    double remSigma = Robust.MAD_TO_SIGMA * Robust.mad(rem, n, Robust.median(rem));
    double noise = d.period() > 0 ? Math.min(remSigma, sigma) : sigma;
    double[] adjusted = s.levelAdjusted();
    int width = d.period() >= 2 ? d.period() : Math.max(5, n / 8) | 1;
    double[] trend = Decomposition.movingAverage(adjusted, width);
    double[] rest = new double[n];
    for (int i = 0; i < n; i++) {
      rest[i] = adjusted[i] - trend[i] + d.seasonal()[i];
    }
    double restStd = Math.sqrt(Robust.variance(rest));
    // the moving average of w samples carries noise of sigma / sqrt(w): a change is measured
    // against that, not against the noise of one sample
    double minChange = config.trendSigmas() * noise / Math.sqrt(width) + config.trendRelative() * restStd;
    String trendTag = TrendShape.classify(trend, minChange, config.minPieceFraction());
    double ft = d.trendStrength();
    sink.add(new ShapeTag(ShapeFacet.TREND, trendTag, ch), "steady".equals(trendTag) ? 1 - 0.5 * ft : 0.5 + 0.5 * ft);

    String season = "none";
    double fs = d.seasonalStrength();
    if (d.period() >= 2 && fs >= config.minSeasonalStrength()) {
      Waveform w = waveform(d.profile(), s.noiseRms(), n);
      double kurt = w.kurtosis();
      season = kurt < config.squareBelow() ? "square" : (kurt > config.triangleAbove() ? "triangle" : "sine");
      // half the peak-to-peak of the waveform: its root mean square times the crest factor
      double crest = "square".equals(season) ? 1 : ("triangle".equals(season) ? Math.sqrt(3) : Math.sqrt(2));
      sink.add(new NumericProperty(Property.SEASONAL_AMPLITUDE, crest * Math.sqrt(w.variance()), ch), fs);
      sink.add(new ShapeTag(ShapeFacet.SEASONALITY, season, ch), 0.5 + 0.5 * fs);
    } else {
      sink.add(new ShapeTag(ShapeFacet.SEASONALITY, season, ch), 1 - 0.5 * fs);
    }

    // the noise share is defined against the event-free signal: despiked, level shifts taken out
    double[] seas = d.seasonal();
    double[] clean = new double[n];
    for (int i = 0; i < n; i++) {
      clean[i] = adjusted[i] + seas[i];
    }
    double std = Math.sqrt(Robust.variance(clean));
    // the share is of root mean squares, as the noise level is defined; the median-based sigma
    // above (thresholds) falls short of it when the noise level varies along the window
    double noiseRms = s.noiseRms();
    double ratio = std > 0 ? noiseRms / std : 0;
    String noiseTag = ratio < config.lowNoiseBelow() ? "low" : (ratio > config.highNoiseAbove() ? "high" : "medium");
    sink.add(new ShapeTag(ShapeFacet.NOISE, noiseTag, ch), 0.7);
    if (noiseRms > 0) {
      sink.add(new NumericProperty(Property.NOISE_STD, noiseRms, ch), 0.6);
    }
    boolean stationary = "steady".equals(trendTag) && !s.hasLevelShift(config.maxBumpWidth());
    sink.add(new ShapeTag(ShapeFacet.STATIONARITY, stationary ? "stationary" : "non_stationary", ch), 0.6);
  }
}
