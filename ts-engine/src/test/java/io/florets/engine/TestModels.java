package io.florets.engine;

import io.florets.datasets.Window;
import io.florets.engine.series.SeriesFrontEnd;
import io.florets.engine.series.SeriesFrontEndConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Shared fixtures: a toy vocabulary, tiny models and random windows. */
public final class TestModels {
  /** 40 ids: 0 pad, 1 bos, 2 eos, 3.. free. */
  public static final VocabSpec VOCAB = new VocabSpec(40, 0, 1, 2, "test-vocab-40");

  private TestModels() {
  }

  /** A tiny model over a series front end with patch 8. */
  public static EngineModel<Window> tiny(long seed) {
    EngineConfig c = EngineConfig.tiny();
    return EngineModel.create(c, SeriesFrontEnd.of(new SeriesFrontEndConfig(c.dModel(), 8, 8, 64, 4)),
        VOCAB, seed);
  }

  /**
   * A tiny model with the location pointer over ids 10..29 (20 bins), optionally the type scores
   * over ids 30..33 and the patch perceptron.
   */
  public static EngineModel<Window> tinyPointer(boolean typeScores, boolean patchMlp, long seed) {
    return tinyPointer(typeScores, patchMlp, false, seed);
  }

  /** {@link #tinyPointer(boolean, boolean, long)}, optionally with the stuck-sample features. */
  public static EngineModel<Window> tinyPointer(boolean typeScores, boolean patchMlp,
      boolean stuck, long seed) {
    EngineConfig c = EngineConfig.tiny();
    SeriesFrontEndConfig f = new SeriesFrontEndConfig(c.dModel(), 8, 8, 64, 4, true)
        .withStats(true).withPointer(10, 20).withPatchMlp(patchMlp)
        .withTypeScores(typeScores ? 30 : 0, typeScores ? 4 : 0).withStuck(stuck);
    return EngineModel.create(c, SeriesFrontEnd.of(f), VOCAB, seed);
  }

  /**
   * A vocabulary of 1,300 ids whose ids 40..1239 are the magnitude bins of numbers and 3, 4, 5
   * their zero, positive and negative sign tokens.
   */
  public static final VocabSpec NUMBER_VOCAB = new VocabSpec(1300, 0, 1, 2, "test-vocab-1300", 40,
      io.florets.engine.MagnitudeBins.BINS, new int[] {3, 4, 5});

  /**
   * A tiny model over {@link #NUMBER_VOCAB} with the pointer over ids 10..29, type scores over
   * ids 30..33, the stuck-sample features and, optionally, the number copy and the noise scores.
   */
  public static EngineModel<Window> tinyNumbers(boolean copy, long seed) {
    EngineConfig c = EngineConfig.tiny();
    SeriesFrontEndConfig f = new SeriesFrontEndConfig(c.dModel(), 8, 8, 64, 4, true)
        .withStats(true).withPointer(10, 20).withTypeScores(30, 4).withStuck(true)
        .withNumberCopy(copy).withCopySigns(copy).withNoiseScores(copy);
    return EngineModel.create(c, SeriesFrontEnd.of(f), NUMBER_VOCAB, seed);
  }

  /** A tiny model whose series front end cuts patches of {@code patch} samples. */
  public static EngineModel<Window> tinyPatch(int patch, long seed) {
    EngineConfig c = EngineConfig.tiny();
    return EngineModel.create(c,
        SeriesFrontEnd.of(new SeriesFrontEndConfig(c.dModel(), patch, patch, 64, 4, true)), VOCAB, seed);
  }

  /** Random univariate windows of the given length. */
  public static List<Window> windows(int n, int length, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Window> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      float[] x = new float[length];
      for (int t = 0; t < length; t++) {
        x[t] = (float) r.nextGaussian();
      }
      out.add(Window.of(x));
    }
    return out;
  }

  /**
   * Random univariate windows of the given length, each with a run of 7 repeated values at a
   * random place (what the stuck-sample features mark).
   */
  public static List<Window> windowsWithRuns(int n, int length, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Window> out = new ArrayList<>();
    for (Window w : windows(n, length, seed)) {
      float[] x = w.channel(0).clone();
      int at = 1 + r.nextInt(length - 8);
      for (int t = at; t < at + 6; t++) {
        x[t] = x[at - 1];
      }
      out.add(Window.of(x));
    }
    return out;
  }

  /** The same prompt for n rows. */
  public static int[][] prompts(int n, int... ids) {
    int[][] p = new int[n][];
    for (int i = 0; i < n; i++) {
      p[i] = ids.clone();
    }
    return p;
  }

  /**
   * The tensor that the front end of {@code on} adds to that of {@code off} on two windows of 40
   * samples, after asserting that it adds exactly one, last.
   */
  public static HostTensor addedTensor(SeriesFrontEndConfig off, SeriesFrontEndConfig on) {
    List<Window> ws = windows(2, 40, 3);
    FrontEndBatch a = SeriesFrontEnd.of(off).prepare(ws);
    FrontEndBatch b = SeriesFrontEnd.of(on).prepare(ws);
    org.junit.jupiter.api.Assertions.assertEquals(a.tensors().size() + 1, b.tensors().size());
    return b.tensors().get(b.tensors().size() - 1);
  }

  /**
   * Grows a tiny model whose front end is {@code source} into one whose front end is {@code grown}
   * (its new parts zero, every other weight copied), asserts that both decode alike ({@link
   * #assertDecodesAlike}) and returns the names of the parameters the source did not have. Both
   * configurations need the tiny engine's {@code dModel}.
   */
  public static List<String> grownFreshParameters(SeriesFrontEndConfig source,
      SeriesFrontEndConfig grown) {
    EngineConfig c = EngineConfig.tiny();
    try (EngineModel<Window> s = EngineModel.create(c, SeriesFrontEnd.of(source), VOCAB, 4);
        EngineModel<Window> g = EngineModel.create(c, SeriesFrontEnd.of(grown), VOCAB, 5)) {
      List<String> fresh = g.copyMatchingFrom(s);
      assertDecodesAlike(s, g);
      return fresh;
    }
  }

  /**
   * Asserts that {@code grown} (given new zero-initialised parts and every other weight of
   * {@code source}) decodes three random windows exactly as {@code source} does, token for token
   * and with the same log-probabilities.
   */
  public static void assertDecodesAlike(EngineModel<Window> source, EngineModel<Window> grown) {
    List<Window> ws = windows(3, 48, 6);
    int[][] p = prompts(3, 5, 8);
    io.florets.engine.decode.DecodeOptions o = new io.florets.engine.decode.DecodeOptions(1, 8,
        io.florets.engine.decode.TokenConstraint.NONE, true);
    List<io.florets.engine.decode.Decoded> x = source.decode(ws, p, o);
    List<io.florets.engine.decode.Decoded> y = grown.decode(ws, p, o);
    for (int i = 0; i < ws.size(); i++) {
      org.junit.jupiter.api.Assertions.assertArrayEquals(x.get(i).tokens(), y.get(i).tokens(),
          "row " + i);
      org.junit.jupiter.api.Assertions.assertArrayEquals(x.get(i).logProbs(), y.get(i).logProbs(),
          1e-4f);
    }
  }
}
