package io.florets.datasets.synthetic;

import io.florets.datasets.target.Event;
import io.florets.datasets.target.EventType;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws event magnitudes and applies events to one channel. Sizes, with {@code s} the channel's
 * event-free signal scale ({@code sqrt(var(trend + seasonal) + sigma^2)}) and {@code sp} the
 * largest local noise standard deviation (sigma, or sigma times the irregular envelope's peak):
 * <ul>
 *   <li>spike, each spike of a spike run: {@code max(U[2,4] s, U[6,10] sp)}</li>
 *   <li>wide spike peak: {@code max(U[1.5,3] s, U[5,8] sp)}</li>
 *   <li>level shift: {@code max(U[1.5,3] s, U[3,5] sp)} (a mean change over many samples stands
 *       out at fewer noise sigmas than a single sample does)</li>
 * </ul>
 * Spike-run and wide-spike signs are drawn; the others follow their type. A dropout is kept only
 * where the signal it replaces stays at least {@code max(s, 6 sp)} away from zero over the whole
 * run (otherwise it is left out, as the zero would not stand out).
 */
final class EventInjector {
  private final int channel;
  private final double signalScale;
  private final double peakSigma;
  private final SeededRandom rng;
  private final double[] effect;
  private final List<InjectedEvent> additive = new ArrayList<>();

  EventInjector(int length, int channel, double signalScale, double peakSigma, SeededRandom rng) {
    this.channel = channel;
    this.signalScale = signalScale;
    this.peakSigma = peakSigma;
    this.rng = rng;
    this.effect = new double[length];
  }

  private double size(double lo, double hi, double noiseLo, double noiseHi) {
    double bySignal = rng.uniform(lo, hi) * signalScale;
    double byNoise = rng.uniform(noiseLo, noiseHi) * peakSigma;
    return Math.max(bySignal, byNoise);
  }

  /** Adds the additive effect of a spike, spike run, wide spike or level shift; ignores others. */
  void addEffect(EventPlanner.Planned p) {
    EventType type = p.type();
    double m;
    if (type == EventType.SPIKE_UP || type == EventType.SPIKE_DOWN) {
      m = size(2, 4, 6, 10) * (type == EventType.SPIKE_UP ? 1 : -1);
      effect[p.start()] += m;
    } else if (type == EventType.SPIKE_RUN) {
      m = size(2, 4, 6, 10) * rng.sign();
      for (int t : p.positions()) {
        effect[t] += m;
      }
    } else if (type == EventType.WIDE_SPIKE) {
      m = size(1.5, 3, 5, 8) * rng.sign();
      int w = p.end() - p.start() + 1;
      for (int j = 0; j < w; j++) {
        effect[p.start() + j] += m * StrictMath.sin(Math.PI * (j + 1) / (w + 1));
      }
    } else if (type == EventType.LEVEL_SHIFT_UP || type == EventType.LEVEL_SHIFT_DOWN) {
      m = size(1.5, 3, 3, 5) * (type == EventType.LEVEL_SHIFT_UP ? 1 : -1);
      for (int t = p.start(); t < effect.length; t++) {
        effect[t] += m;
      }
    } else {
      return;
    }
    additive.add(new InjectedEvent(event(p), m, p.positions()));
  }

  /** The summed additive effect so far (a copy). */
  double[] effect() {
    return effect.clone();
  }

  /**
   * Applies dropouts, flatlines and missing runs to {@code values} (in place) and returns every kept
   * event, additive ones included, in plan order.
   */
  List<InjectedEvent> applyOverrides(List<EventPlanner.Planned> planned, float[] values,
      double offset, double[] clean) {
    List<InjectedEvent> out = new ArrayList<>();
    int next = 0;
    for (EventPlanner.Planned p : planned) {
      EventType type = p.type();
      if (type == EventType.DROPOUT) {
        double least = Double.POSITIVE_INFINITY;
        for (int t = p.start(); t <= p.end(); t++) {
          least = Math.min(least, Math.abs(offset + clean[t] + effect[t]));
        }
        if (least < Math.max(signalScale, 6 * peakSigma)) {
          continue;
        }
        for (int t = p.start(); t <= p.end(); t++) {
          values[t] = 0f;
        }
        out.add(new InjectedEvent(event(p), 0.0, p.positions()));
      } else if (type == EventType.FLATLINE) {
        float held = values[p.start()];
        for (int t = p.start() + 1; t <= p.end(); t++) {
          values[t] = held;
        }
        out.add(new InjectedEvent(event(p), held, p.positions()));
      } else if (type == EventType.MISSING_RUN) {
        for (int t = p.start(); t <= p.end(); t++) {
          values[t] = Float.NaN;
        }
        out.add(new InjectedEvent(event(p), 0.0, p.positions()));
      } else {
        out.add(additive.get(next++));
      }
    }
    return out;
  }

  private Event event(EventPlanner.Planned p) {
    return new Event(p.type(), p.start(), p.end(), channel);
  }
}
