package io.florets.prompt.card;

import io.florets.prompt.calibration.ModelFingerprint;
import io.florets.prompt.task.Modality;
import io.florets.prompt.task.Prompt;
import io.florets.prompt.task.Task;
import io.florets.prompt.task.Tasks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one trained model is good at, measured: its figures beside the labeler consensus's on the
 * same fresh synthetic windows ({@code florets card}, which runs {@code eval synthetic}), how and
 * when they were measured, the data it was trained on and what it was not trained on.
 *
 * <p>A readout of a task where the model measured below its labelers carries a {@link #caveat}:
 * {@code florets ask} prints it, and the API gives it through {@code Florets.card()}. Tasks map to
 * figures as follows: {@code EVENTS}, {@code EVENTS_OF} and {@code ALERT} to event F1 (an
 * {@code EVENTS_OF} prompt to its type's F1 where measured); {@code PROPERTIES} and
 * {@code PROPERTY} to the numeric score (a {@code PROPERTY} prompt to its property's score where
 * measured); {@code SHAPE} to shape-tag accuracy; {@code CAPTION} and {@code DETAILED_CAPTION} to
 * caption keyword match (when both sides were measured); {@code CLASSIFY} to classification
 * accuracy. Other tasks have no caveat.
 *
 * <p>Saved as {@value #FILE} in a model folder with the {@link ModelFingerprint} of the weights it
 * was measured with and a SHA-256 checksum of its content (the scheme of {@code calibration.json});
 * {@link #read} checks both. Immutable and thread-safe.
 *
 * @param model the weights the figures belong to
 * @param measured how and when the figures were measured
 * @param figures the model's figures beside the labelers'
 * @param trainedOn the data it was trained on (from its provenance)
 * @param notTrainedOn what it was not trained on, one plain sentence each (see
 *     {@link TrainingData#notTrainedOn()})
 */
public record ModelCard(ModelFingerprint model, CardMeasurement measured, CardFigures figures,
    TrainingData trainedOn, List<String> notTrainedOn) {
  /** The file name of a model card in a model folder. */
  public static final String FILE = "card.json";

  /** Checks and copies. */
  public ModelCard {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(measured, "measured");
    Objects.requireNonNull(figures, "figures");
    Objects.requireNonNull(trainedOn, "trainedOn");
    notTrainedOn = List.copyOf(notTrainedOn);
  }

  /** A card whose {@link #notTrainedOn} is derived from {@code trainedOn}. */
  public static ModelCard of(ModelFingerprint model, CardMeasurement measured, CardFigures figures,
      TrainingData trainedOn) {
    return new ModelCard(model, measured, figures, trainedOn, trainedOn.notTrainedOn());
  }

  /**
   * The caveat of a readout of {@code task}, when the model's figure for it is below the labelers'
   * (e.g. {@code "<EVENTS>: event F1 0.36 against the labelers' 0.59 on 1000 synthetic windows
   * (seed 4242); prefer florets label for events"}); empty when it is not, when either figure was
   * not measured, and for tasks without a figure.
   */
  public Optional<String> caveat(Task<?> task) {
    Objects.requireNonNull(task, "task");
    Figure f = figure(task);
    if (f == null || !f.comparison.modelBelow()) {
      return Optional.empty();
    }
    return Optional.of(text(task.token(), f));
  }

  /**
   * The caveat of a readout of {@code prompt}: as {@link #caveat(Task)}, except that an
   * {@code <EVENTS_OF>} prompt is judged by its event type's F1 and a {@code <PROPERTY>} prompt by
   * its property's score, where the card has both figures of that type or property.
   */
  public Optional<String> caveat(Prompt<?> prompt) {
    Objects.requireNonNull(prompt, "prompt");
    Figure specific = null;
    if (prompt.task() == Tasks.EVENTS_OF && prompt.eventType().isPresent()) {
      String t = prompt.eventType().get().token();
      specific = measuredBoth(figures.eventTypeF1().get(t), t + " F1", t + " events");
    } else if (prompt.task() == Tasks.PROPERTY && prompt.property().isPresent()) {
      String p = prompt.property().get().token();
      specific = measuredBoth(figures.propertyScore().get(p), "numeric score of " + p, p);
    }
    if (specific == null) {
      return caveat(prompt.task());
    }
    return specific.comparison.modelBelow() ? Optional.of(text(prompt.text(), specific))
        : Optional.empty();
  }

  /** The caveat of every time-series task that has one, in the order of {@link Tasks#all()}. */
  public List<String> caveats() {
    List<String> out = new ArrayList<>();
    for (Task<?> t : Tasks.of(Modality.SERIES)) {
      caveat(t).ifPresent(out::add);
    }
    return out;
  }

  /** A figure, what it is called, and what {@code florets label} should be used for instead. */
  private record Figure(Comparison comparison, String name, String what) {
  }

  private static Figure measuredBoth(Comparison c, String name, String what) {
    return c == null || c.model() == null || c.labelers() == null ? null
        : new Figure(c, name, what);
  }

  /** The figure a task is judged by, or null for a task without one. */
  private Figure figure(Task<?> task) {
    if (task.modality() != Modality.SERIES) {
      return null;
    }
    switch (task.name()) {
      case "EVENTS":
      case "EVENTS_OF":
      case "ALERT":
        return new Figure(figures.eventF1(), "event F1", "events");
      case "PROPERTIES":
      case "PROPERTY":
        return new Figure(figures.numericScore(), "numeric score", "numbers");
      case "SHAPE":
        return new Figure(figures.shapeTagAccuracy(), "shape-tag accuracy", "shape tags");
      case "CAPTION":
      case "DETAILED_CAPTION":
        return new Figure(figures.captionKeywordMatch(), "caption keyword match", "captions");
      case "CLASSIFY":
        return new Figure(figures.classificationAccuracy(), "classification accuracy",
            "classes");
      default:
        return null;
    }
  }

  private String text(String what, Figure f) {
    return what + ": " + f.name + " " + f.comparison.describe() + " on " + measured.windows()
        + " synthetic windows (seed " + measured.seed() + "); prefer florets label for " + f.what;
  }

  /**
   * Writes this card as JSON to {@code file} (replacing it), bound to its {@link #model}.
   *
   * @return the SHA-256 checksum recorded in the file
   * @throws IOException if the file cannot be written
   */
  public String write(Path file) throws IOException {
    return ModelCardJson.write(this, file);
  }

  /** This card as the text of a {@value #FILE} (pretty JSON with its checksum). */
  public String toJson() {
    return ModelCardJson.render(this);
  }

  /**
   * Reads a card written by {@link #write}, checking its format, checksum and that it was measured
   * with the weights {@code expected}.
   *
   * @throws ModelCardFormatException naming the file and the offending value when the file is not
   *     a model card, was edited or corrupted, or belongs to other weights
   * @throws IOException if the file cannot be read
   */
  public static ModelCard read(Path file, ModelFingerprint expected) throws IOException {
    return ModelCardJson.read(file, Objects.requireNonNull(expected, "expected"));
  }
}
