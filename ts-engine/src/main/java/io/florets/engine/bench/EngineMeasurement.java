package io.florets.engine.bench;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import io.florets.datasets.Window;
import io.florets.engine.EngineConfig;
import io.florets.engine.EngineModel;
import io.florets.engine.FrontEndBatch;
import io.florets.engine.GradMode;
import io.florets.engine.VocabSpec;
import io.florets.engine.decode.DecodeOptions;
import io.florets.engine.decode.Decoded;
import io.florets.engine.decode.TokenConstraint;
import io.florets.engine.series.SeriesFrontEnd;
import io.florets.engine.series.SeriesFrontEndConfig;
import io.florets.engine.train.BatchSource;
import io.florets.engine.train.TrainConfig;
import io.florets.engine.train.Trainer;
import io.florets.engine.train.TrainingBatch;
import io.florets.engine.train.TrainingListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Measures the engine on synthetic data: a 2048&times;2048 matmul as the FLOP/s yardstick,
 * training throughput and the model FLOP/s it implies ({@link FlopCount}), resident memory over the
 * run, encoder latency, and the latency of decoding 32 tokens for one window with and without the
 * key/value cache. Every figure is measured in the calling process.
 */
public final class EngineMeasurement {
  /** Vocabulary size used by the benchmark (about the size of the project's tokenizer). */
  public static final int VOCAB = 1300;

  private EngineMeasurement() {
  }

  /**
   * Settings.
   *
   * @param config engine preset name
   * @param steps training steps (the RSS figure is taken after them)
   * @param batch windows per step
   * @param windowLength samples per window
   * @param promptLength prompt tokens
   * @param targetLength target tokens (EOS added)
   * @param decodeRepeats timed repetitions of each decode
   * @param seed seed of data and model
   */
  public record Options(String config, int steps, int batch, int windowLength, int promptLength,
      int targetLength, int decodeRepeats, long seed) {
    /** The setting: small, 1000 steps, batch 32, window 256, prompt 4, target 32. */
    public static Options defaults() {
      return new Options("small", 1000, 32, 256, 4, 32, 30, 7);
    }
  }

  /**
   * What {@link #run} measured, in the order {@code florets bench engine --json} prints it.
   *
   * @param config engine preset name
   * @param intraOpThreads PyTorch intra-op threads
   * @param matmulGflops GFLOP/s of a 2048&times;2048 float matmul (the yardstick)
   * @param params model parameters
   * @param batch windows per training step
   * @param windowLength samples per window
   * @param promptLength prompt tokens
   * @param targetLength target tokens
   * @param flopsPerTrainStep model FLOPs of one training step (forward and backward)
   * @param train the training figures
   * @param latency the encode and decode latencies
   * @param decodeOpsPerStep PyTorch operations per cached decode step
   */
  @JsonPropertyOrder({"config", "intraOpThreads", "matmulGflops", "params", "batch",
      "windowLength", "promptLength", "targetLength", "flopsPerTrainStep"})
  public record Figures(String config, int intraOpThreads, double matmulGflops, long params,
      int batch, int windowLength, int promptLength, int targetLength, double flopsPerTrainStep,
      @JsonUnwrapped Training train, @JsonUnwrapped Latency latency, int decodeOpsPerStep) {
  }

  /**
   * Training throughput and memory.
   *
   * @param trainSteps steps run
   * @param trainStepsPerSecond steps per second after the warm-up steps
   * @param trainTokensPerSecond target tokens per second
   * @param estimatedGflops model GFLOP/s the step rate implies
   * @param fractionOfMatmulFlops {@code estimatedGflops / matmulGflops}
   * @param skippedSteps steps skipped on non-finite gradients
   * @param trainForwardBackwardMsPerStep milliseconds per step in forward and backward
   * @param trainUpdateMsPerStep milliseconds per step in the optimiser update
   * @param rssMbStart process RSS before the model was made, MB
   * @param rssMbAfterSteps process RSS after the last step, MB
   * @param rssMbAfter1000Steps as {@code rssMbAfterSteps} when 1000 or more steps ran, else null
   * @param rssMbCurve rows of [step, process RSS MB, Java heap committed MB]
   */
  public record Training(long trainSteps, double trainStepsPerSecond, double trainTokensPerSecond,
      double estimatedGflops, double fractionOfMatmulFlops, long skippedSteps,
      double trainForwardBackwardMsPerStep, double trainUpdateMsPerStep, double rssMbStart,
      double rssMbAfterSteps, Double rssMbAfter1000Steps, List<double[]> rssMbCurve) {
    /** Copies the curve. */
    public Training {
      rssMbCurve = List.copyOf(rssMbCurve);
    }
  }

  /**
   * Median latencies in milliseconds.
   *
   * @param encodeMsP50 encoding one window
   * @param decode32TokensMsP50 decoding 32 tokens greedily with the key/value cache
   * @param decode32TokensBeam3MsP50 the same with beam 3
   * @param decode32TokensMsNoCacheP50 greedy without the cache
   * @param decode32TokensBatchMsP50 greedy for a whole batch of windows
   */
  public record Latency(double encodeMsP50, double decode32TokensMsP50,
      double decode32TokensBeam3MsP50, double decode32TokensMsNoCacheP50,
      double decode32TokensBatchMsP50) {
  }

  /** Runs everything; {@code progress} receives one-line status messages. */
  public static Figures run(Options o, Consumer<String> progress) {
    EngineConfig config = EngineConfig.preset(o.config());
    int threads = GradMode.intraOpThreads();
    progress.accept("matmul 2048x2048");
    double matmul = round(matmulGflops(2048, 5));
    SeriesFrontEndConfig fec = SeriesFrontEndConfig.defaults(config.dModel());
    VocabSpec vocab = new VocabSpec(VOCAB, 0, 1, 2, "bench-vocab-" + VOCAB);
    double rssStart = rssMb();
    try (EngineModel<Window> model = EngineModel.create(config, SeriesFrontEnd.of(fec), vocab,
        o.seed())) {
      int patches = fec.patchesFor(o.windowLength());
      double flopsPerStep = 3 * FlopCount.forward(config, o.batch(), 2 + patches, patches,
          2 * fec.patchLength(), o.promptLength(), o.targetLength() + 1, VOCAB);
      Training t = train(model, o, progress, matmul, flopsPerStep, rssStart);
      Latency l = latency(model, o, progress);
      return new Figures(config.name(), threads, matmul, model.parameterCount(), o.batch(),
          o.windowLength(), o.promptLength(), o.targetLength(), flopsPerStep, t, l,
          FlopCount.opsPerCachedDecodeStep(config));
    }
  }

  private static Training train(EngineModel<Window> model, Options o, Consumer<String> progress,
      double matmulGflops, double flopsPerStep, double rssStart) {
    BatchSource<Window> source = syntheticSource(o);
    TrainConfig tc = TrainConfig.builder(o.steps()).learningRate(1e-3).validateEvery(0)
        .seed(o.seed()).logEvery(Math.max(1, o.steps() / 10)).build();
    int warmup = Math.min(10, Math.max(1, o.steps() / 10));
    List<double[]> rss = new ArrayList<>();
    rss.add(new double[] {0, round(rssMb()), round(heapMb())});
    long every = Math.max(1, o.steps() / 10);
    long[] timedStart = new long[1];
    TrainingListener listener = new TrainingListener() {
      @Override
      public void onStep(StepMetrics m) {
        if (m.step() == warmup) {
          timedStart[0] = System.nanoTime();
        }
        if (m.step() % every == 0 || m.step() == o.steps()) {
          rss.add(new double[] {m.step(), round(rssMb()), round(heapMb())});
          progress.accept("train step " + m.step() + "/" + o.steps() + " loss "
              + String.format("%.3f", m.loss()));
        }
      }
    };
    double sps;
    long skipped;
    double fwdBwd;
    double update;
    try (Trainer<Window> trainer = Trainer.builder(model, tc, source).listener(listener).build()) {
      trainer.fit();
      double seconds = (System.nanoTime() - timedStart[0]) / 1e9;
      long timedSteps = o.steps() - warmup;
      sps = timedSteps > 0 ? timedSteps / seconds : Double.NaN;
      skipped = trainer.skippedSteps();
      fwdBwd = trainer.forwardBackwardMsPerStep();
      update = trainer.updateMsPerStep();
    }
    double last = rss.get(rss.size() - 1)[1];
    return new Training(o.steps(), round(sps), round(sps * o.batch() * (o.targetLength() + 1)),
        round(sps * flopsPerStep / 1e9), round(sps * flopsPerStep / 1e9 / matmulGflops), skipped,
        round(fwdBwd), round(update), round(rssStart), last, o.steps() >= 1000 ? last : null, rss);
  }

  private static Latency latency(EngineModel<Window> model, Options o, Consumer<String> progress) {
    SplittableRandom r = new SplittableRandom(o.seed() + 1);
    List<Window> one = List.of(window(r, o.windowLength()));
    int[][] prompt = {randomIds(r, o.promptLength())};
    int eos = model.vocab().eosId();
    BitSet noEos = new BitSet();
    noEos.set(3, VOCAB);
    TokenConstraint exactLength = (item, prefix) -> noEos; // forces exactly maxLength tokens
    DecodeOptions cached = new DecodeOptions(1, o.targetLength(), exactLength, true);
    progress.accept("encode latency");
    double encode = round(p50(o.decodeRepeats(), () -> encodeOnce(model, one, prompt)));
    progress.accept("decode latency (cache)");
    double greedy = round(p50(o.decodeRepeats(), () -> {
      Decoded d = model.decode(one, prompt, cached).get(0);
      check(d, o.targetLength(), eos);
    }));
    progress.accept("decode latency (beam 3, cache)");
    double beam = round(p50(Math.max(3, o.decodeRepeats() / 3), () ->
        check(model.decode(one, prompt, cached.withBeamSize(3)).get(0), o.targetLength(), eos)));
    progress.accept("decode latency (no cache)");
    double noCache = round(p50(Math.max(3, o.decodeRepeats() / 3), () ->
        check(model.decode(one, prompt, cached.withCache(false)).get(0), o.targetLength(), eos)));
    List<Window> many = new ArrayList<>();
    int[][] prompts = new int[o.batch()][];
    for (int i = 0; i < o.batch(); i++) {
      many.add(window(r, o.windowLength()));
      prompts[i] = randomIds(r, o.promptLength());
    }
    progress.accept("batched decode latency");
    double batch = round(p50(3, () -> model.decode(many, prompts, cached)));
    return new Latency(encode, greedy, beam, noCache, batch);
  }

  private static void check(Decoded d, int length, int eos) {
    if (d.tokens().length != length) {
      throw new IllegalStateException("benchmark decode produced " + d.tokens().length
          + " tokens, expected " + length + " (eos " + eos + ")");
    }
  }

  private static void encodeOnce(EngineModel<Window> model, List<Window> ws, int[][] prompts) {
    boolean prev = GradMode.off();
    FrontEndBatch b = model.prepare(ws, prompts);
    try (NDManager m = model.manager().newSubManager(); NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      model.encodeForInference(m, b, prompts).memory().getFloat(0, 0, 0);
    } finally {
      GradMode.restore(prev);
    }
  }

  /** Median wall time in ms of {@code n} runs after one warm-up run. */
  static double p50(int n, Runnable r) {
    r.run();
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      long s = System.nanoTime();
      r.run();
      t[i] = (System.nanoTime() - s) / 1e6;
    }
    Arrays.sort(t);
    return n % 2 == 1 ? t[n / 2] : 0.5 * (t[n / 2 - 1] + t[n / 2]);
  }

  /** GFLOP/s of an n&times;n float matmul (median of {@code reps} after a warm-up). */
  public static double matmulGflops(int n, int reps) {
    Engine.getInstance();
    boolean prev = GradMode.off();
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray a = m.randomNormal(new Shape(n, n));
      NDArray b = m.randomNormal(new Shape(n, n));
      double ms = p50(reps, () -> {
        try (NDArray c = a.matMul(b)) {
          c.getFloat(0, 0);
        }
      });
      return 2.0 * n * n * n / (ms / 1e3) / 1e9;
    } finally {
      GradMode.restore(prev);
    }
  }

  private static BatchSource<Window> syntheticSource(Options o) {
    return step -> {
      SplittableRandom r = new SplittableRandom(o.seed() * 31 + step);
      List<Window> ws = new ArrayList<>(o.batch());
      int[][] p = new int[o.batch()][];
      int[][] t = new int[o.batch()][];
      for (int i = 0; i < o.batch(); i++) {
        ws.add(window(r, o.windowLength()));
        p[i] = randomIds(r, o.promptLength());
        t[i] = randomIds(r, o.targetLength());
      }
      return new TrainingBatch<>(ws, p, t);
    };
  }

  private static Window window(SplittableRandom r, int length) {
    float[] x = new float[length];
    double level = 0;
    for (int i = 0; i < length; i++) {
      level += 0.1 * r.nextGaussian();
      x[i] = (float) (level + Math.sin(i * 0.2) + 0.2 * r.nextGaussian());
    }
    return Window.of(x);
  }

  private static int[] randomIds(SplittableRandom r, int n) {
    int[] ids = new int[n];
    for (int i = 0; i < n; i++) {
      ids[i] = 3 + r.nextInt(VOCAB - 3);
    }
    return ids;
  }

  /** Resident set size of this process in MB (Linux /proc), NaN elsewhere. */
  public static double rssMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return Double.NaN;
    }
    return Double.NaN;
  }

  /** Committed Java heap in MB (part of the RSS that grows while the JVM sizes its heap). */
  static double heapMb() {
    return Runtime.getRuntime().totalMemory() / (1024.0 * 1024.0);
  }

  private static double round(double v) {
    return Double.isFinite(v) ? Math.round(v * 100) / 100.0 : v;
  }
}
