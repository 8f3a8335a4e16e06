package io.florets.bench;

import io.florets.prompt.vocab.Tokenizer;
import io.florets.prompt.vocab.Vocabulary;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The standard tokenizer on a typical answer: events with time tokens, then a caption. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TokenizerBenchmark {

  /** A typical decoded sequence: three events and a one-sentence caption. */
  static final String TEXT = "<EVENTS>spike_up<t_120><t_124>level_shift<t_500><t_512>spike_down<t_873><t_875>"
      + " The series rises steadily with a daily cycle, and one spike stands out near the middle.";

  private Tokenizer tokenizer;
  private int[] ids;

  /** Builds the standard vocabulary and encodes the text once. */
  @Setup
  public void setUp() {
    tokenizer = new Tokenizer(Vocabulary.standard());
    ids = tokenizer.encode(TEXT);
  }

  /** Text to ids. */
  @Benchmark
  public int[] encode() {
    return tokenizer.encode(TEXT);
  }

  /** Ids to text. */
  @Benchmark
  public String decode() {
    return tokenizer.decode(ids);
  }
}
