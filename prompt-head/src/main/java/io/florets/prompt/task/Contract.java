package io.florets.prompt.task;

import io.florets.datasets.target.EventType;
import java.util.EnumSet;
import java.util.Set;

/**
 * The fixed limits and policies of the output contract that serializers, parsers and grammars share.
 */
public final class Contract {
  private Contract() {
  }

  /** Most items (events, segments, tags, properties, boxes) in one answer; serializers keep the first ones in contract order. */
  public static final int MAX_ITEMS = 32;
  /**
   * Most tokens of a {@code <CAPTION>} answer (before {@code </s>}); longer captions are cut at the
   * limit when serialized.
   */
  public static final int CAPTION_MAX_TOKENS = 128;
  /** Most tokens of a {@code <DETAILED_CAPTION>} answer. */
  public static final int DETAILED_CAPTION_MAX_TOKENS = 256;
  /** Most tokens of a {@code <REGION_TO_DESCRIPTION>} answer. */
  public static final int REGION_MAX_TOKENS = 48;
  /** Most words of an image label or grounded phrase. */
  public static final int MAX_LABEL_WORDS = 4;

  /** Event types that make {@code <ALERT>} answer "abnormal" (every type but a trend change). */
  public static final Set<EventType> ABNORMAL = Set.copyOf(EnumSet.complementOf(EnumSet.of(EventType.TREND_CHANGE)));

  /** The most text tokens of a free-text task, or 0 if the task does not answer with text. */
  public static int maxTextTokens(Task<?> task) {
    if (task == Tasks.CAPTION || task == Tasks.IMAGE_CAPTION) {
      return CAPTION_MAX_TOKENS;
    }
    if (task == Tasks.DETAILED_CAPTION || task == Tasks.IMAGE_DETAILED_CAPTION) {
      return DETAILED_CAPTION_MAX_TOKENS;
    }
    return task == Tasks.REGION_TO_DESCRIPTION ? REGION_MAX_TOKENS : 0;
  }
}
