package io.florets.labelers.specialist;

import io.florets.datasets.target.Event;
import io.florets.datasets.target.EventType;
import io.florets.labelers.ChannelLabeler;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns per-sample outlier scores into spike events.
 *
 * <ol>
 *   <li>A core is a run of samples beyond {@code threshold} with one sign.</li>
 *   <li>Cores up to {@code maxSpikeWidth} samples are spikes. Wider cores are extended on both
 *       sides while the score keeps its sign above {@code edgeThreshold}; if the result is at most
 *       {@code maxWideWidth} wide it is a {@code wide_spike}, otherwise it is left out (a level
 *       change, not a spike).</li>
 *   <li>At least {@code minRunCount} spikes of one sign, each within {@code maxRunGap} samples of
 *       the previous one, form one {@code spike_run} from the first to the last.</li>
 * </ol>
 * Confidence grows with the peak score beyond the threshold.
 *
 * @param threshold |z| above this makes a core
 * @param edgeThreshold |z| above this extends a wide spike's edges
 * @param maxSpikeWidth widest core called a spike
 * @param maxWideWidth widest bump called a wide spike (0 = report no wide spikes)
 * @param maxRunGap largest distance between consecutive spikes of a run
 * @param minRunCount fewest spikes in a run
 */
record SpikeRuns(double threshold, double edgeThreshold, int maxSpikeWidth, int maxWideWidth,
    int maxRunGap, int minRunCount) {

  void emit(double[] z, int ch, ChannelLabeler.Sink sink) {
    int n = z.length;
    List<int[]> spikes = new ArrayList<>();
    List<Double> peaks = new ArrayList<>();
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
      if (j - i + 1 <= maxSpikeWidth) {
        spikes.add(new int[] {i, j, (int) sign});
        peaks.add(peak);
      } else if (maxWideWidth > 0) {
        int a = i;
        int e = j;
        while (a - 1 >= 0 && Math.signum(z[a - 1]) == sign && Math.abs(z[a - 1]) > edgeThreshold) {
          a--;
        }
        while (e + 1 < n && Math.signum(z[e + 1]) == sign && Math.abs(z[e + 1]) > edgeThreshold) {
          e++;
        }
        if (e - a + 1 <= maxWideWidth) {
          sink.add(new Event(EventType.WIDE_SPIKE, a, e, ch), confidence(peak));
        }
        j = Math.max(j, e);
      }
      i = j + 1;
    }
    int k = 0;
    while (k < spikes.size()) {
      int m = k;
      double peak = peaks.get(k);
      while (m + 1 < spikes.size() && spikes.get(m + 1)[2] == spikes.get(k)[2]
          && spikes.get(m + 1)[0] - spikes.get(m)[1] <= maxRunGap) {
        m++;
        peak = Math.max(peak, peaks.get(m));
      }
      if (m - k + 1 >= minRunCount) {
        sink.add(new Event(EventType.SPIKE_RUN, spikes.get(k)[0], spikes.get(m)[1], ch), confidence(peak));
      } else {
        for (int q = k; q <= m; q++) {
          int[] sp = spikes.get(q);
          sink.add(new Event(sp[2] > 0 ? EventType.SPIKE_UP : EventType.SPIKE_DOWN, sp[0], sp[1], ch),
              confidence(peaks.get(q)));
        }
      }
      k = m + 1;
    }
  }

  private double confidence(double peak) {
    return Math.min(1, 0.5 + 0.5 * (peak - threshold) / threshold);
  }
}
