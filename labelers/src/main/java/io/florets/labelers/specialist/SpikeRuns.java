package io.florets.labelers.specialist;

import io.florets.datasets.target.Event;
import io.florets.datasets.target.EventType;
import io.florets.labelers.ChannelLabeler;

/**
 * Turns per-sample outlier scores into spike events: contiguous samples beyond the threshold with
 * the same sign form one event; events up to {@code maxSpikeWidth} samples wide are
 * {@code spike_up}/{@code spike_down}, wider ones {@code wide_spike}. Confidence grows with the
 * peak score beyond the threshold.
 */
final class SpikeRuns {
  private SpikeRuns() {
  }

  /**
   * @param z signed outlier scores per sample (NaN = not scored)
   * @param threshold |z| above this flags a sample
   * @param maxSpikeWidth widest run still called a spike
   * @param maxWideWidth widest run reported at all (wider runs are level changes, not spikes)
   */
  static void emit(double[] z, double threshold, int maxSpikeWidth, int maxWideWidth, int ch,
      ChannelLabeler.Sink sink) {
    int n = z.length;
    int i = 0;
    while (i < n) {
      double zi = z[i];
      if (!(Math.abs(zi) > threshold)) {
        i++;
        continue;
      }
      double sign = Math.signum(zi);
      int j = i;
      double peak = Math.abs(zi);
      while (j + 1 < n && Math.abs(z[j + 1]) > threshold && Math.signum(z[j + 1]) == sign) {
        j++;
        peak = Math.max(peak, Math.abs(z[j]));
      }
      int width = j - i + 1;
      double conf = Math.min(1, 0.5 + 0.5 * (peak - threshold) / threshold);
      if (width <= maxSpikeWidth) {
        sink.add(new Event(sign > 0 ? EventType.SPIKE_UP : EventType.SPIKE_DOWN, i, j, ch), conf);
      } else if (width <= maxWideWidth) {
        sink.add(new Event(EventType.WIDE_SPIKE, i, j, ch), conf);
      }
      i = j + 1;
    }
  }
}
