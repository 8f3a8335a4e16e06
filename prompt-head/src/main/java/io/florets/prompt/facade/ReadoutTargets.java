package io.florets.prompt.facade;

import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.Caption;
import io.florets.datasets.target.ClassLabel;
import io.florets.datasets.target.Event;
import io.florets.datasets.target.NumericProperty;
import io.florets.datasets.target.Segment;
import io.florets.datasets.target.ShapeTag;
import io.florets.prompt.readout.Alert;
import io.florets.prompt.readout.Events;
import io.florets.prompt.readout.Label;
import io.florets.prompt.readout.Numeric;
import io.florets.prompt.readout.Properties;
import io.florets.prompt.readout.Readout;
import io.florets.prompt.readout.Segments;
import io.florets.prompt.readout.ShapeTags;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns model readouts back into dense-target annotations, so that the model can act as one more
 * labeler (data engine) and be scored with the same scorecards as the labelers. Positions are
 * rounded to the nearest sample and clipped to the window; each annotation's confidence is the
 * item's. Stateless and thread-safe.
 */
public final class ReadoutTargets {
  private ReadoutTargets() {
  }

  /**
   * The annotations of a readout.
   *
   * @param r the readout ({@link io.florets.prompt.readout.Embedding} and boxes give none)
   * @param length window length in samples
   * @param detailedCaption whether a caption readout answered {@code <DETAILED_CAPTION>}
   * @param source annotation source name (e.g. {@code "model"})
   * @param version source version (e.g. the model's data hash prefix)
   */
  public static List<Annotation> annotations(Readout r, int length, boolean detailedCaption,
      String source, String version) {
    List<Annotation> out = new ArrayList<>();
    if (r instanceof ShapeTags s) {
      for (ShapeTags.Tag t : s.tags()) {
        out.add(new Annotation(new ShapeTag(t.facet(), t.value(), t.channel()), source, version,
            t.confidence()));
      }
    } else if (r instanceof Events e) {
      events(e.events(), length, source, version, out);
    } else if (r instanceof Alert a) {
      events(a.events(), length, source, version, out);
    } else if (r instanceof Properties p) {
      for (Numeric n : p.values()) {
        numeric(n, source, version, out);
      }
    } else if (r instanceof Numeric n) {
      numeric(n, source, version, out);
    } else if (r instanceof Segments s) {
      for (Segments.Item it : s.segments()) {
        int[] se = span(it.start(), it.end(), length);
        out.add(new Annotation(new Segment(se[0], se[1], it.label(), it.channel()), source,
            version, it.confidence()));
      }
    } else if (r instanceof Label l) {
      out.add(new Annotation(new ClassLabel(l.name()), source, version, l.confidence()));
    } else if (r instanceof io.florets.prompt.readout.Caption c) {
      if (!c.text().isBlank()) {
        out.add(new Annotation(new Caption(c.text(), detailedCaption), source, version,
            c.confidence()));
      }
    }
    return out;
  }

  private static void events(List<Events.Item> items, int length, String source, String version,
      List<Annotation> out) {
    for (Events.Item it : items) {
      int[] se = span(it.start(), it.end(), length);
      out.add(new Annotation(new Event(it.type(), se[0], se[1], it.channel()), source, version,
          it.confidence()));
    }
  }

  private static void numeric(Numeric n, String source, String version, List<Annotation> out) {
    if (Double.isFinite(n.value())) {
      out.add(new Annotation(new NumericProperty(n.property(), n.value(), n.channel()), source,
          version, n.confidence()));
    }
  }

  private static int[] span(double start, double end, int length) {
    int s = (int) Math.max(0, Math.min(length - 1, Math.round(start)));
    int e = (int) Math.max(s, Math.min(length - 1, Math.round(end)));
    return new int[] {s, e};
  }
}
