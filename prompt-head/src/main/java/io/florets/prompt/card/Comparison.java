package io.florets.prompt.card;

import java.util.Locale;

/**
 * One figure of the model beside the same figure of the labeler consensus, measured on the same
 * windows against the same truth. A figure is a share or score in {@code [0, 1]}, higher is better
 * (F1, accuracy, ChatTS numeric score, keyword match); {@code null} where it could not be measured
 * (e.g. no event of a type occurred, or the consensus never answers that kind of question).
 *
 * @param model the model's figure, or {@code null}
 * @param labelers the labeler consensus's figure, or {@code null}
 */
public record Comparison(Double model, Double labelers) {
  /**
   * Rejects figures outside {@code [0, 1]} (NaN fails).
   *
   * @throws IllegalArgumentException naming the figure and its value
   */
  public Comparison {
    check("model's", model);
    check("labelers'", labelers);
  }

  private static void check(String who, Double v) {
    if (v != null && !(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException("the " + who + " figure must be in [0,1] or absent, got "
          + v);
    }
  }

  /** True when both figures were measured and the model's is below the labelers'. */
  public boolean modelBelow() {
    return model != null && labelers != null && model < labelers;
  }

  /**
   * The two figures as text for a caveat, with 2 decimals unless that would show them equal (then
   * 4): e.g. {@code "0.36 against the labelers' 0.59"}.
   *
   * @throws IllegalStateException if either figure is absent
   */
  String describe() {
    if (model == null || labelers == null) {
      throw new IllegalStateException("a comparison needs both figures, got " + this);
    }
    String m = String.format(Locale.ROOT, "%.2f", model);
    String l = String.format(Locale.ROOT, "%.2f", labelers);
    if (m.equals(l)) {
      m = String.format(Locale.ROOT, "%.4f", model);
      l = String.format(Locale.ROOT, "%.4f", labelers);
    }
    return m + " against the labelers' " + l;
  }
}
