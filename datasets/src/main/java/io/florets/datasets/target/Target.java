package io.florets.datasets.target;

/**
 * One dense target about a window. Implementations are immutable records that validate on
 * construction.
 */
public sealed interface Target
    permits ClassLabel, NumericProperty, ShapeTag, Event, Segment, CaptionText {

  /** Channel index meaning "the whole window / all channels". */
  int WHOLE_WINDOW = -1;

  /** The kind of this target (one per record type). */
  TargetKind kind();

  /** The channel this target refers to, or {@link #WHOLE_WINDOW}. */
  int channel();

  /** Checks a channel argument: {@code WHOLE_WINDOW} or a non-negative index. */
  static int checkChannel(int channel) {
    if (channel < WHOLE_WINDOW) {
      throw new IllegalArgumentException("channel must be -1 (whole window) or >= 0, got " + channel);
    }
    return channel;
  }

  /** Checks an inclusive position range {@code 0 <= start <= end}. */
  static void checkRange(String what, int start, int end) {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException(what + ": need 0 <= start <= end, got start=" + start + ", end=" + end);
    }
  }
}
