package io.florets.prompt.facade;

import io.florets.datasets.target.NumericProperty;
import io.florets.datasets.target.Property;
import io.florets.datasets.target.Target;
import io.florets.engine.MagnitudeBins;
import io.florets.engine.OutputMapping;
import io.florets.engine.series.NumberCandidates;
import java.util.ArrayList;
import java.util.List;

/**
 * The numeric contract between training data and answers: the engine's front end sees every
 * channel robustly normalised ({@code (x - location) / scale}), so the model is taught numeric
 * properties in those units and answers are mapped back to the series' own units. Location-like
 * properties (mean, median, min, max) become {@code (v - location) / scale}; spread-like ones
 * (std, range, noise_std, seasonal_amplitude) {@code v / scale}; the slope (units per sample)
 * {@code v * length / scale}, the change over the window; unit-free ones (period, snr,
 * lag-1 autocorrelation, missing fraction) are unchanged. Stateless and thread-safe.
 *
 * <p>A location-like value within one {@code float} ulp of the location is exactly 0 in model
 * units: the front end's location is the window's median rounded to {@code float}, so the median
 * itself (and any value that close) differs from it only by that rounding. Written as it was, the
 * median was taught as rounding noise (about 1e-6 to 1e-4, random sign) that no input predicts.
 */
public final class NumericScaling {
  /** Name of this scaling, stored in model bundles. */
  public static final String NAME = "robust-v1";

  private NumericScaling() {
  }

  /** {@code value} of {@code property} in model units, for a window with this mapping. */
  public static double toModel(Property property, double value, int channel, OutputMapping m) {
    int c = channel == Target.WHOLE_WINDOW ? 0 : channel;
    double loc = m.location()[c];
    double scale = m.scale()[c];
    switch (property) {
      case MEAN: case MEDIAN: case MIN: case MAX:
        return Math.abs(value - loc) <= Math.ulp(m.location()[c]) ? 0.0 : (value - loc) / scale;
      case STD: case RANGE: case NOISE_STD: case SEASONAL_AMPLITUDE:
        return value / scale;
      case SLOPE:
        return value * m.windowLength() / scale;
      default:
        return value;
    }
  }

  /** The inverse of {@link #toModel}: a model answer back in the series' units. */
  public static double fromModel(Property property, double value, int channel, OutputMapping m) {
    int c = channel == Target.WHOLE_WINDOW ? 0 : channel;
    if (c >= m.location().length) {
      return value;
    }
    double loc = m.location()[c];
    double scale = m.scale()[c];
    switch (property) {
      case MEAN: case MEDIAN: case MIN: case MAX:
        return value * scale + loc;
      case STD: case RANGE: case NOISE_STD: case SEASONAL_AMPLITUDE:
        return value * scale;
      case SLOPE:
        return value * scale / m.windowLength();
      default:
        return value;
    }
  }

  /**
   * The number copy's exact value: when {@code property} is one the window determines exactly
   * (mean, standard deviation, minimum, maximum, range, slope, lag-1 autocorrelation, missing
   * fraction) and the model's answer {@code modelValue} (model units) lies in the same magnitude
   * bin, with the same sign, as that statistic computed from {@code samples} (one channel, NaN =
   * missing) with the front end's {@code location} and {@code scale}, the statistic itself;
   * otherwise {@code modelValue} unchanged. The model chooses the bin (a bin is a relative step of
   * about 2.3%); inside the bin it chose, the reported number is the window's own, not the bin's
   * centre.
   */
  public static double exactInBin(Property property, double modelValue, float[] samples,
      float location, float scale) {
    int kind = candidateKind(property);
    if (kind < 0 || !Double.isFinite(modelValue) || modelValue == 0.0) {
      return modelValue;
    }
    double exact = NumberCandidates.of(samples, location, scale)[kind];
    if (!Double.isFinite(exact) || Math.signum(exact) != Math.signum(modelValue)) {
      return modelValue;
    }
    int bin = MagnitudeBins.of(modelValue);
    return bin >= 0 && bin == MagnitudeBins.of(exact) ? exact : modelValue;
  }

  /** The {@link NumberCandidates} index that is {@code property} exactly, or -1. */
  private static int candidateKind(Property property) {
    switch (property) {
      case MEAN: return 0;
      case STD: return 1;
      case MIN: return 2;
      case MAX: return 3;
      case RANGE: return 4;
      case SLOPE: return 5;
      case LAG1_AUTOCORRELATION: return 6;
      case MISSING_FRACTION: return 7;
      default: return -1;
    }
  }

  /**
   * The targets with every numeric property in model units (values whose scaled form is not
   * finite, or that name a channel the window lacks, are dropped).
   */
  public static List<Target> toModel(List<Target> targets, OutputMapping m) {
    List<Target> out = new ArrayList<>(targets.size());
    for (Target t : targets) {
      if (t instanceof NumericProperty p) {
        int c = p.channel() == Target.WHOLE_WINDOW ? 0 : p.channel();
        if (c >= m.location().length) {
          continue;
        }
        double v = toModel(p.property(), p.value(), p.channel(), m);
        if (Double.isFinite(v) && Math.abs(v) < 1e12) {
          out.add(new NumericProperty(p.property(), v, p.channel()));
        }
      } else {
        out.add(t);
      }
    }
    return out;
  }
}
