package io.florets.datasets.synthetic;

import io.florets.datasets.target.Event;
import java.util.List;
import java.util.Objects;

/**
 * An event the generator put into a channel, with its exact parameters (the {@link Event} target
 * has no room for them). Positions are window sample indices, inclusive:
 *
 * <table>
 * <caption>Meaning of start, end and magnitude per event type</caption>
 * <tr><th>type</th><th>start..end</th><th>magnitude</th></tr>
 * <tr><td>spike_up / spike_down</td><td>the spiked sample (start = end)</td>
 *     <td>signed amount added to that sample (&gt; 0 up, &lt; 0 down)</td></tr>
 * <tr><td>spike_run</td><td>first..last spiked sample; {@link #positions()} lists the 3-5 spiked
 *     samples (2-3 apart), the samples between them are untouched</td>
 *     <td>signed amount added to each spiked sample (one sign and size per run)</td></tr>
 * <tr><td>wide_spike</td><td>every sample the bump changes; the bump is
 *     {@code magnitude * sin(pi (j + 1) / (W + 1))} for {@code j = 0..W-1}, W odd, so it peaks at
 *     the centre sample with the full magnitude</td><td>signed peak amount</td></tr>
 * <tr><td>level_shift_up / _down</td><td>the first shifted sample (start = end); the shift lasts to
 *     the end of the window</td><td>signed amount added from start to the last sample</td></tr>
 * <tr><td>dropout</td><td>the samples set to exactly 0</td><td>the value held: 0</td></tr>
 * <tr><td>flatline</td><td>the run of identical values: sample start keeps its value, samples
 *     start+1..end repeat it</td><td>the value held</td></tr>
 * <tr><td>missing_run</td><td>exactly the NaN samples</td><td>0 (no magnitude)</td></tr>
 * <tr><td>trend_change</td><td>the first sample of the new trend piece (start = end): the step
 *     from start-1 to start already follows the new slope</td>
 *     <td>new slope minus old slope, series units per sample</td></tr>
 * </table>
 *
 * @param event the annotated event (with the channel index used in the annotations)
 * @param magnitude see the table
 * @param positions the spiked samples of a spike run; otherwise {@code [start]} for point events
 *     and every sample {@code start..end} for runs
 */
public record InjectedEvent(Event event, double magnitude, List<Integer> positions) {
  /** Validates and copies. */
  public InjectedEvent {
    Objects.requireNonNull(event, "event");
    if (!Double.isFinite(magnitude)) {
      throw new IllegalArgumentException("event magnitude must be finite, got " + magnitude + " for " + event);
    }
    positions = List.copyOf(positions);
    for (int p : positions) {
      if (p < event.start() || p > event.end()) {
        throw new IllegalArgumentException("position " + p + " outside " + event);
      }
    }
  }
}
