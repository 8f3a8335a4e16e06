package io.florets.prompt;

import io.florets.prompt.grammar.Grammar;
import io.florets.prompt.grammar.GrammarConstraint;
import io.florets.prompt.grammar.Grammars;
import io.florets.prompt.readout.Readout;
import io.florets.prompt.serial.Extent;
import io.florets.prompt.serial.ImageSerializer;
import io.florets.prompt.serial.ReadoutParser;
import io.florets.prompt.serial.SeriesSerializer;
import io.florets.prompt.task.Prompt;
import io.florets.prompt.vocab.Tokenizer;
import io.florets.prompt.vocab.Vocabulary;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The output contract over one vocabulary, in one place: tokenizer, grammars, serializers and the
 * parser. What a model (and the facade) needs besides the engine. Immutable and thread-safe.
 */
public final class PromptHead {
  private final Vocabulary vocab;
  private final Tokenizer tokenizer;
  private final Grammars grammars;
  private final SeriesSerializer series;
  private final ImageSerializer images;
  private final ReadoutParser parser;

  private PromptHead(Vocabulary vocab) {
    this.vocab = Objects.requireNonNull(vocab, "vocab");
    this.tokenizer = new Tokenizer(vocab);
    this.grammars = new Grammars(vocab);
    this.series = new SeriesSerializer(vocab);
    this.images = new ImageSerializer(vocab);
    this.parser = new ReadoutParser(vocab);
  }

  /** The contract over {@code vocab}. */
  public static PromptHead of(Vocabulary vocab) {
    return new PromptHead(vocab);
  }

  /** This contract with class names added (existing token ids unchanged). */
  public PromptHead withClassNames(Collection<String> names) {
    return new PromptHead(vocab.withClassNames(names));
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

  /** Parses a decoded answer with its per-token log-probabilities (may be {@code null}). */
  public <R extends Readout> R parse(Prompt<R> prompt, int[] tokens, double[] logProbs, Extent extent) {
    return parser.parse(prompt, tokens, logProbs, extent);
  }
}
