package io.florets.prompt.facade;

import io.florets.prompt.readout.Alert;
import io.florets.prompt.readout.Caption;
import io.florets.prompt.readout.Embedding;
import io.florets.prompt.readout.Events;
import io.florets.prompt.readout.Label;
import io.florets.prompt.readout.Numeric;
import io.florets.prompt.readout.NumericProperties;
import io.florets.prompt.readout.Readout;
import io.florets.prompt.readout.Segments;
import io.florets.prompt.readout.ShapeTags;
import java.util.Locale;

/** Short human-readable renderings of time-series readouts (for command-line output and reports). */
public final class ReadoutText {
  private ReadoutText() {
  }

  /** One line (or a few) describing the readout, with confidences. */
  public static String describe(Readout r) {
    StringBuilder s = new StringBuilder();
    if (r instanceof Label l) {
      s.append(String.format(Locale.ROOT, "%s (%.2f)", l.name(), l.confidence()));
    } else if (r instanceof Caption c) {
      s.append(String.format(Locale.ROOT, "\"%s\" (%.2f)", c.text(), c.confidence()));
    } else if (r instanceof ShapeTags t) {
      for (ShapeTags.Tag x : t.tags()) {
        s.append(String.format(Locale.ROOT, "%s=%s%s (%.2f)  ", x.facet().token(), x.value(),
            ch(x.channel()), x.confidence()));
      }
    } else if (r instanceof NumericProperties p) {
      for (Numeric n : p.values()) {
        s.append(numeric(n)).append("  ");
      }
    } else if (r instanceof Numeric n) {
      s.append(numeric(n));
    } else if (r instanceof Events e) {
      s.append(e.events().isEmpty() ? "no events" : "");
      for (Events.Item x : e.events()) {
        s.append(String.format(Locale.ROOT, "%s%s [%.0f..%.0f] (%.2f)  ", x.type().token(),
            ch(x.channel()), x.start(), x.end(), x.confidence()));
      }
    } else if (r instanceof Segments g) {
      for (Segments.Item x : g.segments()) {
        s.append(String.format(Locale.ROOT, "%s%s [%.0f..%.0f] (%.2f)  ", x.label().token(),
            ch(x.channel()), x.start(), x.end(), x.confidence()));
      }
    } else if (r instanceof Alert a) {
      s.append(String.format(Locale.ROOT, "%s (%.2f)", a.abnormal() ? "ABNORMAL" : "normal",
          a.confidence()));
      for (Events.Item x : a.events()) {
        s.append(String.format(Locale.ROOT, "  %s [%.0f..%.0f]", x.type().token(), x.start(),
            x.end()));
      }
    } else if (r instanceof Embedding e) {
      s.append("embedding of ").append(e.dimension()).append(" dimensions");
    } else {
      s.append(r);
    }
    return s.toString().trim();
  }

  private static String numeric(Numeric n) {
    return String.format(Locale.ROOT, "%s%s=%.4g (%.2f)", n.property().token(), ch(n.channel()),
        n.value(), n.confidence());
  }

  private static String ch(int c) {
    return c < 0 ? "" : "@ch" + c;
  }
}
