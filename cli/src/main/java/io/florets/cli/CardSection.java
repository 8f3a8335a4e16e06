package io.florets.cli;

import io.florets.prompt.card.CardFigures;
import io.florets.prompt.card.CardMeasurement;
import io.florets.prompt.card.Comparison;
import io.florets.prompt.card.ModelCard;
import io.florets.prompt.card.TrainingData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A model card as a report section: how it was measured, one table of the model's figures beside
 * the labelers' (headline figures, then per event type, property and shape facet), what the model
 * was not trained on, and its caveats. The terminal form is {@link CardText}.
 */
final class CardSection {
  private CardSection() {
  }

  static void add(ReportPage page, ModelCard card) {
    CardMeasurement m = card.measured();
    TrainingData t = card.trainedOn();
    page.paragraph(String.format(Locale.ROOT, "Measured on %,d fresh synthetic windows (seed %d), "
        + "where the exact truth is known; events count as found within %d samples. The model "
        + "was trained for %,d steps on %,d synthetic windows.", m.windows(), m.seed(),
        m.eventTolerance(), t.steps(), t.windows()));
    CardFigures f = card.figures();
    List<List<String>> rows = new ArrayList<>();
    row(rows, "event F1", f.eventF1());
    row(rows, "numeric score", f.numericScore());
    row(rows, "shape-tag accuracy", f.shapeTagAccuracy());
    row(rows, "caption keyword match", f.captionKeywordMatch());
    row(rows, "classification accuracy", f.classificationAccuracy());
    detail(rows, "F1 of ", " events", f.eventTypeF1());
    detail(rows, "score of ", "", f.propertyScore());
    detail(rows, "accuracy of the ", " tag", f.shapeFacetAccuracy());
    page.simpleTable(List.of("figure (0 to 1, higher is better)", "model", "labelers",
        "better source"), rows);
    List<String> not = card.notTrainedOn();
    if (!not.isEmpty()) {
      page.paragraph("Not trained on: " + String.join("; ", not.stream().map(CardSection::plain)
          .toList()) + ".");
    }
    if (!card.caveats().isEmpty()) {
      page.paragraph("Caveats: " + String.join("; ", card.caveats().stream()
          .map(CardSection::plain).toList()) + ".");
    }
    page.note("Measured with: " + m.command() + " (" + m.date() + ").");
  }

  private static void detail(List<List<String>> rows, String before, String after,
      Map<String, Comparison> m) {
    m.forEach((k, c) -> row(rows, before + ReadoutWords.words(k) + after, c));
  }

  private static void row(List<List<String>> rows, String name, Comparison c) {
    if (c.model() == null && c.labelers() == null) {
      return;
    }
    String where = c.model() == null ? "the labelers (the model was not measured)"
        : c.labelers() == null ? "the model (the labelers do not answer this)"
        : c.modelBelow() ? "the labelers (the model is below them)"
        : c.model() > c.labelers() ? "the model" : "either (equal)";
    rows.add(List.of(name, text(c.model()), text(c.labelers()), where));
  }

  private static String text(Double v) {
    return v == null ? "not measured" : String.format(Locale.ROOT, "%.3f", v);
  }

  /** Prompt tokens such as {@code <PROPERTY>mean} in a sentence, read as words. */
  static String plain(String s) {
    return ReadoutWords.words(s.replaceAll("<t_\\d+>", "").replaceAll("<([A-Za-z_]+)>", "$1 "))
        .replaceAll(" +", " ").trim();
  }
}
