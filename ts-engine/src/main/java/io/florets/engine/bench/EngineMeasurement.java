package io.florets.engine.bench;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /** Runs everything; {@code progress} receives one-line status messages. */
  public static Map<String, Object> run(Options o, Consumer<String> progress) {
    Map<String, Object> out = new LinkedHashMap<>();
    EngineConfig config = EngineConfig.preset(o.config());
    out.put("config", config.name());
    out.put("intraOpThreads", GradMode.intraOpThreads());
    progress.accept("matmul 2048x2048");
    out.put("matmulGflops", round(matmulGflops(2048, 5)));
    SeriesFrontEndConfig fec = SeriesFrontEndConfig.defaults(config.dModel());
    VocabSpec vocab = new VocabSpec(VOCAB, 0, 1, 2, "bench-vocab-" + VOCAB);
    double rssStart = rssMb();
    try (EngineModel<Window> model = EngineModel.create(config, SeriesFrontEnd.of(fec), vocab,
        o.seed())) {
      out.put("params", model.parameterCount());
      out.put("batch", o.batch());
      out.put("windowLength", o.windowLength());
      out.put("promptLength", o.promptLength());
      out.put("targetLength", o.targetLength());
      int patches = fec.patchesFor(o.windowLength());
      double flopsPerStep = 3 * FlopCount.forward(config, o.batch(), 2 + patches, patches,
          2 * fec.patchLength(), o.promptLength(), o.targetLength() + 1, VOCAB);
      out.put("flopsPerTrainStep", flopsPerStep);
      train(model, o, progress, out, flopsPerStep, rssStart);
      latency(model, o, progress, out);
      out.put("decodeOpsPerStep", FlopCount.opsPerCachedDecodeStep(config));
    }
    return out;
  }

  private static void train(EngineModel<Window> model, Options o, Consumer<String> progress,
      Map<String, Object> out, double flopsPerStep, double rssStart) {
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
    try (Trainer<Window> trainer = Trainer.builder(model, tc, source).listener(listener).build()) {
      trainer.fit();
      double seconds = (System.nanoTime() - timedStart[0]) / 1e9;
      long timedSteps = o.steps() - warmup;
      double sps = timedSteps > 0 ? timedSteps / seconds : Double.NaN;
      out.put("trainSteps", o.steps());
      out.put("trainStepsPerSecond", round(sps));
      out.put("trainTokensPerSecond", round(sps * o.batch() * (o.targetLength() + 1)));
      out.put("estimatedGflops", round(sps * flopsPerStep / 1e9));
      double mm = ((Number) out.get("matmulGflops")).doubleValue();
      out.put("fractionOfMatmulFlops", round(sps * flopsPerStep / 1e9 / mm));
      out.put("skippedSteps", trainer.skippedSteps());
      out.put("trainForwardBackwardMsPerStep", round(trainer.forwardBackwardMsPerStep()));
      out.put("trainUpdateMsPerStep", round(trainer.updateMsPerStep()));
    }
    out.put("rssMbStart", round(rssStart));
    double last = rss.get(rss.size() - 1)[1];
    out.put("rssMbAfterSteps", last);
    out.put("rssMbAfter1000Steps", o.steps() >= 1000 ? last : null);
    out.put("rssMbCurve", rss); // [step, process RSS MB, Java heap committed MB]
  }

  private static void latency(EngineModel<Window> model, Options o, Consumer<String> progress,
      Map<String, Object> out) {
    SplittableRandom r = new SplittableRandom(o.seed() + 1);
    List<Window> one = List.of(window(r, o.windowLength()));
    int[][] prompt = {randomIds(r, o.promptLength())};
    int eos = model.vocab().eosId();
    BitSet noEos = new BitSet();
    noEos.set(3, VOCAB);
    TokenConstraint exactLength = (item, prefix) -> noEos; // forces exactly maxLength tokens
    DecodeOptions cached = new DecodeOptions(1, o.targetLength(), exactLength, true);
    progress.accept("encode latency");
    out.put("encodeMsP50", round(p50(o.decodeRepeats(), () -> encodeOnce(model, one, prompt))));
    progress.accept("decode latency (cache)");
    out.put("decode32TokensMsP50", round(p50(o.decodeRepeats(), () -> {
      Decoded d = model.decode(one, prompt, cached).get(0);
      check(d, o.targetLength(), eos);
    })));
    progress.accept("decode latency (beam 3, cache)");
    out.put("decode32TokensBeam3MsP50", round(p50(Math.max(3, o.decodeRepeats() / 3), () ->
        check(model.decode(one, prompt, cached.withBeamSize(3)).get(0), o.targetLength(), eos))));
    progress.accept("decode latency (no cache)");
    out.put("decode32TokensMsNoCacheP50", round(p50(Math.max(3, o.decodeRepeats() / 3), () ->
        check(model.decode(one, prompt, cached.withCache(false)).get(0), o.targetLength(), eos))));
    List<Window> many = new ArrayList<>();
    int[][] prompts = new int[o.batch()][];
    for (int i = 0; i < o.batch(); i++) {
      many.add(window(r, o.windowLength()));
      prompts[i] = randomIds(r, o.promptLength());
    }
    progress.accept("batched decode latency");
    out.put("decode32TokensBatchMsP50", round(p50(3, () -> model.decode(many, prompts, cached))));
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
