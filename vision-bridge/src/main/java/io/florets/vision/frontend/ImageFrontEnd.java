package io.florets.vision.frontend;

import io.florets.engine.FrontEnd;
import io.florets.engine.FrontEndBatch;
import io.florets.engine.HostTensor;
import io.florets.engine.OutputMapping;
import io.florets.engine.nn.FrontEndBlock;
import io.florets.vision.image.Normalisation;
import io.florets.vision.image.RasterImage;
import io.florets.vision.image.Resize;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The image front end: each image is squash-resized (bicubic, aspect not kept, as Florence-2) to
 * {@code side x side}, grey replicated to RGB, and normalised per channel; the block
 * ({@link ImageFrontEndBlock}) turns the pixels into {@code (side/8)^2} patch tokens with a learned
 * 2-D position embedding plus one pooled token.
 *
 * <p>Host array: {@code pixels [B, 3, side, side]}. The {@link OutputMapping} of an image has extent
 * {@code {width, height}} of the original image, so answers come back in its pixels, and the
 * normalisation's mean/std as location/scale. Immutable and thread-safe.
 */
public final class ImageFrontEnd implements FrontEnd<RasterImage> {
  private final ImageFrontEndConfig config;
  private final Normalisation normalisation;

  private ImageFrontEnd(ImageFrontEndConfig config, Normalisation normalisation) {
    this.config = config;
    this.normalisation = normalisation;
  }

  /** A front end with the given settings and the {@link Normalisation#CENTRED} normalisation. */
  public static ImageFrontEnd of(ImageFrontEndConfig config) {
    return new ImageFrontEnd(Objects.requireNonNull(config, "config"), Normalisation.CENTRED);
  }

  /** The settings. */
  public ImageFrontEndConfig config() {
    return config;
  }

  @Override
  public String kind() {
    return "image";
  }

  @Override
  public String configJson() {
    return config.toJson();
  }

  @Override
  public int dModel() {
    return config.dModel();
  }

  @Override
  public FrontEndBlock createBlock() {
    return new ImageFrontEndBlock(config);
  }

  /** The normalised {@code 3 x side x side} pixels of one image (CHW). */
  public float[] pixels(RasterImage img) {
    return normalisation.apply(Resize.square(img, config.side()));
  }

  @Override
  public FrontEndBatch prepare(List<? extends RasterImage> images) {
    if (images == null || images.isEmpty()) {
      throw new IllegalArgumentException("image front end: no images given");
    }
    int b = images.size();
    int side = config.side();
    int per = 3 * side * side;
    float[] pixels = new float[b * per];
    List<OutputMapping> mappings = new ArrayList<>(b);
    for (int i = 0; i < b; i++) {
      RasterImage img = Objects.requireNonNull(images.get(i), "image at batch index " + i);
      System.arraycopy(pixels(img), 0, pixels, i * per, per);
      mappings.add(new OutputMapping(new int[] {img.width(), img.height()}, normalisation.mean(),
          normalisation.std()));
    }
    return FrontEndBatch.of(List.of(new HostTensor("pixels", pixels, new long[] {b, 3, side, side})),
        mappings);
  }
}
