package io.florets.vision.data;

import io.florets.vision.image.RasterImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A synthetic scene with exact truth: the image, its shapes, and its background.
 *
 * @param image the RGB picture
 * @param objects the shapes, in reading order of their boxes (top, then left)
 * @param background the background texture
 * @param dark whether the background's mean grey level is below 0.5
 */
public record Scene(RasterImage image, List<SceneObject> objects, Background background, boolean dark) {
  /** Reading order of boxes: by top edge, then left edge. */
  public static final Comparator<BoxTarget> READING_ORDER =
      Comparator.comparingDouble(BoxTarget::y1).thenComparingDouble(BoxTarget::x1);

  /** Validates, copies and sorts the objects into reading order. */
  public Scene {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(background, "background");
    List<SceneObject> sorted = new ArrayList<>(objects);
    sorted.sort(Comparator.comparing(SceneObject::box, READING_ORDER));
    objects = List.copyOf(sorted);
  }

  /** The truth boxes in reading order, labelled by shape word. */
  public List<BoxTarget> boxes() {
    List<BoxTarget> out = new ArrayList<>();
    for (SceneObject o : objects) {
      out.add(o.box());
    }
    return out;
  }

  /** The count caption ({@code "two red circles and a blue square"}). */
  public String caption() {
    return CountCaptions.caption(objects);
  }

  /** The count caption plus the background ({@code "... on a dark striped background"}). */
  public String detailedCaption() {
    return caption() + " on a " + (dark ? "dark " : "light ") + background.word() + " background";
  }
}
