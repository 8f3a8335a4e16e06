/**
 * Plain-Java image handling: {@link io.florets.vision.image.RasterImage} (float CHW pixels in [0, 1]),
 * reading and writing PNG/JPEG, bicubic squash-resize to a square side, and per-channel normalisation.
 * No tensor code: the front end turns these arrays into tensors.
 */
package io.florets.vision.image;
