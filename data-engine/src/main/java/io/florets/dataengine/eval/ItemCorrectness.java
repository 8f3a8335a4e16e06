package io.florets.dataengine.eval;

import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.ClassLabel;
import io.florets.datasets.target.Event;
import io.florets.datasets.target.NumericProperty;
import io.florets.datasets.target.ShapeTag;
import io.florets.labelers.consensus.EventMatching;
import io.florets.labelers.eval.Scorecard;
import io.florets.prompt.task.Task;
import io.florets.prompt.task.Tasks;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Whether each item of a model's answer is right, against exact truth, for the tasks whose items
 * can be right or wrong one by one. The model's items are its readout turned into annotations by
 * {@code ReadoutTargets.annotations} (sample positions, series units), as the evaluations score
 * them; each carries the item's confidence.
 *
 * <ul>
 *   <li>{@code EVENTS}: an event is right when it matches a true event within the tolerance
 *       ({@link EventMatching#matches}: same type and channel, start and end each within
 *       {@code tol} samples), one to one as {@link Scorecard} counts them (in the answer's order,
 *       each takes the closest true event not yet taken), so the share of right events is the
 *       precision;</li>
 *   <li>{@code SHAPE}: a tag is right when it equals the true tag of its facet and channel;</li>
 *   <li>{@code PROPERTIES}: a value is right when {@link Scorecard#score} against the true value of
 *       its property and channel is at least {@value #NUMERIC_THRESHOLD} (relative error at most
 *       10%; a true 0 only when matched exactly);</li>
 *   <li>{@code CLASSIFY}: the label is right when it equals the true class.</li>
 * </ul>
 *
 * <p>A tag, value or label whose facet, property or class has no truth is not scored (there is
 * nothing to be right about); an event with no true event to match is wrong. Other tasks (captions,
 * ...) are not scored. Stateless and thread-safe.
 */
public final class ItemCorrectness {
  /** The tasks whose items are scored, in the order the evaluations ask them. */
  public static final List<Task<?>> TASKS = List.of(Tasks.SHAPE, Tasks.EVENTS, Tasks.PROPERTIES,
      Tasks.CLASSIFY);
  /** Least {@link Scorecard#score} of a right numeric value. */
  public static final double NUMERIC_THRESHOLD = 0.9;

  private ItemCorrectness() {
  }

  /** True if the items of {@code task} are scored. */
  public static boolean scores(Task<?> task) {
    return TASKS.contains(task);
  }

  /**
   * Scores the items of one answer to {@code task} about one window and adds them to {@code into}.
   *
   * @param task the task that was answered (others add nothing)
   * @param predicted the answer's annotations (one per item, carrying its confidence)
   * @param truth the window's true annotations
   * @param tol event matching tolerance in samples
   * @param into where the (confidence, right) pairs go
   */
  public static void score(Task<?> task, List<Annotation> predicted, List<Annotation> truth, int tol,
      ConfidenceSample into) {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(into, "into");
    if (tol < 0) {
      throw new IllegalArgumentException("event tolerance must be >= 0 samples, got " + tol);
    }
    if (task == Tasks.EVENTS) {
      events(predicted, truth, tol, into);
      return;
    }
    if (!scores(task)) {
      return;
    }
    for (Annotation p : predicted) {
      Boolean right = null;
      if (task == Tasks.SHAPE && p.target() instanceof ShapeTag t) {
        right = shape(t, truth);
      } else if (task == Tasks.PROPERTIES && p.target() instanceof NumericProperty n) {
        right = numeric(n, truth);
      } else if (task == Tasks.CLASSIFY && p.target() instanceof ClassLabel l) {
        right = label(l, truth);
      }
      if (right != null) {
        into.add(p.confidence(), right);
      }
    }
  }

  /**
   * The number of true events in {@code truth} (every type and channel): the events that
   * {@code EVENTS} items are matched against, so the denominator of recall, and at least the number
   * of right items of any answer about this window.
   */
  public static int trueEvents(List<Annotation> truth) {
    return gold(truth).size();
  }

  private static List<Event> gold(List<Annotation> truth) {
    List<Event> gold = new ArrayList<>();
    for (Annotation a : truth) {
      if (a.target() instanceof Event e) {
        gold.add(e);
      }
    }
    return gold;
  }

  private static void events(List<Annotation> predicted, List<Annotation> truth, int tol,
      ConfidenceSample into) {
    List<Event> gold = gold(truth);
    boolean[] used = new boolean[gold.size()];
    for (Annotation a : predicted) {
      if (!(a.target() instanceof Event p)) {
        continue;
      }
      int best = -1;
      int bestDist = Integer.MAX_VALUE;
      for (int i = 0; i < gold.size(); i++) {
        Event g = gold.get(i);
        if (!used[i] && EventMatching.matches(p, g, tol)) {
          int d = Math.abs(p.start() - g.start()) + Math.abs(p.end() - g.end());
          if (d < bestDist) {
            bestDist = d;
            best = i;
          }
        }
      }
      if (best >= 0) {
        used[best] = true;
      }
      into.add(a.confidence(), best >= 0, p.type().token());
    }
  }

  private static Boolean shape(ShapeTag p, List<Annotation> truth) {
    for (Annotation a : truth) {
      if (a.target() instanceof ShapeTag g && g.facet() == p.facet() && g.channel() == p.channel()) {
        return g.value().equals(p.value());
      }
    }
    return null;
  }

  private static Boolean numeric(NumericProperty p, List<Annotation> truth) {
    for (Annotation a : truth) {
      if (a.target() instanceof NumericProperty g && g.property() == p.property()
          && g.channel() == p.channel()) {
        return Scorecard.score(p.value(), g.value()) >= NUMERIC_THRESHOLD;
      }
    }
    return null;
  }

  private static Boolean label(ClassLabel p, List<Annotation> truth) {
    for (Annotation a : truth) {
      if (a.target() instanceof ClassLabel g) {
        return g.label().equals(p.label());
      }
    }
    return null;
  }
}
