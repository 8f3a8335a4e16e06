package io.florets.labelers.analysis;

/**
 * One labeler's line of a {@link LabelerAnalysis}, in the spirit of Snorkel's LF summary. All
 * fractions are over the labeler's slots (window &times; channel &times; each facet, property or
 * event type it can produce).
 *
 * @param name labeler name
 * @param version labeler version
 * @param slots number of slots in its scope
 * @param coverage fraction of slots where it said something
 * @param overlap fraction of slots where it and at least one other labeler said something
 * @param conflict fraction of slots where it said something and another labeler disagreed
 * @param accuracy fraction of its statements that agree with gold, or NaN without gold
 * @param goldStatements number of its statements that gold could judge
 */
public record LabelerSummary(String name, String version, long slots, double coverage,
    double overlap, double conflict, double accuracy, long goldStatements) {
}
