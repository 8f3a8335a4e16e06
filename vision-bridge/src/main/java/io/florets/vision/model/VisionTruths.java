package io.florets.vision.model;

import io.florets.prompt.serial.ImageBox;
import io.florets.prompt.serial.ImageTruth;
import io.florets.vision.data.BoxTarget;
import io.florets.vision.data.ImageExample;
import java.util.ArrayList;
import java.util.List;

/** Converts the vision bridge's image examples into the contract's {@link ImageTruth}. */
public final class VisionTruths {
  private VisionTruths() {
  }

  /** The dense targets of an example, in its own pixel frame. */
  public static ImageTruth of(ImageExample e) {
    List<ImageBox> boxes = new ArrayList<>();
    for (BoxTarget b : e.boxes()) {
      boxes.add(new ImageBox(b.label(), b.x1(), b.y1(), b.x2(), b.y2()));
    }
    return new ImageTruth(e.image().width(), e.image().height(), boxes, e.caption(), e.detailedCaption(),
        e.classLabel());
  }
}
