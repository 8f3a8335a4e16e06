package io.florets.prompt.serial;

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
import io.florets.prompt.vocab.StandardWords;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** A generated window: its length and dense targets (unique keys, positions inside the window). */
record SeriesCase(int length, List<Target> targets) {
  static final List<String> CLASSES = List.of("walking", "Normal beat", "1", "circle");

  /** Arbitrary windows of length 8..100000 with up to a few dozen targets; reproducible from jqwik's seed. */
  static Arbitrary<SeriesCase> arbitrary() {
    return Arbitraries.integers().between(8, 100_000)
        .flatMap(len -> Arbitraries.longs().map(seed -> generate(len, new Random(seed))));
  }

  static SeriesCase generate(int length, Random r) {
    List<Target> ts = new ArrayList<>();
    int channels = r.nextInt(4) == 0 ? 6 : 0;
    if (r.nextBoolean()) {
      ts.add(new ClassLabel(CLASSES.get(r.nextInt(CLASSES.size()))));
    }
    if (r.nextBoolean()) {
      ts.add(new CaptionText(words(r, 1 + r.nextInt(14)), false));
    }
    if (r.nextBoolean()) {
      ts.add(new CaptionText(words(r, 1 + r.nextInt(30)), true));
    }
    for (int c = -1; c < channels; c++) {
      for (ShapeFacet f : ShapeFacet.values()) {
        if (r.nextInt(3) > 0) {
          ts.add(new ShapeTag(f, f.allowed().get(r.nextInt(f.allowed().size())), c));
        }
      }
    }
    for (int c = -1; c < channels; c++) {
      for (Property p : Property.values()) {
        if (r.nextInt(4) == 0) {
          ts.add(new NumericProperty(p, value(r), c));
        }
      }
    }
    int events = r.nextInt(3) == 0 ? 0 : r.nextInt(12);
    for (int i = 0; i < events; i++) {
      int a = r.nextInt(length);
      int b = Math.min(length - 1, a + r.nextInt(Math.max(1, length / 10)));
      ts.add(new Event(EventType.values()[r.nextInt(EventType.values().length)], a, b, channel(r, channels)));
    }
    int segs = r.nextInt(5);
    int start = 0;
    for (int i = 0; i < segs && start < length; i++) {
      int end = i == segs - 1 ? length - 1 : Math.min(length - 1, start + r.nextInt(length));
      ts.add(new Segment(start, end, SegmentLabel.values()[r.nextInt(SegmentLabel.values().length)], channel(r, channels)));
      start = end + 1;
    }
    return new SeriesCase(length, ts);
  }

  private static int channel(Random r, int channels) {
    return channels == 0 || r.nextBoolean() ? -1 : r.nextInt(channels);
  }

  static double value(Random r) {
    switch (r.nextInt(6)) {
      case 0:
        return 0.0;
      case 1:
        return r.nextGaussian();
      default:
        double m = Math.pow(10, -12 + 24 * r.nextDouble());
        return r.nextBoolean() ? m : -m;
    }
  }

  static String words(Random r, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      int k = r.nextInt(10);
      String w = k < 6 ? StandardWords.CAPTION_BASE.get(r.nextInt(StandardWords.CAPTION_BASE.size()))
          : k == 6 ? String.valueOf(r.nextInt(5000))
          : k == 7 ? (r.nextBoolean() ? "," : ".")
          : k == 8 ? "spike_up"
          : "w" + Integer.toString(r.nextInt(1 << 20), 36);
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w);
    }
    return sb.toString();
  }
}
