package io.florets.labelers.rules;

import io.florets.datasets.target.NumericProperty;
import io.florets.datasets.target.Property;
import io.florets.datasets.target.ShapeFacet;
import io.florets.datasets.target.ShapeTag;
import io.florets.datasets.target.TargetKind;
import io.florets.labelers.ChannelLabeler;
import io.florets.labelers.signal.ChannelSignal;
import io.florets.datasets.signal.StructuralFit;
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
        new Config(StructuralFit.Config.DEFAULTS, 4, 0.15, 0.475, 3, StructuralFit.BUMP_WIDTH);

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
    if (s.validCount() < 16) {
      return;
    }
    StructuralFit f;
    if (config.fit().equals(StructuralFit.Config.DEFAULTS)) {
      f = s.structuralFit(); // shared with the other labelers of the suite
    } else {
      try {
        f = StructuralFit.of(s.raw(), config.fit());
      } catch (IllegalArgumentException e) {
        f = null;
      }
    }
    if (f == null) {
      return; // abstain: too few samples the fit can use (runs of one value weigh nothing)
    }

    // trend: pieces between hinges, each against its own standard error
    boolean up = false;
    boolean down = false;
    double strongest = 0;
    for (double r : f.pieceRatios()) {
      if (Math.abs(r) > config.trendSigmas()) {
        up |= r > 0;
        down |= r < 0;
        strongest = Math.max(strongest, Math.abs(r) / config.trendSigmas());
      }
    }
    String trendTag;
    double trendConf;
    double net = f.netRatio() / config.trendSigmas();
    if (up && down) {
      trendTag = "multiple";
      trendConf = margin(strongest);
    } else if (Math.abs(net) > 1) {
      trendTag = net > 0 ? "increasing" : "decreasing";
      trendConf = margin(Math.abs(net));
    } else {
      trendTag = "steady";
      trendConf = margin(1 / Math.max(Math.abs(net), 1e-300));
    }
    sink.add(new ShapeTag(ShapeFacet.TREND, trendTag, ch), trendConf);

    if (f.harmonics() == 0) {
      sink.add(new ShapeTag(ShapeFacet.SEASONALITY, "none", ch), 0.7);
    } else {
      Waveform w = waveform(f.sin(), f.cos());
      sink.add(new ShapeTag(ShapeFacet.SEASONALITY, w.name(), ch),
          Math.min(0.95, Math.max(0.5, 1 - f.periodPValue() * 100)) * w.share());
      double[] season = f.season();
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      int p = (int) Math.ceil(f.period());
      for (int t = 0; t < Math.min(f.n(), p); t++) {
        lo = Math.min(lo, season[t]);
        hi = Math.max(hi, season[t]);
      }
      if (hi > lo) {
        sink.add(new NumericProperty(Property.SEASONAL_AMPLITUDE, (hi - lo) / 2, ch), 0.6);
      }
    }

    double share = f.noiseShare();
    String noiseTag = share < config.lowNoiseBelow() ? "low"
        : (share > config.highNoiseAbove() ? "high" : "medium");
    // distance to the nearest cut, in log units of the share, mapped to (0.5, 1)
    double d = Math.min(Math.abs(Math.log(Math.max(share, 1e-12) / config.lowNoiseBelow())),
        Math.abs(Math.log(Math.max(share, 1e-12) / config.highNoiseAbove())));
    sink.add(new ShapeTag(ShapeFacet.NOISE, noiseTag, ch), 0.5 + 0.5 * Math.tanh(3 * d));
    if (f.residualRms() > 0) {
      sink.add(new NumericProperty(Property.NOISE_STD, f.residualRms(), ch), 0.6);
    }

    boolean shift = f.largestShift(config.maxBumpWidth()) > config.shiftSigmas();
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
   * @param share a confidence in [0.6, 1] that grows with the gap between the best waveform's
   *     unexplained share and the next best's
   */
  record Waveform(String name, double share) {
  }

  /** The waveform whose harmonic series is nearest ({@link StructuralFit#waveformResiduals}). */
  static Waveform waveform(double[] sin, double[] cos) {
    double[] r = StructuralFit.waveformResiduals(sin, cos);
    String[] names = {"sine", "square", "triangle"};
    int best = 0;
    for (int i = 1; i < 3; i++) {
      if (r[i] < r[best]) {
        best = i;
      }
    }
    double second = Double.POSITIVE_INFINITY;
    for (int i = 0; i < 3; i++) {
      if (i != best && r[i] < second) {
        second = r[i];
      }
    }
    return new Waveform(names[best], Math.min(1, 0.6 + 4 * (second - r[best])));
  }
}
