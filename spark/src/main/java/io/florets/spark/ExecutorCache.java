package io.florets.spark;

import io.florets.labelers.LabelerSuite;
import io.florets.labelers.Labelers;
import io.florets.labelers.caption.CaptionComposer;
import io.florets.labelers.consensus.Consensus;
import io.florets.prompt.facade.Florets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What an executor JVM builds once and shares between its tasks: labeler suites, fitted consensus
 * rules and {@link Florets} facades, each created lazily on first use. Facades stay open until the
 * JVM exits (closed by a shutdown hook). Thread-safe.
 */
final class ExecutorCache {
  private static final Map<List<String>, LabelerSuite> SUITES = new ConcurrentHashMap<>();
  private static final Map<Long, Consensus> CONSENSUS = new ConcurrentHashMap<>();
  private static final Map<String, Florets> FLORETS = new ConcurrentHashMap<>();
  private static final Map<Long, CaptionComposer> COMPOSERS = new ConcurrentHashMap<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> FLORETS.values().forEach(Florets::close),
        "florets-spark-close"));
  }

  private ExecutorCache() {
  }

  /** The suite of these labelers ({@code null} or empty: the default suite). */
  static LabelerSuite suite(List<String> names) {
    List<String> key = names == null ? List.of() : List.copyOf(names);
    return SUITES.computeIfAbsent(key, k -> k.isEmpty() ? LabelerSuite.defaults() : LabelerSuite.of(Labelers.byNames(k)));
  }

  /** The consensus shipped in broadcast {@code id}, rebuilt once per JVM. */
  static Consensus consensus(long id, Function<Long, Consensus> build) {
    return CONSENSUS.computeIfAbsent(id, build);
  }

  /** The caption composer of a seed. */
  static CaptionComposer composer(long seed) {
    return COMPOSERS.computeIfAbsent(seed, CaptionComposer::of);
  }

  /** The facade of a model, loaded once per JVM. */
  static Florets florets(String key, Function<String, Florets> load) {
    return FLORETS.computeIfAbsent(key, load);
  }
}
