package io.florets.prompt.dataengine;

import io.florets.datasets.DenseDataset;
import io.florets.datasets.Window;
import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.ClassLabel;
import io.florets.engine.EngineConfig;
import io.florets.engine.series.SeriesFrontEndConfig;
import io.florets.labelers.Labeler;
import io.florets.labelers.minirocket.MiniRocketConfig;
import io.florets.labelers.minirocket.MiniRocketLabeler;
import io.florets.prompt.PromptHead;
import io.florets.prompt.facade.bundle.ModelBundle;
import io.florets.prompt.task.Task;
import io.florets.prompt.task.Tasks;
import io.florets.prompt.vocab.Vocabulary;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Adaptation of a model to a user's windows: the user's class labels are kept as human labels,
 * the class names are added to the vocabulary (appended; existing ids unchanged), a MiniRocket
 * specialist fitted on the labelled windows joins the labelers, and the data engine labels and
 * trains. The returned model answers {@code <CLASSIFY>} with the user's class names.
 */
public final class Adaptation {
  private Adaptation() {
  }

  /**
   * An adapted model and the run that made it.
   *
   * @param bundle the trained model (caller closes it)
   * @param result the data-engine run
   * @param classNames the class names, in vocabulary order
   */
  public record Adapted(ModelBundle bundle, DataEngineResult result, List<String> classNames) {
    /** Copies the list. */
    public Adapted {
      Objects.requireNonNull(bundle, "bundle");
      classNames = List.copyOf(classNames);
    }
  }

  /**
   * Adapts a fresh model of shape {@code engine} to labelled windows.
   *
   * @param windows the windows
   * @param labels per window its class name, or {@code null} where unlabelled
   * @param labelers the dense labelers (e.g. {@code Labelers.defaultSuite()})
   * @param engine engine shape
   * @param config data-engine settings; {@code <CLASSIFY>} is added to the model's tasks
   * @param listener progress
   * @throws IllegalArgumentException if sizes differ or fewer than two classes are labelled
   */
  public static Adapted adaptForClassification(List<Window> windows, List<String> labels,
      List<Labeler> labelers, EngineConfig engine, DataEngineConfig config,
      DataEngineListener listener) {
    if (windows.size() != labels.size()) {
      throw new IllegalArgumentException(windows.size() + " windows but " + labels.size()
          + " labels");
    }
    Set<String> names = new LinkedHashSet<>();
    List<Window> lw = new ArrayList<>();
    List<String> ll = new ArrayList<>();
    List<DenseDataset.Entry> es = new ArrayList<>();
    for (int i = 0; i < windows.size(); i++) {
      String l = labels.get(i);
      List<Annotation> a = new ArrayList<>();
      if (l != null) {
        names.add(l);
        lw.add(windows.get(i));
        ll.add(l);
        a.add(new Annotation(new ClassLabel(l), Annotation.HUMAN, "user", 1));
      }
      es.add(new DenseDataset.Entry(windows.get(i), a));
    }
    if (names.size() < 2) {
      throw new IllegalArgumentException("classification adaptation needs at least two labelled "
          + "classes, got " + names);
    }
    List<Labeler> all = new ArrayList<>(labelers);
    all.add(MiniRocketLabeler.fit(lw, ll, MiniRocketConfig.defaults(config.seed())));
    List<Task<?>> tasks = new ArrayList<>(config.modelTasks());
    if (!tasks.contains(Tasks.CLASSIFY)) {
      tasks.add(0, Tasks.CLASSIFY);
    }
    PromptHead head = PromptHead.of(Vocabulary.standard().withClassNames(names));
    ModelBundle b = ModelBundle.create(engine, SeriesFrontEndConfig.defaults(engine.dModel()), head,
        config.seed());
    try {
      DataEngineResult r = DataEngine.of(all, config.withModelTasks(tasks))
          .run(DenseDataset.of(es, Map.of("adaptation", "classification")), b.model(), head, listener);
      return new Adapted(b, r, List.copyOf(names));
    } catch (RuntimeException e) {
      b.close();
      throw e;
    }
  }

  /**
   * The model's {@code <CLASSIFY>} answer for each window ({@link Optional#empty()} where the
   * answer does not parse).
   */
  public static List<Optional<String>> classify(ModelBundle bundle, List<Window> windows, int batch) {
    ModelLabeler ml = ModelLabeler.of(bundle.model(), bundle.head(), List.of(Tasks.CLASSIFY),
        "classify", batch);
    List<Optional<String>> out = new ArrayList<>();
    for (List<Annotation> as : ml.labelAll(windows, null)) {
      Optional<String> c = Optional.empty();
      for (Annotation a : as) {
        if (a.target() instanceof ClassLabel l) {
          c = Optional.of(l.label());
          break;
        }
      }
      out.add(c);
    }
    return out;
  }
}
