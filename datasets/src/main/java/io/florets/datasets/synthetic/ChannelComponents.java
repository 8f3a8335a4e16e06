package io.florets.datasets.synthetic;

import java.util.Arrays;

/**
 * The additive components of one generated channel, each of the window's length, in series units:
 * {@code values[t] = (float) (offset + trend[t] + seasonal[t] + noise[t] + eventEffect[t])}, except
 * where a dropout, flatline or missing run overrode the sample. Immutable: accessors return copies.
 * Useful to check detectors against the clean signal.
 */
public final class ChannelComponents {
  private final double offset;
  private final double[] trend;
  private final double[] seasonal;
  private final double[] noise;
  private final double[] eventEffect;
  private final float[] values;

  ChannelComponents(double offset, double[] trend, double[] seasonal, double[] noise,
      double[] eventEffect, float[] values) {
    this.offset = offset;
    this.trend = trend.clone();
    this.seasonal = seasonal.clone();
    this.noise = noise.clone();
    this.eventEffect = eventEffect.clone();
    this.values = values.clone();
  }

  /** The channel's offset (a constant). */
  public double offset() {
    return offset;
  }

  /** The trend component (zero mean over the window). */
  public double[] trend() {
    return trend.clone();
  }

  /** The seasonal component (all zero without seasonality). */
  public double[] seasonal() {
    return seasonal.clone();
  }

  /** The noise component. */
  public double[] noise() {
    return noise.clone();
  }

  /** The additive effect of spikes, spike runs, wide spikes and level shifts (zero elsewhere). */
  public double[] eventEffect() {
    return eventEffect.clone();
  }

  /** The clean signal {@code offset + trend + seasonal}: no noise, no events. */
  public double[] clean() {
    double[] c = new double[trend.length];
    for (int t = 0; t < c.length; t++) {
      c[t] = offset + trend[t] + seasonal[t];
    }
    return c;
  }

  /** The final channel values as stored in the window (NaN = missing). */
  public float[] values() {
    return values.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChannelComponents c && Double.compare(offset, c.offset) == 0
        && Arrays.equals(trend, c.trend) && Arrays.equals(seasonal, c.seasonal)
        && Arrays.equals(noise, c.noise) && Arrays.equals(eventEffect, c.eventEffect)
        && Arrays.equals(values, c.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values) * 31 + Double.hashCode(offset);
  }

  @Override
  public String toString() {
    return "ChannelComponents[length=" + values.length + ", offset=" + offset + "]";
  }
}
