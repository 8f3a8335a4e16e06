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
 * O(n^2) matrix-profile discords, the streaming anomaly detector, and {@code shape.structural}
 * (better shape tags than the default suite's at four times its cost per window; see the labelers'
 * README).
 */
public final class Labelers {
  /** Names of discovered labelers that the default suite leaves out. */
  public static final Set<String> OFF_BY_DEFAULT = Set.of("discord.mp", "anomaly.stream", "shape.structural");

  /** In {@link #byNames}, this name stands for the whole default suite. */
  public static final String DEFAULT = "default";

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

  /**
   * The labelers with the given names, in the given order, each once; {@value #DEFAULT} stands for
   * the default suite (so {@code default,shape.structural} is the default suite plus one).
   *
   * @throws IllegalArgumentException naming an unknown labeler and the known ones
   */
  public static List<Labeler> byNames(List<String> names) {
    Map<String, Labeler> all = discover();
    List<Labeler> out = new ArrayList<>();
    for (String n : names) {
      if (DEFAULT.equals(n.trim())) {
        for (Labeler d : defaultSuite()) {
          if (out.stream().noneMatch(o -> o.name().equals(d.name()))) {
            out.add(d);
          }
        }
        continue;
      }
      Labeler l = all.get(n.trim());
      if (l == null) {
        throw new IllegalArgumentException("unknown labeler '" + n + "'; known: " + all.keySet()
            + ", or '" + DEFAULT + "' for the default suite");
      }
      if (out.stream().noneMatch(o -> o.name().equals(l.name()))) {
        out.add(l);
      }
    }
    return List.copyOf(out);
  }
}
