package io.florets.prompt.task;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What an {@code <EMBED>} vector is similar in: the argument of {@code <EMBED>facet}. The general
 * embedding ({@code <EMBED>} alone) pools the encoder; every other facet is read from what the
 * model answers about that facet (its decoder's probabilities over the facet's answer tokens), so
 * that neighbours share the facet rather than the raw shape. Immutable.
 */
public enum EmbedFacet {
  /** {@code <EMBED>}: the pooled encoder state, similar in everything at once. */
  GENERAL(""),
  /** {@code <EMBED>trend}: the trend tag (increasing, decreasing, steady, multiple). */
  TREND("trend"),
  /** {@code <EMBED>seasonality}: the seasonality tag (none, sine, square, triangle). */
  SEASONALITY("seasonality"),
  /** {@code <EMBED>noise}: the noise tag (low, medium, high). */
  NOISE("noise"),
  /** {@code <EMBED>stationarity}: the stationarity tag. */
  STATIONARITY("stationarity"),
  /** {@code <EMBED>events}: which event types the window holds. */
  EVENTS("events"),
  /** {@code <EMBED>class}: the class, over the model's class names (an adapted model's are the user's). */
  CLASS("class");

  private final String word;

  EmbedFacet(String word) {
    this.word = word;
  }

  /** The word after {@code <EMBED>}, e.g. {@code "trend"}; empty for {@link #GENERAL}. */
  public String word() {
    return word;
  }

  /** The prompt's token form, e.g. {@code "<EMBED>trend"}. */
  public String promptText() {
    return Tasks.EMBED.token() + word;
  }

  /** The facet named {@code word} (case-insensitive; empty = {@link #GENERAL}), if any. */
  public static Optional<EmbedFacet> fromWord(String word) {
    if (word == null) {
      return Optional.empty();
    }
    String w = word.strip().toLowerCase(java.util.Locale.ROOT);
    return Arrays.stream(values()).filter(f -> f.word.equals(w)).findFirst();
  }

  /**
   * The facet named {@code word}.
   *
   * @param where where the word came from, for the message (e.g. {@code "--facet"})
   * @throws IllegalArgumentException naming the word and the valid ones if it is not a facet
   */
  public static EmbedFacet parse(String word, String where) {
    return fromWord(word).orElseThrow(() -> new IllegalArgumentException("unknown <EMBED> facet '"
        + word + "' (" + where + "); expected one of " + validWords()));
  }

  /** The valid facet words, comma-separated, e.g. {@code "trend, seasonality, ..."}. */
  public static String validWords() {
    return Arrays.stream(values()).filter(f -> f != GENERAL).map(EmbedFacet::word)
        .collect(Collectors.joining(", ")) + " (or none, 'general' on the command line: the general embedding)";
  }
}
