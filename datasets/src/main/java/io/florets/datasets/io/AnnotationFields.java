package io.florets.datasets.io;

import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.CaptionText;
import io.florets.datasets.target.ClassLabel;
import io.florets.datasets.target.Event;
import io.florets.datasets.target.NumericProperty;
import io.florets.datasets.target.Segment;
import io.florets.datasets.target.ShapeTag;
import io.florets.datasets.target.Target;
import java.util.List;

/**
 * An {@link Annotation} as the columns of the dense-dataset layout 2 (the Arrow file's annotation
 * struct, the Spark module's annotation rows; {@code docs/arrow-schema.md}): one field per meaning,
 * {@code null} where a field does not apply to the annotation's kind. {@link #of} and
 * {@link #toAnnotation} invert each other exactly.
 *
 * @param kind {@code class_label}, {@code numeric}, {@code shape_tag}, {@code event},
 *     {@code segment} or {@code caption}
 * @param channel the channel, {@code null} for the whole window
 * @param classLabel kind class_label: the class
 * @param property kind numeric: the property's name
 * @param value kind numeric: its value
 * @param unit kind numeric: the value's unit
 * @param facet kind shape_tag: the facet
 * @param tag kind shape_tag: the facet's value
 * @param eventType kind event: the event type
 * @param segmentLabel kind segment: the label
 * @param start kinds event and segment: first sample in the window
 * @param end kinds event and segment: last sample (inclusive)
 * @param caption kind caption: the text
 * @param detailed kind caption: detailed (true) or short
 * @param source who said it
 * @param sourceVersion the source's version
 * @param confidence 0 to 1
 */
public record AnnotationFields(String kind, Integer channel, String classLabel, String property,
    Double value, String unit, String facet, String tag, String eventType, String segmentLabel,
    Integer start, Integer end, String caption, Boolean detailed, String source,
    String sourceVersion, double confidence) {

  /** The column names, in the order of the record's components. */
  public static final List<String> NAMES = List.of("kind", "channel", "class_label", "property",
      "value", "unit", "facet", "tag", "event_type", "segment_label", "start", "end", "caption",
      "detailed", "source", "source_version", "confidence");

  /** The fields of {@code a}. */
  public static AnnotationFields of(Annotation a) {
    Target t = a.target();
    String kind = TargetFields.kindKey(t.kind());
    Integer channel = t.channel() == Target.WHOLE_WINDOW ? null : t.channel();
    String cls = null;
    String property = null;
    Double value = null;
    String unit = null;
    String facet = null;
    String tag = null;
    String eventType = null;
    String segmentLabel = null;
    Integer start = null;
    Integer end = null;
    String caption = null;
    Boolean detailed = null;
    if (t instanceof ClassLabel c) {
      cls = c.label();
    } else if (t instanceof NumericProperty p) {
      property = p.property().token();
      value = p.value();
      unit = p.property().unit();
    } else if (t instanceof ShapeTag s) {
      facet = s.facet().token();
      tag = s.value();
    } else if (t instanceof Event e) {
      eventType = e.type().token();
      start = e.start();
      end = e.end();
    } else if (t instanceof Segment s) {
      segmentLabel = s.label().token();
      start = s.start();
      end = s.end();
    } else {
      CaptionText c = (CaptionText) t;
      caption = c.text();
      detailed = c.detailed();
    }
    return new AnnotationFields(kind, channel, cls, property, value, unit, facet, tag, eventType,
        segmentLabel, start, end, caption, detailed, a.source(), a.sourceVersion(), a.confidence());
  }

  /** The values in {@link #NAMES} order ({@code null} where a field does not apply). */
  public Object[] values() {
    return new Object[] {kind, channel, classLabel, property, value, unit, facet, tag, eventType,
        segmentLabel, start, end, caption, detailed, source, sourceVersion, confidence};
  }

  /**
   * The annotation these fields describe.
   *
   * @throws IllegalArgumentException if the kind is unknown, a field its kind needs is null, a
   *     token is unknown, or the target's own validation fails
   */
  public Annotation toAnnotation() {
    if (kind == null || source == null || sourceVersion == null) {
      throw new IllegalArgumentException("an annotation needs kind, source and source_version; got "
          + kind + ", " + source + ", " + sourceVersion);
    }
    int ch = channel == null ? Target.WHOLE_WINDOW : channel;
    TargetFields f = switch (kind) {
      case "class_label" -> new TargetFields(kind, need(classLabel, "class_label"), "", 0, 0, 0, ch, false);
      case "numeric" -> new TargetFields(kind, need(property, "property"), "", need(value, "value"),
          0, 0, ch, false);
      case "shape_tag" -> new TargetFields(kind, need(facet, "facet"), need(tag, "tag"), 0, 0, 0, ch,
          false);
      case "event" -> new TargetFields(kind, need(eventType, "event_type"), "", 0, need(start, "start"),
          need(end, "end"), ch, false);
      case "segment" -> new TargetFields(kind, need(segmentLabel, "segment_label"), "", 0,
          need(start, "start"), need(end, "end"), ch, false);
      case "caption" -> new TargetFields(kind, "", need(caption, "caption"), 0, 0, 0, ch,
          need(detailed, "detailed"));
      default -> throw new IllegalArgumentException("unknown target kind '" + kind + "'");
    };
    return new Annotation(f.toTarget(), source, sourceVersion, confidence);
  }

  private <T> T need(T v, String field) {
    if (v == null) {
      throw new IllegalArgumentException(kind + " annotation has a null '" + field + "'");
    }
    return v;
  }
}
