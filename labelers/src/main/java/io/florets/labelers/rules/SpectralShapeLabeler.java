package io.florets.labelers.rules;

import io.florets.datasets.target.NumericProperty;
import io.florets.datasets.target.Property;
import io.florets.datasets.target.ShapeFacet;
import io.florets.datasets.target.ShapeTag;
import io.florets.datasets.target.TargetKind;
import io.florets.labelers.ChannelLabeler;
import io.florets.labelers.signal.ChannelSignal;
import io.florets.labelers.signal.Periodicity;
import io.florets.labelers.signal.Robust;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code shape.spectral}: seasonality waveform and noise level read off the shared periodogram.
 *
 * <ul>
 *   <li>white-noise variance: the median periodogram ordinate over the upper half of the band
 *       divided by ln 2 (ordinates of white noise are exponential with mean sigma^2);</li>
 *   <li>waveform: the amplitude ratio of the third harmonic to the fundamental after removing the
 *       noise floor (square 1/3, triangle 1/9, sine 0; cut at {@code squareAbove},
 *       {@code triangleAbove});</li>
 *   <li>seasonal amplitude: the RMS of the harmonics times the waveform's crest factor.</li>
 * </ul>
 */
public final class SpectralShapeLabeler extends ChannelLabeler {

  /**
   * Settings.
   *
   * @param squareAbove third-harmonic ratio above this is a square wave; default 0.22
   * @param triangleAbove ratio above this (and below squareAbove) is a triangle wave; default 0.06
   * @param lowNoiseBelow noise share (noise sigma / std of the despiked series) below this is
   *     low; default 0.15
   * @param highNoiseAbove noise share above this is high; default 0.475
   */
  public record Config(double squareAbove, double triangleAbove, double lowNoiseBelow,
      double highNoiseAbove) {
    public static final Config DEFAULTS = new Config(0.22, 0.06, 0.15, 0.475);

    public Config {
      if (!(triangleAbove > 0 && squareAbove > triangleAbove && lowNoiseBelow > 0
          && highNoiseAbove > lowNoiseBelow)) {
        throw new IllegalArgumentException("inconsistent shape.spectral config: " + this);
      }
    }
  }

  private final Config config;

  public SpectralShapeLabeler() {
    this(Config.DEFAULTS);
  }

  public SpectralShapeLabeler(Config config) {
    this.config = java.util.Objects.requireNonNull(config, "config");
  }

  @Override
  public String name() {
    return "shape.spectral";
  }

  @Override
  public String version() {
    return "3";
  }

  @Override
  public Set<TargetKind> kinds() {
    return Set.of(TargetKind.SHAPE_TAG, TargetKind.NUMERIC);
  }

  @Override
  public Set<ShapeFacet> facets() {
    return EnumSet.of(ShapeFacet.SEASONALITY, ShapeFacet.NOISE);
  }

  @Override
  public Set<Property> properties() {
    return Set.of(Property.SEASONAL_AMPLITUDE, Property.NOISE_STD);
  }

  @Override
  protected void labelChannel(ChannelSignal s, int ch, Sink sink) {
    double[] p = s.periodogram();
    int n = s.length();
    int m = p.length - 1;
    int lo = Math.max(1, m / 2);
    double[] upper = Arrays.copyOfRange(p, lo, m);
    if (upper.length < 4) {
      return;
    }
    double floor = Robust.medianInPlace(upper, upper.length) / Math.log(2);
    double noiseSigma = Math.sqrt(floor);
    double detStd = s.despikedStd();
    if (detStd > 0) {
      double ratio = noiseSigma / detStd;
      String tag = ratio < config.lowNoiseBelow() ? "low" : (ratio > config.highNoiseAbove() ? "high" : "medium");
      sink.add(new ShapeTag(ShapeFacet.NOISE, tag, ch), 0.7);
      if (noiseSigma > 0) {
        sink.add(new NumericProperty(Property.NOISE_STD, noiseSigma, ch), 0.6);
      }
    }
    Periodicity per = s.periodicity();
    if (!per.significant()) {
      sink.add(new ShapeTag(ShapeFacet.SEASONALITY, "none", ch), 0.5 + 0.5 * Math.min(1, per.pValue() * 10));
      return;
    }
    double k0 = n / per.period();
    double a1 = band(p, k0, floor);
    if (!(a1 > 0)) {
      return;
    }
    String shape = "sine";
    if (3 * k0 + 1 < m) {
      double r3 = Math.sqrt(band(p, 3 * k0, floor) / a1);
      shape = r3 > config.squareAbove() ? "square" : (r3 > config.triangleAbove() ? "triangle" : "sine");
    }
    sink.add(new ShapeTag(ShapeFacet.SEASONALITY, shape, ch), 1 - 0.5 * Math.min(1, per.pValue() * 100));
    double power = 0;
    for (int h = 1; h * k0 + 1 < m; h++) {
      power += band(p, h * k0, floor);
    }
    double rms = Math.sqrt(2.0 * power / n);
    double crest = "square".equals(shape) ? 1 : ("triangle".equals(shape) ? Math.sqrt(3) : Math.sqrt(2));
    sink.add(new NumericProperty(Property.SEASONAL_AMPLITUDE, rms * crest, ch), 0.7);
  }

  /** Power in the three bins around fractional bin {@code k}, less the noise floor per bin. */
  private static double band(double[] p, double k, double floor) {
    int c = (int) Math.round(k);
    double sum = 0;
    for (int j = c - 1; j <= c + 1; j++) {
      if (j >= 1 && j < p.length) {
        sum += Math.max(0, p[j] - floor);
      }
    }
    return sum;
  }
}
