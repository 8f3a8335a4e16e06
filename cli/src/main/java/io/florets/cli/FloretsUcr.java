package io.florets.cli;

import io.florets.datasets.Series;
import io.florets.datasets.Window;
import io.florets.dataengine.Adaptation;
import io.florets.dataengine.DataEngineConfig;
import io.florets.dataengine.DataEngineListener;
import io.florets.labelers.Labelers;
import io.florets.prompt.calibration.Reliability;
import io.florets.prompt.facade.Florets;
import io.florets.prompt.facade.bundle.BundleException;
import io.florets.prompt.facade.bundle.ModelBundle;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The {@code "florets"} figure of {@code florets eval ucr}: the adapted model's test accuracy. */
final class FloretsUcr {
  private FloretsUcr() {
  }

  /**
   * The {@code "florets"} figures: {@code <CLASSIFY>} test accuracy, the expected calibration error
   * of its confidences ({@link Reliability}, 10 bins; an answer that does not parse counts as wrong
   * at confidence 0) and the seconds spent adapting and answering.
   */
  record Figures(double accuracy, double ece, double seconds, boolean fresh,
      double trainAccuracy) {
  }

  /**
   * Adapts a copy of the shipped default model to the training split, as {@code florets train
   * --data ... --classes from-file} does (two data-engine rounds, {@code steps} steps first, half
   * as many after; whole series as windows; one PyTorch thread), and measures its {@code <CLASSIFY>}
   * answers on the test split.
   *
   * @param progress where the rounds' progress goes (stderr for the command)
   * @throws BundleException if the default model cannot be read
   */
  static Figures adapted(List<Series> train, List<Series> test, long steps, long seed,
      double learningRate, Adaptation.Options options, PrintWriter progress)
      throws BundleException {
    long t0 = System.nanoTime();
    Adapted a = adapt(train, steps, seed, learningRate, options, progress, "eval ucr");
    try (ModelBundle b = a.bundle()) {
      Figures f = of(b, test);
      double seconds = (System.nanoTime() - t0) / 1e9;
      return new Figures(f.accuracy(), f.ece(), seconds, a.fresh(), of(b, train).accuracy());
    }
  }

  /**
   * A copy of the default model adapted to a training split (the caller closes the bundle).
   *
   * @param bundle the adapted model folder
   * @param fresh whether a fresh model of the default model's shape was trained (multichannel sets)
   */
  record Adapted(ModelBundle bundle, boolean fresh) {
  }

  /**
   * Adapts a copy of the shipped default model to {@code train} as {@code florets train --data ...
   * --classes from-file} does (two data-engine rounds, {@code steps} steps first, half as many
   * after; whole series as windows; one PyTorch thread).
   *
   * @param learningRate peak learning rate
   * @param options the adaptation's options
   * @param command the command's name, for the progress lines
   * @throws BundleException if the default model cannot be read
   */
  static Adapted adapt(List<Series> train, long steps, long seed, double learningRate,
      Adaptation.Options options, PrintWriter progress, String command) throws BundleException {
    long t0 = System.nanoTime();
    List<Window> ws = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (Series s : train) {
      ws.add(Window.of(s.values()));
      labels.add(s.classLabel().orElse(null));
    }
    DataEngineConfig cfg = DataEngineConfig.defaults(2, seed)
        .withSteps(steps, Math.max(1, steps / 2), Math.max(1, steps / 2))
        .withOptimizer(DataTraining.DEFAULT_BATCH, learningRate).withThreads(1);
    io.florets.engine.GradMode.setIntraOpThreads(1);
    Adaptation.Adapted a;
    ModelBundle def = ModelBundle.loadResource(Florets.DEFAULT_MODEL, Florets.class.getClassLoader());
    boolean fresh = train.stream().anyMatch(s -> s.channels() > 1);
    if (fresh) {
      // the default model was trained on one channel: a multichannel set trains a fresh model of
      // its shape instead (as florets train --data ... --init none)
      try (ModelBundle d = def) {
        def = DataTraining.freshLike(d, seed);
      }
      progress.printf(Locale.ROOT, "%s: %d channels; the default model reads one, so a fresh "
          + "model of its shape is trained%n", command, train.get(0).channels());
    }
    try (ModelBundle init = def) {
      a = Adaptation.adaptForClassification(init, ws, labels, Labelers.defaultSuite(), cfg,
          listener(progress, t0, command), options);
    }
    return new Adapted(a.bundle(), fresh);
  }

  /** Round progress on {@code progress}, one line per phase and at its end. */
  private static DataEngineListener listener(PrintWriter progress, long t0, String command) {
    return new DataEngineListener() {
      private String phase = "";

      @Override
      public void progress(int round, String p, long done, long total) {
        String now = round + " " + p;
        if (!now.equals(phase) || done == total) {
          phase = now;
          progress.printf(Locale.ROOT, "%s: adapting, round %d %s %d/%d (%.0f s)%n",
              command, round, p, done, total, (System.nanoTime() - t0) / 1e9);
          progress.flush();
        }
      }
    };
  }

  /** The figures of a model folder on the test split ({@code seconds}: answering only). */
  static Figures of(ModelBundle b, List<Series> test) {
    long t0 = System.nanoTime();
    List<Window> tw = new ArrayList<>();
    for (Series s : test) {
      tw.add(Window.of(s.values()));
    }
    List<Adaptation.Scored> pred = Adaptation.classifyScored(b, tw, 32);
    double[] conf = new double[test.size()];
    boolean[] correct = new boolean[test.size()];
    int ok = 0;
    for (int i = 0; i < test.size(); i++) {
      conf[i] = pred.get(i).confidence();
      correct[i] = pred.get(i).label().isPresent()
          && pred.get(i).label().equals(test.get(i).classLabel());
      ok += correct[i] ? 1 : 0;
    }
    double acc = test.isEmpty() ? Double.NaN : (double) ok / test.size();
    double ece = test.isEmpty() ? Double.NaN : Reliability.of(conf, correct).ece();
    return new Figures(acc, ece, (System.nanoTime() - t0) / 1e9, false, Double.NaN);
  }
}
