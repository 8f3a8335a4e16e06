package io.florets.prompt.serial;

import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.CaptionText;
import io.florets.datasets.target.ClassLabel;
import io.florets.datasets.target.Event;
import io.florets.datasets.target.NumericProperty;
import io.florets.datasets.target.Segment;
import io.florets.datasets.target.ShapeTag;
import io.florets.prompt.readout.Alert;
import io.florets.prompt.readout.Events;
import io.florets.prompt.readout.Label;
import io.florets.prompt.readout.Numeric;
import io.florets.prompt.readout.NumericProperties;
import io.florets.prompt.readout.Readout;
import io.florets.prompt.readout.Segments;
import io.florets.prompt.readout.ShapeTags;
import io.florets.prompt.task.Prompt;
import io.florets.prompt.task.Tasks;
import io.florets.prompt.vocab.Quantizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a series readout back into dense-target annotations, so that a model can act as one more
 * labeler in the data engine and be scored with the same scorecards as the labelers. This is the
 * only way back from readouts to targets: the data engine's model labeler, the evaluations and the
 * command line all use it. Positions become the sample index nearest each bin centre
 * ({@link Quantizer#sampleIndex}, ties down; exact for windows of up to 1000 samples, within
 * {@code L/2000 + 0.5} samples beyond); each annotation carries its item's confidence. Readouts
 * without a target form ({@code <REGION_TO_DESCRIPTION>} captions, embeddings, image boxes), blank
 * captions and non-finite numbers give no annotations. Stateless and thread-safe.
 */
public final class ReadoutTargets {
  private ReadoutTargets() {
  }

  /**
   * The annotations a readout states about a window.
   *
   * @param prompt the prompt that was answered
   * @param readout its readout
   * @param length window length in samples
   * @param source the annotation source name (e.g. {@code "model"})
   * @param version the source version (e.g. a checkpoint hash)
   */
  public static List<Annotation> annotations(Prompt<?> prompt, Readout readout, int length, String source,
      String version) {
    List<Annotation> out = new ArrayList<>();
    if (readout instanceof Label l && prompt.task() == Tasks.CLASSIFY) {
      out.add(new Annotation(new ClassLabel(l.name()), source, version, l.confidence()));
    } else if (readout instanceof io.florets.prompt.readout.Caption c && !c.text().isBlank()
        && (prompt.task() == Tasks.CAPTION || prompt.task() == Tasks.DETAILED_CAPTION)) {
      out.add(new Annotation(new CaptionText(c.text(), prompt.task() == Tasks.DETAILED_CAPTION), source, version,
          c.confidence()));
    } else if (readout instanceof ShapeTags s) {
      for (ShapeTags.Tag t : s.tags()) {
        out.add(new Annotation(new ShapeTag(t.facet(), t.value(), t.channel()), source, version, t.confidence()));
      }
    } else if (readout instanceof NumericProperties p) {
      p.values().forEach(n -> numeric(n, source, version, out));
    } else if (readout instanceof Numeric n) {
      numeric(n, source, version, out);
    } else if (readout instanceof Events e) {
      e.events().forEach(i -> out.add(event(i, length, source, version)));
    } else if (readout instanceof Alert a) {
      a.events().forEach(i -> out.add(event(i, length, source, version)));
    } else if (readout instanceof Segments s) {
      for (Segments.Item i : s.segments()) {
        int[] span = span(i.start(), i.end(), length);
        out.add(new Annotation(new Segment(span[0], span[1], i.label(), i.channel()), source, version,
            i.confidence()));
      }
    }
    return out;
  }

  private static void numeric(Numeric n, String source, String version, List<Annotation> out) {
    if (Double.isFinite(n.value())) {
      out.add(new Annotation(new NumericProperty(n.property(), n.value(), n.channel()), source, version,
          n.confidence()));
    }
  }

  private static Annotation event(Events.Item i, int length, String source, String version) {
    int[] span = span(i.start(), i.end(), length);
    return new Annotation(new Event(i.type(), span[0], span[1], i.channel()), source, version, i.confidence());
  }

  private static int[] span(double start, double end, int length) {
    int a = Quantizer.sampleIndex(start, length);
    int b = Quantizer.sampleIndex(end, length);
    return new int[] {a, Math.max(a, b)};
  }
}
