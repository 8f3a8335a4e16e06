package io.florets.dataengine.train;

import io.florets.datasets.DenseDataset;
import io.florets.datasets.Window;
import io.florets.datasets.synthetic.ClassAttribute;
import io.florets.datasets.synthetic.SyntheticConfig;
import io.florets.datasets.synthetic.SyntheticGenerator;
import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.CaptionText;
import io.florets.datasets.target.ClassLabel;
import io.florets.datasets.target.Event;
import io.florets.datasets.target.NumericProperty;
import io.florets.datasets.target.Segment;
import io.florets.datasets.target.ShapeTag;
import io.florets.datasets.target.Target;
import io.florets.engine.EngineConfig;
import io.florets.engine.GradMode;
import io.florets.engine.OutputMapping;
import io.florets.prompt.PromptHead;
import io.florets.prompt.facade.Florets;
import io.florets.prompt.facade.NumericScaling;
import io.florets.prompt.facade.bundle.ModelBundle;
import io.florets.prompt.readout.Caption;
import io.florets.prompt.readout.Events;
import io.florets.prompt.readout.Label;
import io.florets.prompt.readout.Numeric;
import io.florets.prompt.readout.NumericProperties;
import io.florets.prompt.readout.Segments;
import io.florets.prompt.readout.ShapeTags;
import io.florets.prompt.task.Task;
import io.florets.prompt.vocab.Quantizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fits a fresh small model to a handful of seeded synthetic windows on one task and scores its
 * answers, asked through the {@link Florets} facade on the same windows, against the truth it was
 * trained on. Every score takes a {@code shift}: 0 scores window {@code i}'s answer against its own
 * truth; 1 against window {@code i + 1}'s (cyclically), the control that a model answering every
 * window alike would pass as well as the real score.
 */
final class LearnabilityFixture {
  /** Samples per window. */
  static final int LENGTH = 128;
  /** Factor on the task under test's share of steps: another task is drawn about once in 10^4. */
  static final double DOMINANT = 1e4;

  private LearnabilityFixture() {
  }

  /**
   * The run settings of one fit.
   *
   * @param windows training windows
   * @param steps optimisation steps
   * @param batch rows per step
   * @param learningRate peak learning rate
   */
  record Settings(int windows, int steps, int batch, double learningRate) {
  }

  /** A fitted model (owned by the facade), its training data and run summary. */
  record Fitted(Florets florets, DenseDataset data, TrainSummary summary) implements AutoCloseable {
    List<Window> windows() {
      return data.windows();
    }

    int size() {
      return data.size();
    }

    /** The truth targets of window {@code (i + shift) mod size}. */
    List<Target> truth(int i, int shift) {
      List<Target> out = new ArrayList<>();
      for (Annotation a : data.get((i + shift) % size()).annotations()) {
        if (Annotation.TRUTH.equals(a.source())) {
          out.add(a.target());
        }
      }
      return out;
    }

    /** The truth targets of every window that are instances of {@code type}. */
    <T extends Target> List<T> all(Class<T> type) {
      List<T> out = new ArrayList<>();
      for (int i = 0; i < size(); i++) {
        truth(i, 0).stream().filter(type::isInstance).map(type::cast).forEach(out::add);
      }
      return out;
    }

    @Override
    public void close() {
      florets.close();
    }
  }

  /** The seeded windows: 0-2 events of every injectable type, class = trend kind. */
  static SyntheticConfig data(int windows) {
    return SyntheticConfig.builder().count(windows).length(LENGTH).seed(5).events(0, 2)
        .classAttribute(ClassAttribute.TREND).build();
  }

  /**
   * Trains a fresh tiny engine with the front end and vocabulary of new series models
   * ({@link Recipe#seriesFrontEnd}, {@link Recipe#seriesVocabulary}) on {@code task}, with truth
   * as targets, no contrastive loss and one PyTorch thread.
   */
  static Fitted fit(Task<?> task, Settings s) {
    GradMode.setIntraOpThreads(1);
    SyntheticConfig cfg = data(s.windows());
    DenseDataset ds = Recipe.composedCaptions(SyntheticGenerator.generate(cfg), cfg.seed());
    PromptHead head = Recipe.tinyRecipe(s.steps()).withData(cfg).head();
    EngineConfig e = EngineConfig.tiny().withMaxLengths(32, 64);
    ModelBundle b = ModelBundle.create(e, Recipe.seriesFrontEnd(e.dModel()), head, 1);
    try {
      TrainOptions o = TrainOptions.defaults(s.steps()).withBatchSize(s.batch())
          .withLearningRate(s.learningRate()).withSeed(1).withAuxiliary(0, 2)
          .withSources(Set.of(Annotation.TRUTH)).withTaskWeights(Map.of(task.name(), DOMINANT));
      TrainSummary sum = MultitaskTrainer.train(b.model(), head, ds, o);
      return new Fitted(Florets.of(b), ds, sum);
    } catch (RuntimeException ex) {
      b.close();
      throw ex;
    }
  }

  /**
   * Event F1: an answered event matches an unmatched true event of its type whose start is within
   * ±{@code tol} samples (answer positions taken to the nearest sample).
   */
  static double eventF1(List<Events> answers, Fitted f, int tol, int shift) {
    int tp = 0;
    int answered = 0;
    int truths = 0;
    for (int i = 0; i < answers.size(); i++) {
      List<Event> truth = new ArrayList<>();
      f.truth(i, shift).forEach(t -> {
        if (t instanceof Event e) {
          truth.add(e);
        }
      });
      truths += truth.size();
      for (Events.Item it : answers.get(i).events()) {
        answered++;
        int start = Quantizer.sampleIndex(it.start(), LENGTH);
        for (int k = 0; k < truth.size(); k++) {
          Event e = truth.get(k);
          if (e.type() == it.type() && e.channel() == it.channel()
              && Math.abs(e.start() - start) <= tol) {
            tp++;
            truth.remove(k);
            break;
          }
        }
      }
    }
    return f1(tp, answered, truths);
  }

  /**
   * Segment F1: an answered segment matches an unmatched true segment of its label whose start and
   * end are both within ±{@code tol} samples.
   */
  static double segmentF1(List<Segments> answers, Fitted f, int tol, int shift) {
    int tp = 0;
    int answered = 0;
    int truths = 0;
    for (int i = 0; i < answers.size(); i++) {
      List<Segment> truth = new ArrayList<>();
      f.truth(i, shift).forEach(t -> {
        if (t instanceof Segment s) {
          truth.add(s);
        }
      });
      truths += truth.size();
      for (Segments.Item it : answers.get(i).segments()) {
        answered++;
        int start = Quantizer.sampleIndex(it.start(), LENGTH);
        int end = Quantizer.sampleIndex(it.end(), LENGTH);
        for (int k = 0; k < truth.size(); k++) {
          Segment s = truth.get(k);
          if (s.label() == it.label() && s.channel() == it.channel()
              && Math.abs(s.start() - start) <= tol && Math.abs(s.end() - end) <= tol) {
            tp++;
            truth.remove(k);
            break;
          }
        }
      }
    }
    return f1(tp, answered, truths);
  }

  /** Fraction of true (window, facet) shape tags answered with the true value. */
  static double shapeAccuracy(List<ShapeTags> answers, Fitted f, int shift) {
    int right = 0;
    int total = 0;
    for (int i = 0; i < answers.size(); i++) {
      for (Target t : f.truth(i, shift)) {
        if (t instanceof ShapeTag g) {
          total++;
          for (ShapeTags.Tag a : answers.get(i).tags()) {
            if (a.facet() == g.facet() && a.channel() == g.channel()) {
              right += a.value().equals(g.value()) ? 1 : 0;
              break;
            }
          }
        }
      }
    }
    return (double) right / total;
  }

  /**
   * Fraction of true (window, property) values answered within {@code rel} relative error in model
   * units: answer and truth each taken through their own window's robust location and scale
   * ({@link NumericScaling#toModel}), i.e. the numbers the model was taught (the facade answers in
   * series units, where a location-like value such as a mean of 900 would pass a 5% test with
   * almost any answer). A true zero must be answered as exactly zero; a property left out is wrong.
   */
  static double propertyFraction(List<NumericProperties> answers, Fitted f, double rel, int shift) {
    return 1.0 - (double) propertyMisses(answers, f, rel, shift).size() / f.all(NumericProperty.class).size();
  }

  /**
   * The true (window, property) values outside {@code rel} in model units (see
   * {@link #propertyFraction}), each as "window property truth answer".
   */
  static List<String> propertyMisses(List<NumericProperties> answers, Fitted f, double rel, int shift) {
    List<String> out = new ArrayList<>();
    List<OutputMapping> maps = f.florets().bundle().model().frontEnd().prepare(f.windows()).mappings();
    int n = answers.size();
    for (int i = 0; i < n; i++) {
      OutputMapping mine = maps.get(i);
      OutputMapping theirs = maps.get((i + shift) % n);
      for (Target t : f.truth(i, shift)) {
        if (t instanceof NumericProperty p) {
          double want = NumericScaling.toModel(p.property(), p.value(), p.channel(), theirs);
          double got = Double.NaN;
          for (Numeric a : answers.get(i).values()) {
            if (a.property() == p.property() && a.channel() == p.channel()) {
              got = NumericScaling.toModel(a.property(), a.value(), a.channel(), mine);
            }
          }
          if (!(Math.abs(got - want) <= rel * Math.abs(want))) {
            out.add(i + " " + p.property().token() + " " + want + " " + got);
          }
        }
      }
    }
    return out;
  }

  /** The windows whose caption is not exactly the normalised short caption of the truth. */
  static List<String> captionMisses(List<Caption> answers, Fitted f, int shift) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < answers.size(); i++) {
      for (Target t : f.truth(i, shift)) {
        if (t instanceof CaptionText c && !c.detailed()) {
          String want = f.florets().bundle().head().tokenizer().normalize(c.text());
          if (!want.equals(answers.get(i).text())) {
            out.add(i + ": '" + answers.get(i).text() + "', trained on '" + want + "'");
          }
        }
      }
    }
    return out;
  }

  /** Fraction of windows answered with their true class. */
  static double classAccuracy(List<Label> answers, Fitted f, int shift) {
    int right = 0;
    for (int i = 0; i < answers.size(); i++) {
      for (Target t : f.truth(i, shift)) {
        if (t instanceof ClassLabel c && c.label().equals(answers.get(i).name())) {
          right++;
        }
      }
    }
    return (double) right / answers.size();
  }

  private static double f1(int tp, int answered, int truths) {
    return answered + truths == 0 ? 1.0 : 2.0 * tp / (answered + truths);
  }
}
