package io.florets.vision.label;

import io.florets.vision.data.CountCaptions;
import io.florets.vision.image.RasterImage;
import java.util.Objects;

/**
 * Count captions from blobs: {@code "two red circles and a blue square"} (the same words and order as the
 * generator's truth captions), so that labeler captions and truth captions compare directly.
 *
 * @param blobs the blob labeler it counts with
 */
public record CaptionLabeler(BlobLabeler blobs) {
  /** Validates. */
  public CaptionLabeler {
    Objects.requireNonNull(blobs, "blobs");
  }

  /** The count caption of an image ({@code "nothing"} when no blob is found). */
  public String caption(RasterImage img) {
    return CountCaptions.caption(BlobLabeler.asObjects(blobs.label(img)));
  }
}
