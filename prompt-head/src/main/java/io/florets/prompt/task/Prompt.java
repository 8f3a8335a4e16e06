package io.florets.prompt.task;

import io.florets.datasets.target.EventType;
import io.florets.datasets.target.Property;
import io.florets.prompt.readout.Boxes;
import io.florets.prompt.readout.Caption;
import io.florets.prompt.readout.Events;
import io.florets.prompt.readout.Label;
import io.florets.prompt.readout.Numeric;
import io.florets.prompt.readout.Readout;
import io.florets.prompt.vocab.Quantizer;
import io.florets.prompt.vocab.Tokenizer;
import io.florets.prompt.vocab.Vocabulary;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A task with its arguments bound: what the encoder is asked. Written in token form by
 * {@link #text()} ({@code "<EVENTS_OF>spike_up"}, {@code "<PROPERTY>mean<ch_2>"},
 * {@code "<REGION_TO_DESCRIPTION><t_100><t_250>"}), in natural language by {@link #expansion()},
 * and as ids by {@link #tokens(Vocabulary)}. Parse strings with {@link PromptParser}. Immutable and
 * thread-safe; equal when task and token form are equal.
 *
 * @param <R> the readout type of the task
 */
public final class Prompt<R extends Readout> {
  private final Task<R> task;
  private final EventType eventType;
  private final Property property;
  private final int channel;
  private final int[] bins;
  private final String text;
  /** The facet of {@code <EMBED>}; {@code null} for every other task. */
  private final EmbedFacet facet;

  private Prompt(Task<R> task, EventType eventType, Property property, int channel, int[] bins, String text) {
    this.task = task;
    this.eventType = eventType;
    this.property = property;
    this.channel = channel;
    this.bins = bins;
    this.text = text;
    this.facet = task == Tasks.EMBED ? EmbedFacet.GENERAL : null;
  }

  private Prompt(EmbedFacet facet) {
    @SuppressWarnings("unchecked") // EMBED answers with Embedding; only embed() calls this
    Task<R> t = (Task<R>) Tasks.EMBED;
    this.task = t;
    this.eventType = null;
    this.property = null;
    this.channel = -1;
    this.bins = null;
    this.text = null;
    this.facet = facet;
  }

  /** {@code <EMBED>facet} ({@link EmbedFacet#GENERAL}: plain {@code <EMBED>}). */
  public static Prompt<io.florets.prompt.readout.Embedding> embed(EmbedFacet facet) {
    return new Prompt<>(Objects.requireNonNull(facet, "facet"));
  }

  /** The prompt of an argument-free task. */
  public static <R extends Readout> Prompt<R> of(Task<R> task) {
    Objects.requireNonNull(task, "task");
    if (task.needsArguments()) {
      throw new IllegalArgumentException("task " + task.token() + " needs arguments " + task.arguments()
          + "; build its prompt with the Prompt factory for it (e.g. Prompt.eventsOf)");
    }
    return new Prompt<>(task, null, null, -1, null, null);
  }

  /** {@code <EVENTS_OF>type}. */
  public static Prompt<Events> eventsOf(EventType type) {
    return new Prompt<>(Tasks.EVENTS_OF, Objects.requireNonNull(type, "type"), null, -1, null, null);
  }

  /** {@code <PROPERTY>name} about the whole window. */
  public static Prompt<Numeric> property(Property property) {
    return property(property, -1);
  }

  /** {@code <PROPERTY>name<ch_c>} about channel {@code c} ({@code -1} = whole window). */
  public static Prompt<Numeric> property(Property property, int channel) {
    if (channel < -1) {
      throw new IllegalArgumentException("channel must be -1 (whole window) or >= 0, got " + channel);
    }
    return new Prompt<>(Tasks.PROPERTY, null, Objects.requireNonNull(property, "property"), channel, null, null);
  }

  /** {@code <REGION_TO_DESCRIPTION><t_a><t_b>} from bins {@code 0 <= a <= b <= 999}. */
  public static Prompt<Caption> region(int binA, int binB) {
    checkBins("region", binA, binB);
    return new Prompt<>(Tasks.REGION_TO_DESCRIPTION, null, null, -1, new int[] {binA, binB}, null);
  }

  /** The region prompt of samples {@code start..end} (inclusive) of a window of {@code length} samples. */
  public static Prompt<Caption> regionOfSamples(int start, int end, int length) {
    if (start < 0 || end < start || end >= length) {
      throw new IllegalArgumentException("region needs 0 <= start <= end < length, got start=" + start
          + ", end=" + end + ", length=" + length);
    }
    return region(Quantizer.quantize(start, length), Quantizer.quantize(end, length));
  }

  /** {@code <REGION_TO_CATEGORY><loc_x1><loc_y1><loc_x2><loc_y2>} from bins. */
  public static Prompt<Label> regionToCategory(int x1, int y1, int x2, int y2) {
    checkBins("box x", x1, x2);
    checkBins("box y", y1, y2);
    return new Prompt<>(Tasks.REGION_TO_CATEGORY, null, null, -1, new int[] {x1, y1, x2, y2}, null);
  }

  /** The region-to-category prompt of a box in pixels of a {@code width x height} image. */
  public static Prompt<Label> regionToCategoryPixels(double x1, double y1, double x2, double y2, int width,
      int height) {
    return regionToCategory(Quantizer.quantize(x1, width), Quantizer.quantize(y1, height),
        Quantizer.quantize(x2, width), Quantizer.quantize(y2, height));
  }

  /** {@code <CAPTION_TO_PHRASE_GROUNDING>text}; runs of whitespace in the text become one space. */
  public static Prompt<Boxes> phraseGrounding(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("phrase grounding needs non-blank text");
    }
    if (text.indexOf('<') >= 0 || text.indexOf('>') >= 0) {
      throw new IllegalArgumentException("phrase grounding text must not contain '<' or '>', got '" + text + "'");
    }
    return new Prompt<>(Tasks.CAPTION_TO_PHRASE_GROUNDING, null, null, -1, null,
        text.strip().replaceAll("\\s+", " "));
  }

  private static void checkBins(String what, int a, int b) {
    if (a < 0 || b > Quantizer.BINS - 1 || a > b) {
      throw new IllegalArgumentException(what + " needs bins 0 <= a <= b <= 999, got a=" + a + ", b=" + b);
    }
  }

  /** The task. */
  public Task<R> task() {
    return task;
  }

  /** The event type of {@code <EVENTS_OF>}. */
  public Optional<EventType> eventType() {
    return Optional.ofNullable(eventType);
  }

  /** The property of {@code <PROPERTY>}. */
  public Optional<Property> property() {
    return Optional.ofNullable(property);
  }

  /** The channel of {@code <PROPERTY>name<ch_c>}, or -1 for the whole window. */
  public int channel() {
    return channel;
  }

  /** The bins of a region ({@code [a, b]}) or box ({@code [x1, y1, x2, y2]}); empty array if none. */
  public int[] bins() {
    return bins == null ? new int[0] : bins.clone();
  }

  /** The facet of {@code <EMBED>} ({@link EmbedFacet#GENERAL} without one); empty for other tasks. */
  public Optional<EmbedFacet> facet() {
    return Optional.ofNullable(facet);
  }

  /** The text of {@code <CAPTION_TO_PHRASE_GROUNDING>}. */
  public Optional<String> phrase() {
    return Optional.ofNullable(text);
  }

  /** The token form, e.g. {@code "<EVENTS_OF>spike_up"}. */
  public String text() {
    StringBuilder sb = new StringBuilder(task.token());
    if (eventType != null) {
      sb.append(eventType.token());
    }
    if (property != null) {
      sb.append(property.token());
      if (channel >= 0) {
        sb.append("<ch_").append(channel).append('>');
      }
    }
    sb.append(argumentTokens());
    if (text != null) {
      sb.append(text);
    }
    if (facet != null) {
      sb.append(facet.word());
    }
    return sb.toString();
  }

  private String argumentTokens() {
    if (bins == null) {
      return "";
    }
    String prefix = bins.length == 2 ? "<t_" : "<loc_";
    StringBuilder sb = new StringBuilder();
    for (int b : bins) {
      sb.append(prefix).append(b).append('>');
    }
    return sb.toString();
  }

  /** The natural-language form, e.g. {@code "Locate the spike_up events in the series."}. */
  public String expansion() {
    String e = task.expansion();
    if (eventType != null) {
      e = e.replace("{type}", eventType.token());
    }
    if (property != null) {
      e = e.replace("{name}", property.token());
      if (channel >= 0) {
        e = e.replace("of the series", "of channel " + channel + " of the series");
      }
    }
    if (bins != null) {
      e = e.replace(bins.length == 2 ? "{region}" : "{box}", argumentTokens());
    }
    if (text != null) {
      e = e.replace("{text}", text);
    }
    if (facet != null && facet != EmbedFacet.GENERAL) {
      e = e.replaceAll("\\.$", "") + " by " + facet.word() + ".";
    }
    return e;
  }

  /**
   * The prompt as token ids: the task token, then the arguments; free text is tokenized. An
   * {@code <EMBED>} facet is not an encoder token: it says which of the model's answers the vector
   * is read from, so every {@code <EMBED>} prompt is the one token {@code <EMBED>}.
   *
   * @throws IllegalArgumentException if the vocabulary lacks a channel token this prompt names
   */
  public int[] tokens(Vocabulary vocab) {
    java.util.List<Integer> ids = new java.util.ArrayList<>();
    ids.add(vocab.id(task.token()));
    if (eventType != null) {
      ids.add(vocab.id(eventType.token()));
    }
    if (property != null) {
      ids.add(vocab.id(property.token()));
      if (channel >= 0) {
        ids.add(vocab.channelId(channel));
      }
    }
    if (bins != null) {
      for (int b : bins) {
        ids.add(bins.length == 2 ? vocab.timeId(b) : vocab.locId(b));
      }
    }
    if (text != null) {
      for (int id : new Tokenizer(vocab).encode(text)) {
        ids.add(id);
      }
    }
    return ids.stream().mapToInt(Integer::intValue).toArray();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Prompt<?> p && p.task == task && p.text().equals(text());
  }

  @Override
  public int hashCode() {
    return Objects.hash(task.name(), text());
  }

  @Override
  public String toString() {
    return text() + (task.modality() == Modality.IMAGE ? " (image)" : "");
  }

  /** The channel, if any. */
  public OptionalInt channelIfAny() {
    return channel >= 0 ? OptionalInt.of(channel) : OptionalInt.empty();
  }
}
