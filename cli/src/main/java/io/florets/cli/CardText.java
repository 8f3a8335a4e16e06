package io.florets.cli;

import io.florets.prompt.card.CardFigures;
import io.florets.prompt.card.CardMeasurement;
import io.florets.prompt.card.Comparison;
import io.florets.prompt.card.ModelCard;
import io.florets.prompt.card.TrainingData;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A model card as text for the terminal ({@code florets card} without {@code --json}). */
final class CardText {
  private CardText() {
  }

  /** Prints {@code card} of the model {@code model} (a folder or {@code default}). */
  static void print(PrintWriter out, String model, ModelCard card) {
    CardMeasurement m = card.measured();
    out.println("model card of " + model);
    out.printf(Locale.ROOT, "measured: %s%n  on %s in %.0f s, load average %s (max %s); "
        + "calibration: %s%n", m.command(), m.date(), m.seconds(), text(m.loadAverage()),
        text(m.loadAverageMax()), m.calibration());
    out.printf(Locale.ROOT, "  %d windows (seed %d), events matched within %d samples: %s%n",
        m.windows(), m.seed(), m.eventTolerance(), m.data());
    CardFigures f = card.figures();
    out.printf("%-28s %9s %9s%n", "figure", "model", "labelers");
    row(out, "event F1", f.eventF1());
    row(out, "numeric score", f.numericScore());
    row(out, "shape-tag accuracy", f.shapeTagAccuracy());
    row(out, "caption keyword match", f.captionKeywordMatch());
    row(out, "classification accuracy", f.classificationAccuracy());
    out.printf("%-28s %9s%n", "parse rate", text(f.parseRate()));
    detail(out, "F1 per event type", f.eventTypeF1());
    detail(out, "score per property", f.propertyScore());
    detail(out, "accuracy per shape facet", f.shapeFacetAccuracy());
    TrainingData t = card.trainedOn();
    out.printf("trained on: recipe %s, %d steps, %d windows (data hash %s)%n", t.recipe(),
        t.steps(), t.windows(), t.dataHash());
    out.println("  data: " + t.data());
    if (!t.command().isEmpty()) {
      out.println("  command: " + t.command());
    }
    out.println("not trained on:");
    card.notTrainedOn().forEach(s -> out.println("  - " + s));
    List<String> caveats = card.caveats();
    if (caveats.isEmpty()) {
      out.println("caveats: none (no measured figure of the model is below the labelers')");
    } else {
      out.println("caveats:");
      caveats.forEach(s -> out.println("  - " + s));
    }
  }

  private static void detail(PrintWriter out, String title, Map<String, Comparison> m) {
    if (m.isEmpty()) {
      return;
    }
    out.println(title + ":");
    for (Map.Entry<String, Comparison> e : m.entrySet()) {
      row(out, "  " + e.getKey(), e.getValue());
    }
  }

  private static void row(PrintWriter out, String name, Comparison c) {
    out.printf("%-28s %9s %9s%s%n", name, text(c.model()), text(c.labelers()),
        c.modelBelow() ? "   below" : "");
  }

  private static String text(Double v) {
    return v == null ? "-" : String.format(Locale.ROOT, "%.4f", v);
  }
}
