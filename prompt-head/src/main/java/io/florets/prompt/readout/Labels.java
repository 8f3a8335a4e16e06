package io.florets.prompt.readout;

import java.util.List;

/**
 * Several labels ranked by confidence (highest first), e.g. the top-k class names of a
 * {@code <CLASSIFY>} answer from beam search.
 *
 * @param labels the labels, in descending confidence
 */
public record Labels(List<Label> labels) implements Readout {
  /** Copies and checks the order. */
  public Labels {
    labels = List.copyOf(labels);
    for (int i = 1; i < labels.size(); i++) {
      if (labels.get(i).confidence() > labels.get(i - 1).confidence()) {
        throw new IllegalArgumentException("labels must be ranked by descending confidence, got " + labels);
      }
    }
  }

  /** The most confident label. */
  public java.util.Optional<Label> best() {
    return labels.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(labels.get(0));
  }

  @Override
  public String kind() {
    return "labels";
  }
}
