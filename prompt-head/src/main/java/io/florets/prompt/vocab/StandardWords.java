package io.florets.prompt.vocab;

import java.util.List;

/**
 * The fixed word lists of the standard vocabulary. The order of every list is part of the
 * vocabulary's identity (ids are assigned in this order), so lists only ever grow at the end of a
 * new vocabulary version, never reorder.
 */
public final class StandardWords {
  private StandardWords() {
  }

  /** Every task token, in id order (time-series and image tasks share tokens such as {@code <CAPTION>}). */
  public static final List<String> TASK_TOKENS = List.of(
      "<CLASSIFY>", "<CAPTION>", "<DETAILED_CAPTION>", "<SHAPE>", "<PROPERTIES>", "<PROPERTY>",
      "<EVENTS>", "<EVENTS_OF>", "<SEGMENTS>", "<REGION_TO_DESCRIPTION>", "<ALERT>", "<EMBED>",
      "<OD>", "<REGION_TO_CATEGORY>", "<CAPTION_TO_PHRASE_GROUNDING>");

  /** Punctuation tokens usable in captions and phrases. */
  public static final List<String> PUNCTUATION = List.of(
      ",", ".", ";", ":", "!", "?", "(", ")", "%", "/", "-", "+", "=", "\"", "'", "[", "]", "&", "*", "#");

  /** Characters that can be spelled with {@code <c_x>} tokens (for words outside the vocabulary). */
  public static final String SPELL_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789_.-'";

  /** Words the contract itself writes: alert heads and region descriptions. */
  public static final List<String> STRUCTURE = List.of(
      "normal", "abnormal", "event", "events", "segment", "segments", "and", "channel", "no");

  /** Image label words: shape names, colours, digit names, sizes and generic nouns. */
  public static final List<String> IMAGE_LABELS = List.of(
      "circle", "square", "triangle", "rectangle", "ellipse", "star", "diamond", "cross", "hexagon",
      "pentagon", "line", "blob",
      "red", "green", "blue", "yellow", "orange", "purple", "pink", "brown", "black", "white",
      "gray", "cyan", "magenta",
      "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
      "digit", "shape", "object", "coin", "small", "medium", "large");

  /**
   * General caption words. Composers add their own closed vocabulary through
   * {@link VocabularyBuilder#words(java.util.Collection)}; anything else is spelled.
   */
  public static final List<String> CAPTION_BASE = List.of(
      "a", "an", "the", "of", "in", "at", "on", "to", "from", "with", "without", "by", "for",
      "near", "around", "about", "after", "before", "between", "over", "under", "then", "while",
      "is", "are", "was", "has", "have", "shows", "show", "there", "this", "it", "its", "that",
      "which", "but", "or", "not", "also", "one", "two", "three", "several", "many", "few", "some",
      "single", "multiple", "first", "second", "last", "start", "end", "middle", "beginning",
      "series", "signal", "window", "sensor", "value", "values", "level", "trend", "season",
      "seasonal", "period", "periodic", "cycle", "cycles", "amplitude", "noise", "noisy", "smooth",
      "spike", "spikes", "shift", "drop", "jump", "rise", "fall", "peak", "peaks", "dip", "dips",
      "increasing", "decreasing", "rising", "falling", "flat", "steady", "stable", "upward",
      "downward", "up", "down", "high", "low", "mean", "average", "samples", "sample", "time",
      "points", "point", "part", "image", "picture", "shows", "containing", "contains", "left",
      "right", "top", "bottom", "center", "background");
}
