package io.florets.labelers;

import io.florets.datasets.Window;
import io.florets.datasets.target.Annotation;
import io.florets.labelers.signal.SignalConfig;
import io.florets.labelers.signal.WindowAnalysis;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Several labelers run over one window with one shared {@link WindowAnalysis}, so the FFT, ACF,
 * robust scale and decomposition are computed once per window. Immutable and thread-safe (each
 * call builds its own analysis).
 */
public final class LabelerSuite {
  private final List<Labeler> labelers;
  private final SignalConfig signalConfig;

  private LabelerSuite(List<Labeler> labelers, SignalConfig signalConfig) {
    if (labelers.isEmpty()) {
      throw new IllegalArgumentException("a labeler suite needs at least one labeler");
    }
    this.labelers = List.copyOf(labelers);
    this.signalConfig = Objects.requireNonNull(signalConfig, "signalConfig");
  }

  /** A suite of the given labelers with the default shared-analysis settings. */
  public static LabelerSuite of(List<Labeler> labelers) {
    return new LabelerSuite(labelers, SignalConfig.DEFAULTS);
  }

  /** A suite with explicit shared-analysis settings. */
  public static LabelerSuite of(List<Labeler> labelers, SignalConfig signalConfig) {
    return new LabelerSuite(labelers, signalConfig);
  }

  /** {@link Labelers#defaultSuite()} as a suite. */
  public static LabelerSuite defaults() {
    return of(Labelers.defaultSuite());
  }

  public List<Labeler> labelers() {
    return labelers;
  }

  /** The names of the labelers, in order. */
  public List<String> names() {
    List<String> out = new ArrayList<>(labelers.size());
    for (Labeler l : labelers) {
      out.add(l.name());
    }
    return out;
  }

  /** All annotations of all labelers for one window (in labeler order). */
  public List<Annotation> label(Window window) {
    WindowAnalysis a = WindowAnalysis.of(window, signalConfig);
    List<Annotation> out = new ArrayList<>();
    for (Labeler l : labelers) {
      out.addAll(l.label(a));
    }
    return out;
  }
}
