package io.florets.prompt;

import io.florets.prompt.grammar.CaptionLexicon;
import io.florets.prompt.grammar.Grammar;
import io.florets.prompt.grammar.GrammarConstraint;
import io.florets.prompt.grammar.Grammars;
import io.florets.prompt.readout.Readout;
import io.florets.prompt.serial.Extent;
import io.florets.prompt.serial.ImageSerializer;
import io.florets.prompt.serial.ReadoutParser;
import io.florets.prompt.serial.SeriesSerializer;
import io.florets.prompt.task.Prompt;
import io.florets.prompt.task.Tasks;
import io.florets.prompt.vocab.Tokenizer;
import io.florets.prompt.vocab.Vocabulary;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The output contract over one vocabulary, in one place: tokenizer, grammars, serializers and the
 * parser. What a model (and the facade) needs besides the engine.
 *
 * <p>Region descriptions are always written in the words of the region descriptions the serializer
 * writes ({@link SeriesSerializer#regionLexicon}). Series captions ({@code <CAPTION>},
 * {@code <DETAILED_CAPTION>}) are free text unless the head has a {@link #withCaptionLexicon caption
 * lexicon}; with one, the model can only answer whole words of it, and a training caption with any
 * other word gives no training pair. Image captions stay free text. Immutable and thread-safe.
 */
public final class PromptHead {
  private final Vocabulary vocab;
  private final Tokenizer tokenizer;
  private final Grammars grammars;
  private final SeriesSerializer series;
  private final ImageSerializer images;
  private final ReadoutParser parser;
  private final CaptionLexicon captionLexicon;

  private PromptHead(Vocabulary vocab, CaptionLexicon captionLexicon) {
    this.vocab = Objects.requireNonNull(vocab, "vocab");
    this.captionLexicon = captionLexicon;
    this.tokenizer = new Tokenizer(vocab);
    Grammars g = new Grammars(vocab).withLexicon(Tasks.REGION_TO_DESCRIPTION,
        SeriesSerializer.regionLexicon(vocab.channels()));
    if (captionLexicon != null) {
      g = g.withLexicon(Tasks.CAPTION, captionLexicon).withLexicon(Tasks.DETAILED_CAPTION, captionLexicon);
    }
    this.grammars = g;
    this.series = new SeriesSerializer(g);
    this.images = new ImageSerializer(vocab);
    this.parser = new ReadoutParser(vocab);
  }

  /** The contract over {@code vocab}, with free-text series captions. */
  public static PromptHead of(Vocabulary vocab) {
    return new PromptHead(vocab, null);
  }

  /**
   * This contract with series captions written in {@code lexicon}'s words only (e.g. the caption
   * composer's word list, which the data engine's captions are written in).
   *
   * @throws IllegalArgumentException if a lexicon word is neither a vocabulary token nor spellable
   */
  public PromptHead withCaptionLexicon(CaptionLexicon lexicon) {
    return new PromptHead(vocab, Objects.requireNonNull(lexicon, "lexicon"));
  }

  /** The lexicon of series captions, if the captions are not free text. */
  public Optional<CaptionLexicon> captionLexicon() {
    return Optional.ofNullable(captionLexicon);
  }

  /** This contract with class names added (existing token ids unchanged). */
  public PromptHead withClassNames(Collection<String> names) {
    return new PromptHead(vocab.withClassNames(names), captionLexicon);
  }

  /** The vocabulary. */
  public Vocabulary vocabulary() {
    return vocab;
  }

  /** The tokenizer. */
  public Tokenizer tokenizer() {
    return tokenizer;
  }

  /** The grammars. */
  public Grammars grammars() {
    return grammars;
  }

  /** The series serializer (targets to training pairs). */
  public SeriesSerializer series() {
    return series;
  }

  /** The image serializer. */
  public ImageSerializer images() {
    return images;
  }

  /** The readout parser. */
  public ReadoutParser parser() {
    return parser;
  }

  /** The encoder-side ids of a prompt (task token and arguments; no {@code <s>}). */
  public int[] promptTokens(Prompt<?> prompt) {
    return prompt.tokens(vocab);
  }

  /** The grammar of a prompt's answer. */
  public Grammar grammar(Prompt<?> prompt) {
    return grammars.forPrompt(prompt);
  }

  /**
   * A decoder constraint for a batch: row {@code i} follows the grammar of {@code prompts.get(i)}.
   * Use {@code constraint::allowed} where the engine takes a {@code (row, prefix) -> BitSet} callback.
   */
  public GrammarConstraint constraint(List<? extends Prompt<?>> prompts) {
    return GrammarConstraint.of(prompts.stream().map(grammars::forPrompt).toList());
  }

  /**
   * A decoder constraint for a batch decoded with at most {@code maxLength} tokens per answer
   * ({@code </s>} included): text answers end within it (see {@link Grammars#forPrompt(Prompt, int)}).
   */
  public GrammarConstraint constraint(List<? extends Prompt<?>> prompts, int maxLength) {
    return GrammarConstraint.of(prompts.stream().map(p -> grammars.forPrompt(p, maxLength)).toList());
  }

  /** Parses a decoded answer with its per-token log-probabilities (may be {@code null}). */
  public <R extends Readout> R parse(Prompt<R> prompt, int[] tokens, double[] logProbs, Extent extent) {
    return parser.parse(prompt, tokens, logProbs, extent);
  }
}
