package io.florets.cli;

import io.florets.datasets.Series;
import io.florets.datasets.io.Samples;
import io.florets.labelers.eval.Scorecard;
import io.florets.prompt.facade.Florets;
import java.util.List;
import java.util.Locale;

/** The explanatory text of the quickstart report: what was done, how to read confidences, the round. */
final class QuickstartText {
  private QuickstartText() {
  }

  /** What the data is and what the quickstart did with it. */
  static void intro(ReportPage page, Series s, Samples.Labelled nab, int windows, int window,
      String model, Florets f) {
    TimeAxis axis = TimeAxis.of(s.timestamps().orElse(null), 0, s.length());
    page.paragraph(String.format(Locale.ROOT, "The series: %s, %,d readings from %s, the bundled "
        + "sample of the Numenta Anomaly Benchmark (NAB). NAB's people labelled %d anomaly windows "
        + "in it (a system failure); Florets never sees those labels while labelling or asking: "
        + "they are drawn here only to compare.", s.id(), s.length(), axis.span(0, s.length() - 1),
        nab.anomalies().size()));
    page.paragraph(String.format(Locale.ROOT, "What happened: the series was cut into %d windows "
        + "of %d samples; the rule labelers labelled every window and their consensus kept the "
        + "labels with enough support; the model (%s: %s recipe, %,d training steps) was asked "
        + "every time-series task about a few windows and then labelled every window as one more "
        + "labeler.", windows, window, model, f.bundle().provenance().recipe(),
        f.bundle().provenance().steps()));
  }

  /** What a confidence is, in words, and whether this model's are calibrated. */
  static void confidences(ReportPage page, Florets f) {
    String calibrated = f.calibration().isPresent()
        ? "This model's confidences are calibrated: on fresh synthetic windows, items it answered "
            + "with about 0.8 were right about 8 times in 10. On a real series such as this one "
            + "that is a guide, not a promise."
        : "This model has no calibration: its confidences are the decoder's own token "
            + "probabilities, which tend to be too sure (florets calibrate fits them).";
    page.paragraph("Every item the model states (a tag, a number, an event, a segment, a "
        + "caption) comes with a confidence between 0 and 1: how sure the model was of the tokens "
        + "that make up that item. " + calibrated + String.format(Locale.ROOT, " Below, a "
        + "confidence of %.1f or more is called high, from %.1f to %.1f medium, under %.1f low. A "
        + "low confidence says: check this one against the labelers or the data.",
        ReadoutWords.HIGH, ReadoutWords.MEDIUM, ReadoutWords.HIGH, ReadoutWords.MEDIUM));
    page.paragraph("The labelers' answers carry no confidence: they are the consensus of rule "
        + "labelers (statistics, decompositions, change-point and spike detectors) that keeps "
        + "only what enough labelers agree on. Times are the file's own timestamps; positions in "
        + "brackets count samples from the start of the window.");
  }

  /** The data-engine round as a table of figures with their meaning. */
  static void round(ReportPage page, Scorecard agreement, double covCons, double covModel,
      int anomalies, int windows) {
    page.paragraph("In one round of the data engine the model labels all " + windows + " windows "
        + "(shape, events, properties) and is compared with the labelers' consensus. Agreement "
        + "does not say who is right: the consensus is not the truth, and the labelled anomaly "
        + "windows are the only human labels here.");
    page.simpleTable(List.of("figure", "value", "what it measures"), List.of(
        List.of("shape-tag agreement", fraction(agreement.shapeTagAccuracy()),
            "share of the model's trend, seasonality, noise and stationarity tags equal to the "
                + "consensus's"),
        List.of("event F1", fraction(agreement.eventF1()),
            "how well the model's events match the consensus's events (type and position within "
                + "the tolerance), from 0 (none) to 1 (all, and no others)"),
        List.of("numeric score", fraction(agreement.numericScore()),
            "closeness of the model's numbers (mean, std, period, ...) to the consensus's, 1 = "
                + "equal"),
        List.of("anomaly windows found by the labelers", found(covCons, anomalies),
            "labelled anomaly windows touched by at least one event of the consensus"),
        List.of("anomaly windows found by the model", found(covModel, anomalies),
            "labelled anomaly windows touched by at least one event of the model")));
  }

  private static String fraction(double v) {
    return Double.isNaN(v) ? "not measured" : String.format(Locale.ROOT, "%.3f", v);
  }

  private static String found(double share, int of) {
    return Double.isNaN(share) ? "not measured"
        : String.format(Locale.ROOT, "%d of %d", Math.round(share * of), of);
  }
}
