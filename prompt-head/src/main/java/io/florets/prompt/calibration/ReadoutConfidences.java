package io.florets.prompt.calibration;

import io.florets.prompt.readout.Alert;
import io.florets.prompt.readout.Boxes;
import io.florets.prompt.readout.Caption;
import io.florets.prompt.readout.Embedding;
import io.florets.prompt.readout.Events;
import io.florets.prompt.readout.Label;
import io.florets.prompt.readout.Labels;
import io.florets.prompt.readout.Numeric;
import io.florets.prompt.readout.NumericProperties;
import io.florets.prompt.readout.Readout;
import io.florets.prompt.readout.Segments;
import io.florets.prompt.readout.ShapeTags;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * A readout with every item confidence passed through a function, or with the items below a
 * confidence dropped; everything else kept.
 */
final class ReadoutConfidences {
  private ReadoutConfidences() {
  }

  /** {@code r} with each confidence {@code c} replaced by {@code f(c)} (an embedding has none). */
  static Readout map(Readout r, DoubleUnaryOperator f) {
    if (r instanceof Label l) {
      return label(l, f);
    } else if (r instanceof Labels ls) {
      List<Label> out = new ArrayList<>(ls.labels().size());
      ls.labels().forEach(l -> out.add(label(l, f)));
      return new Labels(out);
    } else if (r instanceof Caption c) {
      return new Caption(c.text(), f.applyAsDouble(c.confidence()));
    } else if (r instanceof ShapeTags s) {
      List<ShapeTags.Tag> out = new ArrayList<>(s.tags().size());
      s.tags().forEach(t -> out.add(new ShapeTags.Tag(t.facet(), t.value(), t.channel(),
          f.applyAsDouble(t.confidence()))));
      return new ShapeTags(out);
    } else if (r instanceof NumericProperties p) {
      List<Numeric> out = new ArrayList<>(p.values().size());
      p.values().forEach(n -> out.add(numeric(n, f)));
      return new NumericProperties(out);
    } else if (r instanceof Numeric n) {
      return numeric(n, f);
    } else if (r instanceof Events e) {
      return new Events(events(e.events(), f));
    } else if (r instanceof Segments s) {
      List<Segments.Item> out = new ArrayList<>(s.segments().size());
      s.segments().forEach(i -> out.add(new Segments.Item(i.label(), i.start(), i.end(), i.channel(),
          f.applyAsDouble(i.confidence()))));
      return new Segments(out);
    } else if (r instanceof Alert a) {
      return new Alert(a.abnormal(), f.applyAsDouble(a.confidence()), events(a.events(), f));
    } else if (r instanceof Boxes b) {
      List<Boxes.Box> out = new ArrayList<>(b.boxes().size());
      b.boxes().forEach(x -> out.add(new Boxes.Box(x.label(), x.x1(), x.y1(), x.x2(), x.y2(),
          f.applyAsDouble(x.confidence()))));
      return new Boxes(out);
    } else if (r instanceof Embedding) {
      return r;
    }
    throw new IllegalArgumentException("no confidences known for readout " + r.kind());
  }

  /**
   * {@code r} without the items whose confidence is below {@code min}. Knows the readouts of
   * {@link Calibration#THRESHOLD_TASKS}: {@link Events} (its events; an empty list when none is
   * kept).
   *
   * @throws IllegalArgumentException for a readout whose items cannot be dropped one by one
   */
  static Readout dropBelow(Readout r, double min) {
    return dropBelow(r, item -> min);
  }

  /** {@link #dropBelow(Readout, double)} with each event's minimum given by {@code min}. */
  static Readout dropBelow(Readout r, java.util.function.ToDoubleFunction<Events.Item> min) {
    if (r instanceof Events e) {
      List<Events.Item> kept = new ArrayList<>(e.events().size());
      for (Events.Item i : e.events()) {
        if (i.confidence() >= min.applyAsDouble(i)) {
          kept.add(i);
        }
      }
      return kept.size() == e.events().size() ? e : new Events(kept);
    }
    throw new IllegalArgumentException("cannot drop items below a minimum confidence from a "
        + "readout of kind " + r.kind() + "; only from events");
  }

  private static Label label(Label l, DoubleUnaryOperator f) {
    return new Label(l.name(), f.applyAsDouble(l.confidence()));
  }

  private static Numeric numeric(Numeric n, DoubleUnaryOperator f) {
    return new Numeric(n.property(), n.value(), n.channel(), f.applyAsDouble(n.confidence()));
  }

  private static List<Events.Item> events(List<Events.Item> items, DoubleUnaryOperator f) {
    List<Events.Item> out = new ArrayList<>(items.size());
    items.forEach(i -> out.add(new Events.Item(i.type(), i.start(), i.end(), i.channel(),
        f.applyAsDouble(i.confidence()))));
    return out;
  }
}
