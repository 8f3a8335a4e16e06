package io.florets.labelers.rules;

import io.florets.datasets.target.NumericProperty;
import io.florets.datasets.target.Property;
import io.florets.datasets.target.ShapeFacet;
import io.florets.datasets.target.ShapeTag;
import io.florets.datasets.target.TargetKind;
import io.florets.labelers.ChannelLabeler;
import io.florets.labelers.signal.ChannelSignal;
import io.florets.labelers.signal.StructuralFit;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * {@code shape.structural}: shape tags read from one jointly fitted structural model of the channel
 * ({@link StructuralFit}: piecewise-linear trend, level steps, a season of harmonics, robust
 * weights), so that level shifts do not pass for trends, trends do not hide the season, and the
 * noise is what none of the components explains.
 *
 * <ul>
 *   <li>trend: the fitted trend (line plus hinges, without the steps) cut at its hinges; a piece
 *       counts when its change exceeds {@code trendSigmas} standard errors of a line's change over
 *       that many samples ({@code sigma sqrt(12 / L)}); two counting pieces of opposite sign are
 *       {@code multiple}; otherwise the net change against the same bar over the whole window
 *       gives increasing, decreasing or steady;</li>
 *   <li>seasonality: none without a significant period; otherwise the waveform whose harmonic
 *       series fits the season's fitted harmonics best, at the best phase: sine (the fundamental
 *       alone), square (odd harmonics falling as 1/k, in phase) or triangle (odd harmonics falling
 *       as 1/k^2, alternating in sign);</li>
 *   <li>noise: the noise share, the residual's root mean square over the root of the variance of
 *       trend plus season plus that square (the noise level's definition), cut at
 *       {@code lowNoiseBelow} and {@code highNoiseAbove};</li>
 *   <li>stationarity: non_stationary when the trend is not steady or a step of more than
 *       {@code shiftSigmas} sigma is not undone by an opposite step (at least half its size)
 *       within {@code maxBumpWidth} samples.</li>
 * </ul>
 * Also measures the seasonal amplitude (the fitted season's half peak-to-peak) and the noise std
 * (the residual's root mean square).
 */
public final class StructuralShapeLabeler extends ChannelLabeler {

  /**
   * Settings.
   *
   * @param fit the structural fit's settings
   * @param trendSigmas a trend piece counts above this many standard errors; default 4
   * @param lowNoiseBelow noise share below this is low noise; default 0.15
   * @param highNoiseAbove noise share above this is high noise; default 0.475
   * @param shiftSigmas a step counts as a level shift above this many sigma; default 3
   * @param maxBumpWidth opposite steps closer than this are a bump, not level shifts; default 20
   */
  public record Config(StructuralFit.Config fit, double trendSigmas, double lowNoiseBelow,
      double highNoiseAbove, double shiftSigmas, int maxBumpWidth) {
    /** The defaults. */
    public static final Config DEFAULTS =
        new Config(StructuralFit.Config.DEFAULTS, 4, 0.15, 0.475, 3, 20);

    /** Validates. */
    public Config {
      Objects.requireNonNull(fit, "fit");
      if (!(trendSigmas > 0 && lowNoiseBelow > 0 && lowNoiseBelow < highNoiseAbove
          && highNoiseAbove < 1 && shiftSigmas > 0 && maxBumpWidth >= 0)) {
        throw new IllegalArgumentException("inconsistent shape.structural config: " + this);
      }
    }
  }

  private static final Set<ShapeFacet> FACETS = EnumSet.allOf(ShapeFacet.class);
  private static final int PHASES = 96;
  private final Config config;

  public StructuralShapeLabeler() {
    this(Config.DEFAULTS);
  }

  public StructuralShapeLabeler(Config config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  @Override
  public String name() {
    return "shape.structural";
  }

  @Override
  public String version() {
    return "1";
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

  @Override
  protected void labelChannel(ChannelSignal s, int ch, Sink sink) {
    float[] raw = s.raw();
    if (s.validCount() < 16) {
      return;
    }
    StructuralFit f = StructuralFit.of(raw, config.fit());
    int n = f.n();
    double sigma = f.sigma();
    double[] trend = f.trend();

    // trend: pieces between hinges, each against its own standard error
    boolean up = false;
    boolean down = false;
    int prev = 0;
    double strongest = 0;
    for (int j = 0; j <= f.hinges().length; j++) {
      int end = j < f.hinges().length ? f.hinges()[j] : n - 1;
      int len = Math.max(3, end - prev);
      double change = trend[end] - trend[prev];
      double bar = config.trendSigmas() * sigma * Math.sqrt(12.0 / len);
      if (Math.abs(change) > bar) {
        up |= change > 0;
        down |= change < 0;
        strongest = Math.max(strongest, Math.abs(change) / bar);
      }
      prev = end;
    }
    String trendTag;
    double trendConf;
    double net = trend[n - 1] - trend[0];
    double netBar = config.trendSigmas() * sigma * Math.sqrt(12.0 / n);
    if (up && down) {
      trendTag = "multiple";
      trendConf = margin(strongest);
    } else if (Math.abs(net) > netBar) {
      trendTag = net > 0 ? "increasing" : "decreasing";
      trendConf = margin(Math.abs(net) / netBar);
    } else {
      trendTag = "steady";
      trendConf = margin(netBar / Math.max(Math.abs(net), 1e-300));
    }
    sink.add(new ShapeTag(ShapeFacet.TREND, trendTag, ch), trendConf);

    double[] season = f.season();
    if (f.harmonics() == 0) {
      sink.add(new ShapeTag(ShapeFacet.SEASONALITY, "none", ch), 0.7);
    } else {
      Waveform w = waveform(f.sin(), f.cos());
      sink.add(new ShapeTag(ShapeFacet.SEASONALITY, w.name(), ch),
          Math.min(0.95, Math.max(0.5, 1 - f.periodPValue() * 100)) * w.share());
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      int p = (int) Math.ceil(f.period());
      for (int t = 0; t < Math.min(n, p); t++) {
        lo = Math.min(lo, season[t]);
        hi = Math.max(hi, season[t]);
      }
      if (hi > lo) {
        sink.add(new NumericProperty(Property.SEASONAL_AMPLITUDE, (hi - lo) / 2, ch), 0.6);
      }
    }

    double rms = f.residualRms();
    double mean = 0;
    for (int t = 0; t < n; t++) {
      mean += trend[t] + season[t];
    }
    mean /= n;
    double var = 0;
    for (int t = 0; t < n; t++) {
      double d = trend[t] + season[t] - mean;
      var += d * d;
    }
    var /= n;
    double share = rms > 0 ? rms / Math.sqrt(var + rms * rms) : 0;
    String noiseTag = share < config.lowNoiseBelow() ? "low"
        : (share > config.highNoiseAbove() ? "high" : "medium");
    // distance to the nearest cut, in log units of the share, mapped to (0.5, 1)
    double d = Math.min(Math.abs(Math.log(Math.max(share, 1e-12) / config.lowNoiseBelow())),
        Math.abs(Math.log(Math.max(share, 1e-12) / config.highNoiseAbove())));
    sink.add(new ShapeTag(ShapeFacet.NOISE, noiseTag, ch), 0.5 + 0.5 * Math.tanh(3 * d));
    if (rms > 0) {
      sink.add(new NumericProperty(Property.NOISE_STD, rms, ch), 0.6);
    }

    boolean shift = false;
    int[] pos = f.steps();
    double[] size = f.stepSizes();
    for (int i = 0; i < pos.length && !shift; i++) {
      if (Math.abs(size[i]) <= config.shiftSigmas() * sigma) {
        continue;
      }
      boolean undone = false;
      for (int j = 0; j < pos.length; j++) {
        if (j != i && Math.abs(pos[j] - pos[i]) <= config.maxBumpWidth()
            && Math.signum(size[j]) != Math.signum(size[i]) && Math.abs(size[j]) > 0.5 * Math.abs(size[i])) {
          undone = true;
          break;
        }
      }
      shift = !undone;
    }
    boolean stationary = "steady".equals(trendTag) && !shift;
    sink.add(new ShapeTag(ShapeFacet.STATIONARITY, stationary ? "stationary" : "non_stationary", ch),
        stationary ? Math.min(trendConf, 0.9) : 0.9);
  }

  /** A ratio to a bar (&gt; 1 clears it) as a confidence in (0.5, 1). */
  private static double margin(double ratio) {
    return 0.5 + 0.5 * Math.tanh(Math.log(Math.max(ratio, 1e-12)));
  }

  /**
   * The waveform of a season given its harmonics' sine and cosine coefficients.
   *
   * @param name sine, square or triangle
   * @param share the best fit's share of the season's harmonic power beyond the next-best fit's
   *     residual, as a confidence in [0.5, 1]
   */
  record Waveform(String name, double share) {
  }

  /**
   * The waveform whose harmonic series is nearest (least squares over the coefficients, free
   * amplitude and phase on a grid of {@value #PHASES}) to the fitted harmonics: {@code sin(k (wt +
   * phi)) = sin(kwt) cos(k phi) + cos(kwt) sin(k phi)}, with amplitudes 1/k (square) or
   * (-1)^((k-1)/2)/k^2 (triangle) on the odd harmonics and nothing on the even ones; a sine is the
   * fundamental alone.
   */
  static Waveform waveform(double[] sin, double[] cos) {
    int k = sin.length;
    double total = 0;
    for (int h = 0; h < k; h++) {
      total += sin[h] * sin[h] + cos[h] * cos[h];
    }
    double sine = total - sin[0] * sin[0] - cos[0] * cos[0];
    double square = templateResidual(sin, cos, total, false);
    double triangle = templateResidual(sin, cos, total, true);
    String name = "sine";
    double best = sine;
    if (square < best) {
      name = "square";
      best = square;
    }
    if (triangle < best) {
      name = "triangle";
      best = triangle;
    }
    double second = Double.POSITIVE_INFINITY;
    for (double v : new double[] {sine, square, triangle}) {
      if (v > best && v < second) {
        second = v;
      }
    }
    double gap = Double.isFinite(second) && total > 0 ? (second - best) / total : 0;
    return new Waveform(name, Math.min(1, 0.6 + 4 * gap));
  }

  private static double templateResidual(double[] sin, double[] cos, double total, boolean triangle) {
    int k = sin.length;
    double best = total;
    for (int i = 0; i < PHASES; i++) {
      double phi = 2 * Math.PI * i / PHASES;
      double dot = 0;
      double norm = 0;
      for (int h = 1; h <= k; h += 2) {
        double amp = triangle ? (((h - 1) / 2) % 2 == 0 ? 1.0 : -1.0) / (h * h) : 1.0 / h;
        double us = amp * Math.cos(h * phi);
        double uc = amp * Math.sin(h * phi);
        dot += us * sin[h - 1] + uc * cos[h - 1];
        norm += us * us + uc * uc;
      }
      double r = total - dot * dot / norm;
      if (r < best) {
        best = r;
      }
    }
    return best;
  }
}
