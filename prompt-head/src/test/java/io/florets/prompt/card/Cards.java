package io.florets.prompt.card;

import io.florets.prompt.calibration.ModelFingerprint;
import java.util.LinkedHashMap;
import java.util.Map;

/** Model cards for tests. */
public final class Cards {
  /** The provenance data description of a default-recipe model (a shortened trend list). */
  public static final String DATA = "synthetic generator v1 SyntheticConfig[count=20000, "
      + "length=256, channels=1, seed=7, minEvents=0, maxEvents=3, eventTypes=[SPIKE_UP, "
      + "SPIKE_DOWN, LEVEL_SHIFT_UP, LEVEL_SHIFT_DOWN, DROPOUT, FLATLINE, MISSING_RUN], "
      + "trends=[INCREASING]]";

  private Cards() {
  }

  /** A card whose events and classes are below the labelers, and shape tags above. */
  public static ModelCard card(ModelFingerprint weights) {
    Map<String, Comparison> types = new LinkedHashMap<>();
    types.put("spike_up", new Comparison(0.9, 0.8));
    types.put("flatline", new Comparison(0.1, 0.97));
    types.put("dropout", new Comparison(null, 0.5));
    Map<String, Comparison> props = new LinkedHashMap<>();
    props.put("mean", new Comparison(0.95, 0.9));
    props.put("std", new Comparison(0.4, 0.8));
    CardFigures f = new CardFigures(new Comparison(0.3612, 0.5934),
        new Comparison(0.91, 0.896), new Comparison(0.75, 0.743), new Comparison(0.5, null),
        new Comparison(0.25, 0.5), 1.0, types, props,
        Map.of("trend", new Comparison(0.8, 0.7)));
    CardMeasurement m = new CardMeasurement("florets card --model m --windows 1000 --seed 4242",
        "synthetic generator v1 SyntheticConfig[count=1000]", 1000, 4242, 5,
        "2026-12-02T18:40:12Z", 321.5, 1.02, 1.7, "none");
    TrainingData t = TrainingData.of("default", "florets train --recipe default", DATA,
        "b93b", 6000, 20000, Map.of(), 1);
    return ModelCard.of(weights, m, f, t);
  }
}
