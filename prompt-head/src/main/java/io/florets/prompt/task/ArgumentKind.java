package io.florets.prompt.task;

/** The kinds of prompt argument a task can take, with their syntax in the token form. */
public enum ArgumentKind {
  /** An event type word, e.g. {@code spike_up}. */
  EVENT_TYPE("type", "an event type word, e.g. spike_up"),
  /** A numeric property word, e.g. {@code mean}. */
  PROPERTY("name", "a property word, e.g. mean"),
  /** An optional channel token {@code <ch_c>} (absent = whole window). */
  CHANNEL("channel", "optional <ch_c>; absent = whole window"),
  /** A time region {@code <t_a><t_b>} with {@code a <= b}. */
  TIME_REGION("region", "<t_a><t_b> with a <= b (bins of the window)"),
  /** An image box {@code <loc_x1><loc_y1><loc_x2><loc_y2>} with {@code x1 <= x2, y1 <= y2}. */
  LOC_BOX("box", "<loc_x1><loc_y1><loc_x2><loc_y2> with x1 <= x2, y1 <= y2"),
  /** Free text (a caption or phrase to ground). */
  TEXT("text", "free text: the phrase(s) to ground"),
  /** An optional {@code <EMBED>} facet word (absent = the general embedding). */
  FACET("facet", "optional facet word: " + EmbedFacet.validWords());

  private final String jsonName;
  private final String description;

  ArgumentKind(String jsonName, String description) {
    this.jsonName = jsonName;
    this.description = description;
  }

  /** Short name used in JSON and in the expansion template, e.g. {@code "type"}. */
  public String jsonName() {
    return jsonName;
  }

  /** Whether the argument may be left out ({@link #CHANNEL}, {@link #FACET}). */
  public boolean optional() {
    return this == CHANNEL || this == FACET;
  }

  /** One-line description of the syntax. */
  public String description() {
    return description;
  }
}
