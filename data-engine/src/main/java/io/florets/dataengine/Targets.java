package io.florets.dataengine;

import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.ClassLabel;
import io.florets.datasets.target.Event;
import io.florets.datasets.target.NumericProperty;
import io.florets.datasets.target.ShapeTag;
import io.florets.datasets.target.Target;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Target bookkeeping: human labels outrank machine labels; differences between rounds. */
final class Targets {
  private Targets() {
  }

  /** The human annotations of a window. */
  static List<Annotation> human(List<Annotation> anns) {
    List<Annotation> out = new ArrayList<>();
    for (Annotation a : anns) {
      if (Annotation.HUMAN.equals(a.source())) {
        out.add(a);
      }
    }
    return out;
  }

  /** Annotations of one source. */
  static List<Annotation> of(List<Annotation> anns, String source) {
    List<Annotation> out = new ArrayList<>();
    for (Annotation a : anns) {
      if (source.equals(a.source())) {
        out.add(a);
      }
    }
    return out;
  }

  /**
   * Human labels plus the machine targets that do not contradict them: a human class label, shape
   * tag (facet, channel) or numeric (property, channel) replaces the machine's; machine events of a
   * type that overlap a human event of that type are removed.
   */
  static List<Annotation> withHuman(List<Annotation> human, List<Annotation> machine) {
    List<Annotation> out = new ArrayList<>(human);
    for (Annotation a : machine) {
      if (!contradicted(a.target(), human)) {
        out.add(a);
      }
    }
    return out;
  }

  private static boolean contradicted(Target t, List<Annotation> human) {
    for (Annotation h : human) {
      Target g = h.target();
      if (t instanceof ClassLabel && g instanceof ClassLabel) {
        return true;
      }
      if (t instanceof ShapeTag a && g instanceof ShapeTag b && a.facet() == b.facet()
          && a.channel() == b.channel()) {
        return true;
      }
      if (t instanceof NumericProperty a && g instanceof NumericProperty b
          && a.property() == b.property() && a.channel() == b.channel()) {
        return true;
      }
      if (t instanceof Event a && g instanceof Event b && a.type() == b.type()
          && a.channel() == b.channel() && a.start() <= b.end() && b.start() <= a.end()) {
        return true;
      }
    }
    return false;
  }

  /** Targets added or removed between two rounds (numerics compared by property and channel only). */
  static int changed(List<Annotation> before, List<Annotation> after) {
    Set<String> a = keys(before);
    Set<String> b = keys(after);
    int n = 0;
    for (String k : a) {
      if (!b.contains(k)) {
        n++;
      }
    }
    for (String k : b) {
      if (!a.contains(k)) {
        n++;
      }
    }
    return n;
  }

  private static Set<String> keys(List<Annotation> as) {
    Set<String> out = new HashSet<>();
    for (Annotation x : as) {
      Target t = x.target();
      if (t instanceof NumericProperty p) {
        out.add("num:" + p.property() + "@" + p.channel());
      } else {
        out.add(t.toString());
      }
    }
    return out;
  }
}
