package io.florets.datasets.synthetic;

import io.florets.datasets.target.Event;
import io.florets.datasets.target.EventType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Generates one channel: attributes, clean components, noise, events, final values and the exact
 * truth. Every stage draws from its own fork of the window's random stream, so a change to one
 * stage leaves the others' draws unchanged. See {@link SyntheticGenerator} for the ranges.
 */
final class ChannelSynthesizer {
  private static final double TWO_PI = 2 * Math.PI;

  /** The truth and the components of one channel. */
  record Result(ChannelTruth truth, ChannelComponents components) {
  }

  private ChannelSynthesizer() {
  }

  /**
   * @param rng this channel's stream
   * @param forcedClass the class value imposed on this channel, or {@code null}
   * @param channel the channel index written into event targets ({@code -1} when univariate)
   */
  static Result synthesize(SyntheticConfig c, SeededRandom rng, String forcedClass, int channel) {
    int n = c.length();
    ChannelSampler.Attributes attr = ChannelSampler.draw(rng.fork(1), c, forcedClass);
    SeededRandom rl = rng.fork(2);
    double scale = c.minScale() == c.maxScale() ? c.minScale() : rl.logUniform(c.minScale(), c.maxScale());
    double offset = rl.uniform(c.minOffset(), c.maxOffset());
    List<TrendPiece> pieces = trendPieces(attr.trend(), n, scale, rng.fork(3));
    double[] trend = trendValues(pieces, n);

    SeededRandom rs = rng.fork(4);
    int period = 0;
    double amplitude = 0;
    double phase = 0;
    if (attr.seasonality() != SeasonalityKind.NONE) {
      period = rs.intBetween(c.minPeriod(), c.effectiveMaxPeriod());
      amplitude = rs.uniform(0.5, 1.5) * scale;
      phase = rs.uniform(0, TWO_PI);
    }
    double[] seasonal = seasonalValues(attr.seasonality(), n, period, amplitude, phase);

    double[] clean = new double[n];
    for (int t = 0; t < n; t++) {
      clean[t] = trend[t] + seasonal[t];
    }
    Noise noise = noise(attr, clean, scale, rng.fork(5));

    int count = rng.fork(6).intBetween(c.minEvents(), c.maxEvents());
    List<Integer> breakpoints = new ArrayList<>();
    for (int i = 1; i < pieces.size(); i++) {
      breakpoints.add(pieces.get(i).start());
    }
    List<EventPlanner.Planned> planned = count == 0 ? List.of()
        : EventPlanner.plan(rng.fork(7), c.eventTypes(), n, breakpoints, count);
    EventInjector injector =
        new EventInjector(n, channel, noise.signalScale(), noise.peakSigma(), rng.fork(8));
    for (EventPlanner.Planned p : planned) {
      injector.addEffect(p);
    }
    double[] effect = injector.effect();
    float[] values = new float[n];
    for (int t = 0; t < n; t++) {
      values[t] = (float) (offset + clean[t] + noise.values()[t] + effect[t]);
    }
    List<InjectedEvent> events = new ArrayList<>(injector.applyOverrides(planned, values, offset, clean));
    events.addAll(trendChanges(pieces, channel));
    events.sort(Comparator.comparingInt((InjectedEvent e) -> e.event().start()));
    ChannelTruth truth = new ChannelTruth(attr.trend(), pieces, attr.seasonality(), period,
        amplitude, phase, attr.noiseLevel(), attr.noiseKind(), noise.share(), noise.sigma(), offset,
        scale, events);
    return new Result(truth,
        new ChannelComponents(offset, trend, seasonal, noise.values(), effect, values));
  }

  /** The noise component and the scales derived with it. */
  private record Noise(double share, double sigma, double[] values, double peakSigma,
      double signalScale) {
  }

  /**
   * Sets sigma from a noise share drawn in the level's band (share 1 and sigma = U[0.2, 1] A for a
   * channel with neither trend nor seasonality), then draws the noise.
   */
  private static Noise noise(ChannelSampler.Attributes attr, double[] clean, double scale,
      SeededRandom rn) {
    int n = clean.length;
    double varClean = Stats.variance(clean);
    double share;
    double sigma;
    if (varClean <= 1e-18 * scale * scale) {
      share = 1.0;
      sigma = scale * rn.uniform(0.2, 1.0);
    } else {
      share = rn.uniform(attr.noiseLevel().minShare(), attr.noiseLevel().maxShare());
      sigma = share * Math.sqrt(varClean / (1 - share * share));
    }
    double[] envelope = envelope(attr.noiseKind(), n, rn);
    double[] values = new double[n];
    double peakSigma = 0;
    for (int t = 0; t < n; t++) {
      values[t] = sigma * envelope[t] * rn.gaussian();
      peakSigma = Math.max(peakSigma, sigma * envelope[t]);
    }
    return new Noise(share, sigma, values, peakSigma, Math.sqrt(varClean + sigma * sigma));
  }

  /** The breakpoints of a multi-piece trend as trend-change events. */
  private static List<InjectedEvent> trendChanges(List<TrendPiece> pieces, int channel) {
    List<InjectedEvent> out = new ArrayList<>();
    for (int i = 1; i < pieces.size(); i++) {
      int b = pieces.get(i).start();
      out.add(new InjectedEvent(new Event(EventType.TREND_CHANGE, b, b, channel),
          pieces.get(i).slope() - pieces.get(i - 1).slope(), List.of(b)));
    }
    return out;
  }

  /** The trend's linear pieces; sizes in scale units as documented on {@link TrendKind}. */
  static List<TrendPiece> trendPieces(TrendKind kind, int n, double scale, SeededRandom r) {
    if (kind == TrendKind.STEADY) {
      return List.of(new TrendPiece(0, n - 1, 0.0));
    }
    if (kind == TrendKind.INCREASING || kind == TrendKind.DECREASING) {
      double rise = r.uniform(1.5, 4.0) * scale * (kind == TrendKind.INCREASING ? 1 : -1);
      return List.of(new TrendPiece(0, n - 1, rise / (n - 1)));
    }
    int[] starts;
    if (r.intBetween(2, 3) == 2) {
      starts = new int[] {0, r.intBetween(n / 4, n - n / 4)};
    } else {
      starts = new int[] {0, r.intBetween(n / 5, 2 * n / 5), r.intBetween(3 * n / 5, 4 * n / 5)};
    }
    int sign = r.sign();
    List<TrendPiece> pieces = new ArrayList<>();
    for (int i = 0; i < starts.length; i++) {
      int end = i + 1 < starts.length ? starts[i + 1] - 1 : n - 1;
      int len = end - starts[i] + 1;
      double change = r.uniform(1.5, 3.0) * scale * sign;
      pieces.add(new TrendPiece(starts[i], end, change / len));
      sign = -sign;
    }
    return pieces;
  }

  /** The piecewise-linear trend, continuous, shifted to zero mean. */
  static double[] trendValues(List<TrendPiece> pieces, int n) {
    double[] v = new double[n];
    for (TrendPiece p : pieces) {
      double base = p.start() == 0 ? 0.0 : v[p.start() - 1];
      for (int t = Math.max(p.start(), 1); t <= p.end(); t++) {
        v[t] = base + p.slope() * (t - p.start() + (p.start() == 0 ? 0 : 1));
      }
    }
    double mean = Stats.mean(v);
    for (int t = 0; t < n; t++) {
      v[t] -= mean;
    }
    return v;
  }

  static double[] seasonalValues(SeasonalityKind kind, int n, int period, double a, double phase) {
    double[] s = new double[n];
    if (kind == SeasonalityKind.NONE) {
      return s;
    }
    for (int t = 0; t < n; t++) {
      double sin = StrictMath.sin(TWO_PI * t / period + phase);
      if (kind == SeasonalityKind.SINE) {
        s[t] = a * sin;
      } else if (kind == SeasonalityKind.SQUARE) {
        s[t] = sin >= 0 ? a : -a;
      } else {
        s[t] = a * (2 / Math.PI) * StrictMath.asin(sin);
      }
    }
    return s;
  }

  private static double[] envelope(NoiseKind kind, int n, SeededRandom r) {
    double[] e = new double[n];
    if (kind == NoiseKind.GAUSSIAN) {
      java.util.Arrays.fill(e, 1.0);
      return e;
    }
    double q = r.uniform(n / 4.0, n);
    double psi = r.uniform(0, TWO_PI);
    double sumSq = 0;
    for (int t = 0; t < n; t++) {
      e[t] = 1 + 0.6 * StrictMath.sin(TWO_PI * t / q + psi);
      sumSq += e[t] * e[t];
    }
    double rms = Math.sqrt(sumSq / n);
    for (int t = 0; t < n; t++) {
      e[t] /= rms;
    }
    return e;
  }
}
