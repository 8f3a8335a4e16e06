package io.florets.datasets.io;

import io.florets.datasets.target.CaptionText;
import io.florets.datasets.target.ClassLabel;
import io.florets.datasets.target.Event;
import io.florets.datasets.target.EventType;
import io.florets.datasets.target.NumericProperty;
import io.florets.datasets.target.Property;
import io.florets.datasets.target.Segment;
import io.florets.datasets.target.SegmentLabel;
import io.florets.datasets.target.ShapeFacet;
import io.florets.datasets.target.ShapeTag;
import io.florets.datasets.target.Target;
import io.florets.datasets.target.TargetKind;
import java.util.Locale;
import java.util.Objects;

/**
 * A {@link Target} flattened into one fixed set of fields, the layout used by the Arrow and JSON
 * Lines files. Which fields matter depends on the kind:
 *
 * <table>
 *   <caption>fields per kind</caption>
 *   <tr><th>kind</th><th>name</th><th>text</th><th>value</th><th>start, end</th><th>flag</th></tr>
 *   <tr><td>class_label</td><td>label</td><td></td><td></td><td></td><td></td></tr>
 *   <tr><td>numeric</td><td>property token</td><td></td><td>value</td><td></td><td></td></tr>
 *   <tr><td>shape_tag</td><td>facet token</td><td>facet value</td><td></td><td></td><td></td></tr>
 *   <tr><td>event</td><td>event type token</td><td></td><td></td><td>positions</td><td></td></tr>
 *   <tr><td>segment</td><td>segment label token</td><td></td><td></td><td>positions</td><td></td></tr>
 *   <tr><td>caption</td><td></td><td>text</td><td></td><td></td><td>detailed</td></tr>
 * </table>
 *
 * Unused text fields are {@code ""}, unused numbers 0, unused flags false; {@code channel} is
 * always the target's channel. {@link #toTarget()} inverts {@link #of(Target)} exactly.
 *
 * @param kind lower-case kind, e.g. {@code "event"}
 * @param name the kind's name field
 * @param text the kind's text field
 * @param value the numeric value
 * @param start first position
 * @param end last position
 * @param channel channel index or {@link Target#WHOLE_WINDOW}
 * @param flag the caption's detailed flag
 */
public record TargetFields(String kind, String name, String text, double value, int start, int end,
    int channel, boolean flag) {

  public TargetFields {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(text, "text");
  }

  /** The fields of {@code t}. */
  public static TargetFields of(Target t) {
    String kind = kindKey(t.kind());
    if (t instanceof ClassLabel c) {
      return new TargetFields(kind, c.label(), "", 0, 0, 0, t.channel(), false);
    }
    if (t instanceof NumericProperty p) {
      return new TargetFields(kind, p.property().token(), "", p.value(), 0, 0, t.channel(), false);
    }
    if (t instanceof ShapeTag s) {
      return new TargetFields(kind, s.facet().token(), s.value(), 0, 0, 0, t.channel(), false);
    }
    if (t instanceof Event e) {
      return new TargetFields(kind, e.type().token(), "", 0, e.start(), e.end(), t.channel(), false);
    }
    if (t instanceof Segment s) {
      return new TargetFields(kind, s.label().token(), "", 0, s.start(), s.end(), t.channel(), false);
    }
    CaptionText c = (CaptionText) t;
    return new TargetFields(kind, "", c.text(), 0, 0, 0, t.channel(), c.detailed());
  }

  /** The lower-case key of a kind, e.g. {@code "shape_tag"}. */
  public static String kindKey(TargetKind k) {
    return k.name().toLowerCase(Locale.ROOT);
  }

  /**
   * The target these fields describe.
   *
   * @throws IllegalArgumentException if the kind or a token is unknown, or the target's own
   *     validation fails
   */
  public Target toTarget() {
    TargetKind k;
    try {
      k = TargetKind.valueOf(kind.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown target kind '" + kind + "'");
    }
    if ((k == TargetKind.CLASS_LABEL || k == TargetKind.CAPTION) && channel != Target.WHOLE_WINDOW) {
      throw new IllegalArgumentException(kind + " refers to the whole window; found channel " + channel);
    }
    switch (k) {
      case CLASS_LABEL:
        return new ClassLabel(name);
      case NUMERIC:
        return new NumericProperty(token(Property.fromToken(name), "property"), value, channel);
      case SHAPE_TAG:
        return new ShapeTag(token(ShapeFacet.fromToken(name), "shape facet"), text, channel);
      case EVENT:
        return new Event(token(EventType.fromToken(name), "event type"), start, end, channel);
      case SEGMENT:
        return new Segment(start, end, token(SegmentLabel.fromToken(name), "segment label"), channel);
      default:
        return new CaptionText(text, flag);
    }
  }

  private <T> T token(java.util.Optional<T> t, String what) {
    return t.orElseThrow(() -> new IllegalArgumentException("unknown " + what + " '" + name + "'"));
  }
}
