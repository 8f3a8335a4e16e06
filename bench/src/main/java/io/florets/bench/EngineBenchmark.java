package io.florets.bench;

import io.florets.datasets.Window;
import io.florets.engine.EngineConfig;
import io.florets.engine.EngineModel;
import io.florets.engine.FrontEndBatch;
import io.florets.engine.VocabSpec;
import io.florets.engine.decode.DecodeOptions;
import io.florets.engine.decode.Decoded;
import io.florets.engine.decode.TokenConstraint;
import io.florets.engine.series.SeriesFrontEnd;
import io.florets.engine.series.SeriesFrontEndConfig;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The time-series engine on one 256-sample window with a freshly initialised model of the given
 * preset: the front end's host preparation, encoding plus one greedy decode step, and 32 greedy
 * steps (EOS masked so every run decodes exactly 32 tokens).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EngineBenchmark {

  /** Model preset ({@link EngineConfig#preset(String)}). */
  @Param({"small"})
  public String config;

  private static final int VOCAB_SIZE = 1200;

  private EngineModel<Window> model;
  private List<Window> windows;
  private int[][] prompts;
  private DecodeOptions oneStep;
  private DecodeOptions thirtyTwo;

  /** Creates the model (seed 1) and the window. */
  @Setup
  public void setUp() {
    EngineConfig c = EngineConfig.preset(config);
    VocabSpec vocab = new VocabSpec(VOCAB_SIZE, 0, 1, 2, "bench-" + VOCAB_SIZE);
    model = EngineModel.create(c, SeriesFrontEnd.of(SeriesFrontEndConfig.defaults(c.dModel())), vocab, 1);
    SplittableRandom r = new SplittableRandom(5);
    float[] x = new float[256];
    for (int t = 0; t < x.length; t++) {
      x[t] = (float) (Math.sin(t / 6.0) + 0.2 * r.nextGaussian());
    }
    windows = List.of(Window.of(x));
    prompts = new int[][] {{5, 6, 7}};
    BitSet noEos = new BitSet();
    noEos.set(3, VOCAB_SIZE);
    TokenConstraint neverEnd = (item, prefix) -> noEos;
    oneStep = DecodeOptions.greedy(1).withConstraint(neverEnd);
    thirtyTwo = DecodeOptions.greedy(Math.min(32, c.maxTargetLength())).withConstraint(neverEnd);
  }

  /** Closes the model and its native memory. */
  @TearDown
  public void tearDown() {
    model.close();
  }

  /** Host-side front end: patching and scaling of one window. */
  @Benchmark
  public FrontEndBatch frontEndPrepare() {
    return model.prepare(windows, prompts);
  }

  /** Encode one window and decode one token. */
  @Benchmark
  public List<Decoded> encodeAndOneDecodeStep() {
    return model.decode(windows, prompts, oneStep);
  }

  /** Encode one window and decode 32 tokens greedily (with the KV cache). */
  @Benchmark
  public List<Decoded> encodeAndDecode32() {
    return model.decode(windows, prompts, thirtyTwo);
  }
}
