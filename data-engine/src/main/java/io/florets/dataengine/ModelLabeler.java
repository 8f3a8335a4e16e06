package io.florets.dataengine;

import io.florets.datasets.Window;
import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.EventType;
import io.florets.datasets.target.Property;
import io.florets.datasets.target.ShapeFacet;
import io.florets.datasets.target.TargetKind;
import io.florets.engine.EngineModel;
import io.florets.labelers.Labeler;
import io.florets.labelers.signal.WindowAnalysis;
import io.florets.prompt.PromptHead;
import io.florets.prompt.facade.SeriesDecoding;
import io.florets.prompt.readout.Readout;
import io.florets.prompt.serial.ReadoutTargets;
import io.florets.prompt.task.Prompt;
import io.florets.prompt.task.Task;
import io.florets.prompt.task.Tasks;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The multitask model seen as one more labeler: it answers the dense-target tasks
 * ({@code <EVENTS>}, {@code <SHAPE>}, optionally {@code <PROPERTIES>} and {@code <CLASSIFY>}) under
 * constrained decoding and turns the readouts into annotations of source {@link #SOURCE}, each
 * with the decoder's confidence. Batch use goes through {@link #labelAll}. Not thread-safe (the
 * model it wraps is shared with the trainer).
 */
public final class ModelLabeler implements Labeler {
  /** Annotation source of the model's labels. */
  public static final String SOURCE = "model";

  private final EngineModel<Window> model;
  private final PromptHead head;
  private final List<Task<?>> tasks;
  private final String version;
  private final int batch;

  private ModelLabeler(EngineModel<Window> model, PromptHead head, List<Task<?>> tasks,
      String version, int batch) {
    this.model = model;
    this.head = head;
    this.tasks = List.copyOf(tasks);
    this.version = version;
    this.batch = batch;
  }

  /**
   * A model labeler.
   *
   * @param model the trained model
   * @param head its output contract
   * @param tasks the decoded tasks whose readouts become annotations
   * @param version source version (e.g. the round)
   * @param batch windows decoded together (&ge; 1)
   */
  public static ModelLabeler of(EngineModel<Window> model, PromptHead head, List<Task<?>> tasks,
      String version, int batch) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(head, "head");
    if (batch < 1) {
      throw new IllegalArgumentException("decode batch must be >= 1, got " + batch);
    }
    for (Task<?> t : tasks) {
      if (!t.decoded()) {
        throw new IllegalArgumentException("task " + t.name() + " is not decoded as tokens");
      }
    }
    return new ModelLabeler(model, head, tasks, version, batch);
  }

  @Override
  public String name() {
    return SOURCE;
  }

  @Override
  public String version() {
    return version;
  }

  @Override
  public Set<TargetKind> kinds() {
    return EnumSet.allOf(TargetKind.class);
  }

  @Override
  public Set<EventType> eventTypes() {
    return tasks.contains(Tasks.EVENTS) ? EnumSet.allOf(EventType.class) : Set.of();
  }

  @Override
  public Set<ShapeFacet> facets() {
    return tasks.contains(Tasks.SHAPE) ? EnumSet.allOf(ShapeFacet.class) : Set.of();
  }

  @Override
  public Set<Property> properties() {
    return tasks.contains(Tasks.PROPERTIES) ? EnumSet.allOf(Property.class) : Set.of();
  }

  @Override
  public List<Annotation> label(WindowAnalysis analysis) {
    return labelAll(List.of(analysis.window()), null).get(0);
  }

  /**
   * Labels many windows, decoding each task in batches.
   *
   * @param windows the windows
   * @param progress called with the number of windows done of one task pass (may be {@code null})
   * @return per window, the model's annotations
   */
  public List<List<Annotation>> labelAll(List<Window> windows, java.util.function.IntConsumer progress) {
    List<List<Annotation>> out = new ArrayList<>(windows.size());
    for (int i = 0; i < windows.size(); i++) {
      out.add(new ArrayList<>());
    }
    for (Task<?> t : tasks) {
      Prompt<?> p = t.prompt();
      for (int from = 0; from < windows.size(); from += batch) {
        List<Window> part = windows.subList(from, Math.min(windows.size(), from + batch));
        List<? extends Readout> rs = SeriesDecoding.decode(model, head, part, p, true, 0);
        for (int i = 0; i < part.size(); i++) {
          if (rs.get(i) == null) {
            continue;
          }
          out.get(from + i).addAll(ReadoutTargets.annotations(p, rs.get(i), part.get(i).length(),
              SOURCE, version));
        }
        if (progress != null) {
          progress.accept(from + part.size());
        }
      }
    }
    return out;
  }
}
