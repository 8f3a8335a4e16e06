package io.florets.spark;

import io.florets.datasets.target.ShapeFacet;
import io.florets.labelers.Labeler;
import io.florets.labelers.consensus.Consensus;
import io.florets.labelers.consensus.ConsensusConfig;
import io.florets.labelers.consensus.LabelModel;
import java.io.Serializable;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A consensus fitted on the driver, in the form shipped to executors: its settings and its label
 * models (the labelers are rebuilt from their names there). Immutable.
 */
final class FittedConsensus implements Serializable {
  private static final long serialVersionUID = 1L;

  private final ConsensusConfig config;
  private final EnumMap<ShapeFacet, LabelModel> models;

  FittedConsensus(Consensus c) {
    this.config = c.config();
    this.models = new EnumMap<>(ShapeFacet.class);
    this.models.putAll(c.models());
  }

  Consensus rebuild(List<Labeler> labelers) {
    return Consensus.of(labelers, config, Map.copyOf(models));
  }
}
