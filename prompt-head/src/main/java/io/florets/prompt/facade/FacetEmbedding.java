package io.florets.prompt.facade;

import io.florets.prompt.readout.Embedding;
import io.florets.prompt.task.EmbedFacet;
import java.util.List;
import java.util.Objects;

/**
 * A window's {@code <EMBED>facet} answer: the L2-normalised vector and the facet's tags with the
 * model's confidences (empty for the general embedding, which has no tags).
 *
 * @param facet the facet asked
 * @param embedding the vector
 * @param tags the answer's tags about the facet, most confident first
 */
public record FacetEmbedding(EmbedFacet facet, Embedding embedding, List<FacetTag> tags) {
  /** Validates and copies. */
  public FacetEmbedding {
    Objects.requireNonNull(facet, "facet");
    Objects.requireNonNull(embedding, "embedding");
    tags = List.copyOf(tags);
  }
}
