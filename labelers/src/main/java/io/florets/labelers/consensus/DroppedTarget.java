package io.florets.labelers.consensus;

import io.florets.datasets.target.Target;
import java.util.List;
import java.util.Objects;

/**
 * A target the consensus did not keep, with the reason.
 *
 * @param target the merged target that was considered
 * @param reason why it was dropped, e.g. {@code "support 1 of 2 labelers, best confidence 0.62 < 0.9"}
 * @param sources the labelers that proposed it
 */
public record DroppedTarget(Target target, String reason, List<String> sources) {
  public DroppedTarget {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(reason, "reason");
    sources = List.copyOf(sources);
  }
}
