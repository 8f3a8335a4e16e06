package io.florets.labelers.consensus;

import io.florets.datasets.target.Annotation;
import java.util.List;

/**
 * The outcome of consensus on one window.
 *
 * @param kept the targets kept, as annotations with source {@link Consensus#SOURCE} and their
 *     confidence
 * @param dropped the targets dropped, with reasons
 */
public record ConsensusResult(List<Annotation> kept, List<DroppedTarget> dropped) {
  public ConsensusResult {
    kept = List.copyOf(kept);
    dropped = List.copyOf(dropped);
  }
}
