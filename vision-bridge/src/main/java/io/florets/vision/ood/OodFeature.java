package io.florets.vision.ood;

import io.florets.engine.EngineModel;
import io.florets.vision.image.RasterImage;
import java.util.List;

/** The feature an out-of-distribution score measures its distance on. */
public enum OodFeature {
  /** The vision model's pooled encoder state under the {@code <OD>} prompt ({@link EncoderFeatures}). */
  ENCODER("encoder-mean"),
  /** Model-free colour and texture statistics ({@link PixelFeatures}). */
  PIXELS("pixel-statistics");

  private final String jsonName;

  OodFeature(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The name in {@code ood.json}. */
  public String jsonName() {
    return jsonName;
  }

  /**
   * The feature of {@code jsonName}.
   *
   * @throws IllegalArgumentException naming the value and the known names
   */
  public static OodFeature of(String jsonName) {
    for (OodFeature f : values()) {
      if (f.jsonName.equals(jsonName)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown out-of-distribution feature '" + jsonName
        + "'; known: encoder-mean, pixel-statistics");
  }

  /**
   * The feature vectors of {@code images}.
   *
   * @param engine the vision model's engine (used by {@link #ENCODER})
   * @param prompt the prompt tokens the encoder sees (used by {@link #ENCODER})
   */
  public double[][] of(EngineModel<RasterImage> engine, int[] prompt, List<? extends RasterImage> images) {
    return this == ENCODER ? EncoderFeatures.of(engine, prompt, images) : PixelFeatures.of(images);
  }
}
