package io.florets.labelers.minirocket;

import io.florets.datasets.DenseDataset;
import io.florets.datasets.Window;
import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.ClassLabel;
import io.florets.datasets.target.TargetKind;
import io.florets.labelers.Labeler;
import io.florets.labelers.signal.WindowAnalysis;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code class.minirocket}: a specialist labeler of class labels. It is fitted on labelled
 * windows (the data engine's partial labels) and then gives every window of the same shape a
 * {@link ClassLabel} whose confidence is the softmax of the ridge scores of the winning class.
 *
 * <p>Not discovered through {@link java.util.ServiceLoader}: it has no meaning before it is fitted.
 * Pure and thread-safe after fitting. It abstains on windows whose channel count or length differs
 * from the training windows, and on windows with a missing or non-finite sample.
 */
public final class MiniRocketLabeler implements Labeler {

  /** The labeler's name, used as the annotation source. */
  public static final String NAME = "class.minirocket";

  private final MiniRocketClassifier classifier;
  private final String version;

  private MiniRocketLabeler(MiniRocketClassifier classifier) {
    this.classifier = classifier;
    MiniRocket t = classifier.transform();
    this.version = "1;seed=" + t.seed() + ";features=" + t.numFeatures();
  }

  /** Wraps an already fitted classifier. */
  public static MiniRocketLabeler of(MiniRocketClassifier classifier) {
    return new MiniRocketLabeler(Objects.requireNonNull(classifier, "classifier"));
  }

  /**
   * Fits on windows and their class labels.
   *
   * @param windows training windows, all of one shape, no missing samples
   * @param labels the class of each window; at least two distinct classes
   * @param config MiniRocket settings
   * @throws IllegalArgumentException for mismatched sizes, one class only, or ill-shaped windows
   */
  public static MiniRocketLabeler fit(List<Window> windows, List<String> labels, MiniRocketConfig config) {
    if (windows.size() != labels.size()) {
      throw new IllegalArgumentException("class.minirocket: " + windows.size() + " windows but "
          + labels.size() + " labels");
    }
    float[][][] x = new float[windows.size()][][];
    for (int i = 0; i < x.length; i++) {
      x[i] = windows.get(i).values();
    }
    return new MiniRocketLabeler(MiniRocketClassifier.fit(x, labels.toArray(new String[0]), config));
  }

  /**
   * Fits on the entries of a dense dataset that carry a class: the first {@link ClassLabel}
   * annotation of an entry, else its window's own class label; entries with neither are skipped.
   *
   * @throws IllegalArgumentException if fewer than two classes are labelled
   */
  public static MiniRocketLabeler fit(DenseDataset data, MiniRocketConfig config) {
    List<Window> windows = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (DenseDataset.Entry e : data.entries()) {
      Optional<String> label = classOf(e);
      if (label.isPresent()) {
        windows.add(e.window());
        labels.add(label.get());
      }
    }
    if (windows.isEmpty()) {
      throw new IllegalArgumentException("class.minirocket: none of the " + data.size()
          + " entries has a class label");
    }
    return fit(windows, labels, config);
  }

  private static Optional<String> classOf(DenseDataset.Entry e) {
    for (Annotation a : e.annotations()) {
      if (a.target() instanceof ClassLabel c) {
        return Optional.of(c.label());
      }
    }
    return e.window().classLabel();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String version() {
    return version;
  }

  @Override
  public Set<TargetKind> kinds() {
    return Set.of(TargetKind.CLASS_LABEL);
  }

  @Override
  public List<Annotation> label(WindowAnalysis analysis) {
    return label(analysis.window());
  }

  @Override
  public List<Annotation> label(Window window) {
    if (!accepts(window)) {
      return List.of();
    }
    float[][] series = new float[window.channels()][];
    for (int c = 0; c < series.length; c++) {
      series[c] = window.channelView(c);
    }
    return List.of(annotation(classifier.predict(series)));
  }

  /**
   * Labels many windows at once, transforming them in parallel; entry {@code i} is what
   * {@link #label(Window)} gives for window {@code i}.
   */
  public List<List<Annotation>> labelAll(List<Window> windows) {
    List<Integer> accepted = new ArrayList<>();
    for (int i = 0; i < windows.size(); i++) {
      if (accepts(windows.get(i))) {
        accepted.add(i);
      }
    }
    List<List<Annotation>> out = new ArrayList<>(windows.size());
    for (int i = 0; i < windows.size(); i++) {
      out.add(List.of());
    }
    if (accepted.isEmpty()) {
      return out;
    }
    float[][][] x = new float[accepted.size()][][];
    for (int j = 0; j < x.length; j++) {
      x[j] = windows.get(accepted.get(j)).values();
    }
    MiniRocketClassifier.Prediction[] p = classifier.predictWithConfidence(x);
    for (int j = 0; j < p.length; j++) {
      out.set(accepted.get(j), List.of(annotation(p[j])));
    }
    return out;
  }

  private Annotation annotation(MiniRocketClassifier.Prediction p) {
    return new Annotation(new ClassLabel(p.label()), NAME, version, p.confidence());
  }

  private boolean accepts(Window w) {
    MiniRocket t = classifier.transform();
    if (w.channels() != t.channels() || w.length() != t.length()) {
      return false;
    }
    for (int c = 0; c < w.channels(); c++) {
      for (float v : w.channelView(c)) {
        if (!Float.isFinite(v)) {
          return false;
        }
      }
    }
    return true;
  }

  /** The fitted classifier behind this labeler. */
  public MiniRocketClassifier classifier() {
    return classifier;
  }
}
