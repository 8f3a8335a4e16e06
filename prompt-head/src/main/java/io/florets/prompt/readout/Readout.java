package io.florets.prompt.readout;

/**
 * A typed answer of a task: the output contract's readouts. Every decoded item carries a
 * confidence in [0, 1] (1.0 for serialized ground truth; from token log-probabilities for model
 * answers). Positions are in samples of the window (bin centres of the {@code <t_q>} quantiser),
 * boxes in pixels of the original image. All implementations are immutable records.
 */
public sealed interface Readout
    permits Label, Labels, Caption, ShapeTags, NumericProperties, Numeric, Events, Segments, Alert, Embedding, Boxes {

  /** A short name of the readout type, e.g. {@code "events"} (used in JSON output). */
  String kind();

  /** Checks a confidence in [0, 1] (NaN fails). */
  static double checkConfidence(double c, String what) {
    if (!(c >= 0.0 && c <= 1.0)) {
      throw new IllegalArgumentException(what + ": confidence must be in [0,1], got " + c);
    }
    return c;
  }

  /** Checks an ordered finite position pair {@code 0 <= start <= end}. */
  static void checkSpan(double start, double end, String what) {
    if (!(start >= 0 && end >= start) || Double.isInfinite(end)) {
      throw new IllegalArgumentException(what + ": need finite 0 <= start <= end, got start=" + start + ", end=" + end);
    }
  }

  /**
   * Checks an optional caveat: present means non-blank text.
   *
   * @return the caveat itself
   */
  static java.util.Optional<String> checkCaveat(java.util.Optional<String> caveat, String what) {
    if (caveat == null) {
      throw new IllegalArgumentException(what + ": caveat must be Optional.empty() or text, got null");
    }
    if (caveat.isPresent() && caveat.get().isBlank()) {
      throw new IllegalArgumentException(what + ": a caveat must be non-blank text, got '"
          + caveat.get() + "'");
    }
    return caveat;
  }

  /** Checks a channel: -1 (whole window) or &ge; 0. */
  static void checkChannel(int channel, String what) {
    if (channel < -1) {
      throw new IllegalArgumentException(what + ": channel must be -1 (whole window) or >= 0, got " + channel);
    }
  }
}
