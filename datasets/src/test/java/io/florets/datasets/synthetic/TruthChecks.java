package io.florets.datasets.synthetic;

import io.florets.datasets.target.Event;
import io.florets.datasets.target.EventType;
import java.util.ArrayList;
import java.util.List;

/** Small helpers shared by the generator tests. */
final class TruthChecks {
  private TruthChecks() {
  }

  /** Injected events of a given set of types. */
  static List<InjectedEvent> events(ChannelTruth truth, EventType... types) {
    List<InjectedEvent> out = new ArrayList<>();
    for (InjectedEvent e : truth.events()) {
      for (EventType t : types) {
        if (e.event().type() == t) {
          out.add(e);
        }
      }
    }
    return out;
  }

  /** True if sample t lies inside any event's extent. */
  static boolean inAnyEvent(ChannelTruth truth, int t) {
    for (InjectedEvent e : truth.events()) {
      Event ev = e.event();
      if (t >= ev.start() && t <= ev.end()) {
        return true;
      }
    }
    return false;
  }

  /** The final values minus the clean signal (offset + trend + seasonal), NaN kept. */
  static double[] deviation(ChannelComponents c) {
    float[] v = c.values();
    double[] clean = c.clean();
    double[] d = new double[v.length];
    for (int t = 0; t < v.length; t++) {
      d[t] = v[t] - clean[t];
    }
    return d;
  }

  /** Largest absolute noise-envelope sigma proxy: max |noise| is bounded by this over the window. */
  static double noiseStd(ChannelComponents c) {
    double[] n = c.noise();
    double s = 0;
    for (double x : n) {
      s += x * x;
    }
    return Math.sqrt(s / n.length);
  }
}
