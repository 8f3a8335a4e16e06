package io.florets.datasets;

import io.florets.datasets.target.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Windows with their annotations and dataset-level metadata: the data engine's unit of work.
 * Immutable; entry {@code i} pairs window {@code i} with its annotations.
 *
 * <p>Persisted as an Arrow IPC file and exported as JSON Lines by {@code io.florets.datasets.io}.
 */
public final class DenseDataset {

  /** One window and what is known about it. */
  public record Entry(Window window, List<Annotation> annotations) {
    public Entry {
      Objects.requireNonNull(window, "window");
      annotations = List.copyOf(annotations);
    }
  }

  private final List<Entry> entries;
  private final Map<String, String> metadata;

  private DenseDataset(List<Entry> entries, Map<String, String> metadata) {
    this.entries = List.copyOf(entries);
    this.metadata = Map.copyOf(metadata);
  }

  public static DenseDataset of(List<Entry> entries, Map<String, String> metadata) {
    return new DenseDataset(entries, metadata);
  }

  public List<Entry> entries() {
    return entries;
  }

  public int size() {
    return entries.size();
  }

  public Entry get(int i) {
    return entries.get(i);
  }

  public List<Window> windows() {
    List<Window> w = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      w.add(e.window());
    }
    return w;
  }

  public Map<String, String> metadata() {
    return metadata;
  }

  /** A copy with the annotations replaced, entry by entry (same size and order). */
  public DenseDataset withAnnotations(List<List<Annotation>> annotations) {
    if (annotations.size() != entries.size()) {
      throw new IllegalArgumentException("need " + entries.size() + " annotation lists, got " + annotations.size());
    }
    List<Entry> out = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      out.add(new Entry(entries.get(i).window(), annotations.get(i)));
    }
    return new DenseDataset(out, metadata);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DenseDataset d && entries.equals(d.entries) && metadata.equals(d.metadata);
  }

  @Override
  public int hashCode() {
    return Objects.hash(entries, metadata);
  }

  @Override
  public String toString() {
    return "DenseDataset[" + entries.size() + " windows, metadata=" + metadata + "]";
  }
}
