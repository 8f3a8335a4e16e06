package io.florets.prompt.serial;

import io.florets.datasets.target.EventType;
import io.florets.datasets.target.Property;
import io.florets.datasets.target.SegmentLabel;
import io.florets.datasets.target.ShapeFacet;
import io.florets.prompt.readout.Alert;
import io.florets.prompt.readout.Boxes;
import io.florets.prompt.readout.Caption;
import io.florets.prompt.readout.Events;
import io.florets.prompt.readout.Label;
import io.florets.prompt.readout.Numeric;
import io.florets.prompt.readout.NumericProperties;
import io.florets.prompt.readout.Readout;
import io.florets.prompt.readout.Segments;
import io.florets.prompt.readout.ShapeTags;
import io.florets.prompt.task.Prompt;
import io.florets.prompt.task.Task;
import io.florets.prompt.task.Tasks;
import io.florets.prompt.vocab.NumberCodec;
import io.florets.prompt.vocab.Quantizer;
import io.florets.prompt.vocab.TokenGroup;
import io.florets.prompt.vocab.Tokenizer;
import io.florets.prompt.vocab.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Parses answer tokens into typed readouts. Positions come back as bin centres in samples of the
 * window (or pixels of the image) of the given {@link Extent}.
 *
 * <p>Confidences: given per-token log-probabilities (natural log, one per answer token, aligned with
 * {@code tokens}), an item's confidence is {@code exp(mean log-prob of its tokens)} (channel token
 * included); the head of {@code <ALERT>} uses its one token; without log-probabilities every
 * confidence is 1.0. A leading {@code <s>} is skipped, parsing stops at {@code </s>} (or the end).
 * Immutable and thread-safe.
 */
public final class ReadoutParser {
  private final Vocabulary vocab;
  private final Tokenizer tokenizer;

  /** A parser over {@code vocab}. */
  public ReadoutParser(Vocabulary vocab) {
    this.vocab = Objects.requireNonNull(vocab, "vocab");
    this.tokenizer = new Tokenizer(vocab);
  }

  /** Parses ground-truth tokens (confidence 1.0). */
  public <R extends Readout> R parse(Prompt<R> prompt, int[] tokens, Extent extent) {
    return parse(prompt, tokens, null, extent);
  }

  /**
   * Parses an answer.
   *
   * @param prompt the prompt that was asked
   * @param tokens answer ids (optionally starting with {@code <s>}, ending at {@code </s>})
   * @param logProbs per-token log-probabilities aligned with {@code tokens}, or {@code null}
   * @param extent the window length or image size
   * @throws IllegalArgumentException if the tokens do not follow the task's grammar (never for
   *     answers decoded under that grammar), or for {@code <EMBED>}, which is not decoded
   */
  public <R extends Readout> R parse(Prompt<R> prompt, int[] tokens, double[] logProbs, Extent extent) {
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(extent, "extent");
    if (logProbs != null && logProbs.length != tokens.length) {
      throw new IllegalArgumentException("need one log-probability per token: " + logProbs.length + " for "
          + tokens.length + " tokens");
    }
    TokenCursor c = new TokenCursor(vocab, tokens, logProbs, prompt.text());
    Readout r = dispatch(prompt, c, extent);
    c.expectEnd();
    return prompt.task().readoutType().cast(r);
  }

  private Readout dispatch(Prompt<?> prompt, TokenCursor c, Extent extent) {
    Task<?> t = prompt.task();
    if (t == Tasks.CLASSIFY || t == Tasks.IMAGE_CLASSIFY) {
      int at = c.pos();
      int id = c.take(TokenGroup.CLASS_NAME, "a class name");
      return new Label(vocab.token(id), c.confidence(at));
    }
    if (t == Tasks.REGION_TO_CATEGORY) {
      int at = c.pos();
      int end = c.wordsEnd(TokenGroup.WORD);
      if (end == at) {
        c.fail("a category label");
      }
      c.seek(end);
      return new Label(tokenizer.decode(c.tokens(), at, end), c.confidence(at));
    }
    if (t.readoutType() == Caption.class) {
      int at = c.pos();
      int end = c.textEnd();
      if (end == at) {
        c.fail("text");
      }
      c.seek(end);
      String text = tokenizer.decode(c.tokens(), at, end);
      if (text.isBlank()) {
        c.fail("non-blank text");
      }
      return new Caption(text, c.confidence(at));
    }
    if (t == Tasks.SHAPE) {
      List<ShapeTags.Tag> tags = new ArrayList<>();
      while (!c.atEnd()) {
        int at = c.pos();
        int ch = c.channel();
        ShapeFacet f = ShapeFacet.fromToken(vocab.token(c.take(TokenGroup.FACET, "a shape facet"))).orElseThrow();
        int v = c.take(TokenGroup.FACET_VALUE, "a value of facet " + f.token());
        if (!f.allowed().contains(vocab.token(v))) {
          c.failAt(at, "a value of facet " + f.token());
        }
        tags.add(new ShapeTags.Tag(f, vocab.token(v), ch, c.confidence(at)));
      }
      return new ShapeTags(tags);
    }
    if (t == Tasks.PROPERTIES) {
      List<Numeric> values = new ArrayList<>();
      while (!c.atEnd()) {
        int at = c.pos();
        int ch = c.channel();
        Property p = Property.fromToken(vocab.token(c.take(TokenGroup.PROPERTY, "a property"))).orElseThrow();
        values.add(new Numeric(p, c.number(), ch, c.confidence(at)));
      }
      return new NumericProperties(values);
    }
    if (t == Tasks.PROPERTY) {
      int at = c.pos();
      double v = c.number();
      return new Numeric(prompt.property().orElseThrow(), v, prompt.channel(), c.confidence(at));
    }
    if (t == Tasks.EVENTS || t == Tasks.EVENTS_OF) {
      return new Events(events(c, extent, prompt.eventType().orElse(null), TokenGroup.EVENT_TYPE));
    }
    if (t == Tasks.ALERT) {
      int at = c.pos();
      int head = c.take(TokenGroup.WORD, "normal or abnormal");
      double conf = c.confidence(at);
      if (head == vocab.id("normal")) {
        return new Alert(false, conf, List.of());
      }
      if (head != vocab.id("abnormal")) {
        c.failAt(at, "normal or abnormal");
      }
      return new Alert(true, conf, events(c, extent, null, TokenGroup.EVENT_TYPE));
    }
    if (t == Tasks.SEGMENTS) {
      List<Segments.Item> items = new ArrayList<>();
      while (!c.atEnd()) {
        int at = c.pos();
        int ch = c.channel();
        SegmentLabel l = SegmentLabel.fromToken(vocab.token(c.take(TokenGroup.SEGMENT_LABEL, "a segment label")))
            .orElseThrow();
        double[] span = c.span(extent.width());
        items.add(new Segments.Item(l, span[0], span[1], ch, c.confidence(at)));
      }
      return new Segments(items);
    }
    if (t == Tasks.OD || t == Tasks.CAPTION_TO_PHRASE_GROUNDING) {
      List<Boxes.Box> boxes = new ArrayList<>();
      while (!c.atEnd()) {
        int at = c.pos();
        int end = c.wordsEnd(TokenGroup.WORD);
        if (end == at) {
          c.fail("a box label");
        }
        c.seek(end);
        String label = tokenizer.decode(c.tokens(), at, end);
        double[] box = c.box(extent);
        boxes.add(new Boxes.Box(label, box[0], box[1], box[2], box[3], c.confidence(at)));
      }
      return new Boxes(boxes);
    }
    throw new IllegalArgumentException("task " + t.token() + " (" + t.name() + ") is answered by the engine as a "
        + t.readoutType().getSimpleName() + ", not decoded from tokens");
  }

  private List<Events.Item> events(TokenCursor c, Extent extent, EventType fixed, TokenGroup typeGroup) {
    List<Events.Item> items = new ArrayList<>();
    while (!c.atEnd()) {
      int at = c.pos();
      int ch = c.channel();
      EventType type = fixed != null ? fixed
          : EventType.fromToken(vocab.token(c.take(typeGroup, "an event type"))).orElseThrow();
      double[] span = c.span(extent.width());
      items.add(new Events.Item(type, span[0], span[1], ch, c.confidence(at)));
    }
    // answers are decoded type by type; a reader wants them in time order
    items.sort(java.util.Comparator.comparingDouble(Events.Item::start)
        .thenComparingDouble(Events.Item::end));
    return items;
  }

  /** Decodes a number written by {@link NumberCodec} (exposed for callers that parse partial answers). */
  public double number(int[] tokens, int from) {
    return NumberCodec.decode(tokens, from, vocab).value();
  }

  /** The bin centre of {@code <t_q>} in a window of {@code length} samples. */
  public static double timePosition(int q, int length) {
    return Quantizer.dequantize(q, length);
  }
}
