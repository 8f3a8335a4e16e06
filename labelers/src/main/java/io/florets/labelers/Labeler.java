package io.florets.labelers;

import io.florets.datasets.Window;
import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.EventType;
import io.florets.datasets.target.Property;
import io.florets.datasets.target.ShapeFacet;
import io.florets.datasets.target.TargetKind;
import io.florets.labelers.signal.WindowAnalysis;
import java.util.List;
import java.util.Set;

/**
 * A labeler: a pure, thread-safe function from a window to annotations.
 *
 * <p>Contract (checked for every implementation by one contract test):
 * <ul>
 *   <li>pure and deterministic: the same window gives equal annotations, with no shared mutable
 *       state, so one instance can be called from many threads at once without locks;</li>
 *   <li>an empty list means <em>abstain</em>: the labeler has nothing it is willing to say;</li>
 *   <li>positions lie inside the window, confidences in [0, 1], channels name a channel of the
 *       window ({@link io.florets.datasets.target.Target#WHOLE_WINDOW} for univariate windows);</li>
 *   <li>windows that are all missing, constant, or very short never throw: the labeler abstains.</li>
 * </ul>
 *
 * <p>Implementations are discovered with {@link java.util.ServiceLoader} (a public no-argument
 * constructor uses the documented default configuration) and configured through a {@code Config}
 * record passed to their other constructor.
 */
public interface Labeler {

  /** A stable, dotted name, e.g. {@code "spike.hampel"}; used as the annotation source. */
  String name();

  /** The version of the algorithm and its configuration; used as the annotation source version. */
  String version();

  /** The kinds of target this labeler can produce. */
  Set<TargetKind> kinds();

  /** The event types this labeler can produce (empty if it produces no events). */
  default Set<EventType> eventTypes() {
    return Set.of();
  }

  /** The shape facets this labeler can tag (empty if it produces no shape tags). */
  default Set<ShapeFacet> facets() {
    return Set.of();
  }

  /** The numeric properties this labeler can measure (empty if it produces none). */
  default Set<Property> properties() {
    return Set.of();
  }

  /**
   * Labels a window through a shared, per-window analysis (the FFT, ACF, robust scale and
   * decomposition are computed once per channel and reused by every labeler of a suite).
   *
   * @param analysis the analysis of one window; thread-confined, never {@code null}
   * @return the annotations, empty to abstain; never {@code null}
   */
  List<Annotation> label(WindowAnalysis analysis);

  /** Labels one window on its own (builds a fresh {@link WindowAnalysis}). */
  default List<Annotation> label(Window window) {
    return label(WindowAnalysis.of(window));
  }
}
