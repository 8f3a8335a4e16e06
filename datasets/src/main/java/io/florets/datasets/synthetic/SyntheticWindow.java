package io.florets.datasets.synthetic;

import io.florets.datasets.DenseDataset;
import io.florets.datasets.Window;
import io.florets.datasets.target.Annotation;
import java.util.List;
import java.util.Objects;

/**
 * One generated window with its truth: the annotations that go into the {@link DenseDataset}, and
 * the exact generating parameters and components of every channel (magnitudes, clean signal), which
 * the target schema has no room for.
 *
 * @param index the window's index in its dataset
 * @param window the window (series id {@code synthetic-<seed>-<index>}, start 0)
 * @param annotations the truth annotations (source {@link Annotation#TRUTH}, confidence 1)
 * @param truth per channel, the generating parameters and events with magnitudes
 * @param components per channel, the additive components and final values
 */
public record SyntheticWindow(int index, Window window, List<Annotation> annotations,
    List<ChannelTruth> truth, List<ChannelComponents> components) {
  /** Validates and copies. */
  public SyntheticWindow {
    Objects.requireNonNull(window, "window");
    annotations = List.copyOf(annotations);
    truth = List.copyOf(truth);
    components = List.copyOf(components);
    if (truth.size() != window.channels() || components.size() != window.channels()) {
      throw new IllegalArgumentException("need one truth and one component set per channel ("
          + window.channels() + "), got " + truth.size() + " and " + components.size());
    }
  }

  /** This window as a dataset entry. */
  public DenseDataset.Entry entry() {
    return new DenseDataset.Entry(window, annotations);
  }
}
