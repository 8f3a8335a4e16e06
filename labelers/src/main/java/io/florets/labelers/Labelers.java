package io.florets.labelers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Discovery of labelers through {@link ServiceLoader} and the default suite.
 *
 * <p>The default suite is every discovered labeler except those in {@link #OFF_BY_DEFAULT}: the
 * O(n^2) matrix-profile discords and the streaming anomaly detector, which answer other questions
 * (how unusual a subsequence is against the rest of a long series) at a cost per window that grows
 * with its length.
 */
public final class Labelers {
  /** Names of discovered labelers that the default suite leaves out. */
  public static final Set<String> OFF_BY_DEFAULT = Set.of("discord.mp", "anomaly.stream");

  /** In {@link #byNames}, this name stands for the whole default suite. */
  public static final String DEFAULT = "default";

  /**
   * In {@link #byNames}, this name stands for the default suite without {@code shape.structural}:
   * about three times the windows per second, with the shape tags and the seasonal amplitude and
   * noise estimates of the faster, separate analyses (see the labelers' README for both).
   */
  public static final String FAST = "fast";

  /** The labeler that {@value #FAST} leaves out of the default suite. */
  static final String SLOW = "shape.structural";

  private Labelers() {
  }

  /** Every labeler on the class path, by name, in discovery order (default configuration). */
  public static Map<String, Labeler> discover() {
    Map<String, Labeler> out = new LinkedHashMap<>();
    for (Labeler l : ServiceLoader.load(Labeler.class, Labelers.class.getClassLoader())) {
      Labeler prev = out.putIfAbsent(l.name(), l);
      if (prev != null && prev.getClass() != l.getClass()) {
        throw new IllegalStateException("two labelers named '" + l.name() + "': "
            + prev.getClass().getName() + " and " + l.getClass().getName());
      }
    }
    return Collections.unmodifiableMap(out);
  }

  /** The default suite: all discovered labelers but those {@link #OFF_BY_DEFAULT}. */
  public static List<Labeler> defaultSuite() {
    List<Labeler> out = new ArrayList<>();
    for (Labeler l : discover().values()) {
      if (!OFF_BY_DEFAULT.contains(l.name())) {
        out.add(l);
      }
    }
    return List.copyOf(out);
  }

  /** The default suite without {@code shape.structural} (what {@value #FAST} names). */
  public static List<Labeler> fastSuite() {
    List<Labeler> out = new ArrayList<>(defaultSuite());
    out.removeIf(l -> SLOW.equals(l.name()));
    return List.copyOf(out);
  }

  /**
   * The labelers with the given names, in the given order, each once; {@value #DEFAULT} stands for
   * the default suite (so {@code default,discord.mp} is the default suite plus one) and
   * {@value #FAST} for {@link #fastSuite()}.
   *
   * @throws IllegalArgumentException naming an unknown labeler and the known ones
   */
  public static List<Labeler> byNames(List<String> names) {
    Map<String, Labeler> all = discover();
    List<Labeler> out = new ArrayList<>();
    for (String n : names) {
      String name = n.trim();
      if (DEFAULT.equals(name) || FAST.equals(name)) {
        for (Labeler d : DEFAULT.equals(name) ? defaultSuite() : fastSuite()) {
          if (out.stream().noneMatch(o -> o.name().equals(d.name()))) {
            out.add(d);
          }
        }
        continue;
      }
      Labeler l = all.get(name);
      if (l == null) {
        throw new IllegalArgumentException("unknown labeler '" + n + "'; known: " + all.keySet()
            + ", or '" + DEFAULT + "' for the default suite, or '" + FAST
            + "' for the default suite without " + SLOW);
      }
      if (out.stream().noneMatch(o -> o.name().equals(l.name()))) {
        out.add(l);
      }
    }
    return List.copyOf(out);
  }
}
