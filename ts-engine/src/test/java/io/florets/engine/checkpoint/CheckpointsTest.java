package io.florets.engine.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.florets.datasets.Window;
import io.florets.engine.EngineConfig;
import io.florets.engine.EngineModel;
import io.florets.engine.TestModels;
import io.florets.engine.VocabSpec;
import io.florets.engine.series.SeriesFrontEnd;
import io.florets.engine.series.SeriesFrontEndConfig;
import io.florets.engine.train.BatchSource;
import io.florets.engine.train.TrainConfig;
import io.florets.engine.train.Trainer;
import io.florets.engine.train.TrainingBatch;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointsTest {
  private static final EngineConfig DROPOUT_TINY = EngineConfig.tiny().withDropout(0.1f);

  private static EngineModel<Window> model(long seed) {
    return EngineModel.create(DROPOUT_TINY, frontEnd(), TestModels.VOCAB, seed);
  }

  private static SeriesFrontEnd frontEnd() {
    return SeriesFrontEnd.of(new SeriesFrontEndConfig(64, 8, 8, 64, 4));
  }

  /** Random windows with random answers; a pure function of the step. */
  private static final BatchSource<Window> SOURCE = step -> {
    SplittableRandom r = new SplittableRandom(100 + step);
    List<Window> ws = TestModels.windows(8, 40, r.nextLong());
    int[][] prompts = new int[8][];
    int[][] targets = new int[8][];
    for (int i = 0; i < 8; i++) {
      prompts[i] = new int[] {5, 6 + r.nextInt(3)};
      targets[i] = new int[] {3 + r.nextInt(30), 3 + r.nextInt(30), 3 + r.nextInt(30)};
    }
    return new TrainingBatch<>(ws, prompts, targets);
  };

  @Test
  void saveThenLoadGivesIdenticalLogits(@TempDir Path tmp) throws Exception {
    List<Window> ws = TestModels.windows(3, 50, 2);
    int[][] prompts = TestModels.prompts(3, 5, 9);
    int[][] targets = {{3, 4, 5}, {6}, {7, 8}};
    try (EngineModel<Window> m = model(21)) {
      Checkpoints.save(m, tmp.resolve("ck"), Provenance.of("data-x", 21, 0, ""));
      float[][][] before = m.teacherForcedLogits(ws, prompts, targets);
      try (EngineModel<Window> loaded = Checkpoints.load(tmp.resolve("ck"), frontEnd(),
          TestModels.VOCAB)) {
        float[][][] after = loaded.teacherForcedLogits(ws, prompts, targets);
        for (int i = 0; i < before.length; i++) {
          for (int t = 0; t < before[i].length; t++) {
            assertArrayEquals(before[i][t], after[i][t], "row " + i + " position " + t);
          }
        }
        assertEquals(m.parameterCount(), loaded.parameterCount());
      }
      Provenance p = Checkpoints.provenance(tmp.resolve("ck"));
      assertEquals("data-x", p.dataHash());
      assertEquals(System.getProperty("java.version"), p.javaVersion());
      assertTrue(p.pytorchVersion().startsWith("2."), p.pytorchVersion());
    }
  }

  @Test
  void aCheckpointSavedBeforeSignIdsLoadsWithThem(@TempDir Path tmp) throws Exception {
    VocabSpec before = new VocabSpec(1300, 0, 1, 2, "test-vocab-1300", 40, 1200);
    try (EngineModel<Window> m = EngineModel.create(DROPOUT_TINY, frontEnd(), before, 3)) {
      Checkpoints.save(m, tmp.resolve("ck"), Provenance.of("d", 3, 0, ""));
    }
    try (EngineModel<Window> loaded = Checkpoints.load(tmp.resolve("ck"), frontEnd(),
        TestModels.NUMBER_VOCAB)) {
      assertEquals(TestModels.NUMBER_VOCAB, loaded.vocab());
    }
    // other sign ids than the ones saved are a different contract
    try (EngineModel<Window> m = EngineModel.create(DROPOUT_TINY, frontEnd(),
        TestModels.NUMBER_VOCAB, 3)) {
      Checkpoints.save(m, tmp.resolve("ck2"), Provenance.of("d", 3, 0, ""));
    }
    VocabSpec otherSigns = new VocabSpec(1300, 0, 1, 2, "test-vocab-1300", 40, 1200,
        new int[] {3, 5, 4});
    assertThrows(CheckpointException.class,
        () -> Checkpoints.load(tmp.resolve("ck2"), frontEnd(), otherSigns));
  }

  @Test
  void truncatedCorruptOrMismatchedCheckpointsFailClearly(@TempDir Path tmp) throws Exception {
    Path ck = tmp.resolve("ck");
    try (EngineModel<Window> m = model(5)) {
      Checkpoints.save(m, ck, Provenance.of("d", 5, 0, ""));
    }
    VocabSpec other = new VocabSpec(40, 0, 1, 2, "another-vocabulary");
    CheckpointException vocab = assertThrows(CheckpointException.class,
        () -> Checkpoints.load(ck, frontEnd(), other));
    assertTrue(vocab.getMessage().contains("another-vocabulary"), vocab.getMessage());
    CheckpointException fe = assertThrows(CheckpointException.class, () -> Checkpoints.load(ck,
        SeriesFrontEnd.of(new SeriesFrontEndConfig(64, 16, 16, 64, 4)), TestModels.VOCAB));
    assertTrue(fe.getMessage().contains("front-end config"), fe.getMessage());

    Path params = ck.resolve("params.bin");
    byte[] all = Files.readAllBytes(params);
    Files.write(params, java.util.Arrays.copyOf(all, all.length / 2));
    CheckpointException truncated = assertThrows(CheckpointException.class,
        () -> Checkpoints.load(ck, frontEnd(), TestModels.VOCAB));
    assertTrue(truncated.getMessage().contains("params.bin")
        && truncated.getMessage().contains("truncated"), truncated.getMessage());

    all[all.length - 3] ^= 0x55;
    Files.write(params, all);
    CheckpointException corrupt = assertThrows(CheckpointException.class,
        () -> Checkpoints.load(ck, frontEnd(), TestModels.VOCAB));
    assertTrue(corrupt.getMessage().contains("SHA-256"), corrupt.getMessage());

    try (RandomAccessFile f = new RandomAccessFile(ck.resolve("manifest.json").toFile(), "rw")) {
      f.setLength(f.length() / 3);
    }
    CheckpointException manifest = assertThrows(CheckpointException.class,
        () -> Checkpoints.load(ck, frontEnd(), TestModels.VOCAB));
    assertTrue(manifest.getMessage().contains("manifest.json"), manifest.getMessage());
  }

  @Test
  void resumedTrainingReachesTheWeightsOfAnUninterruptedRun(@TempDir Path tmp) throws Exception {
    TrainConfig cfg = TrainConfig.builder(10).learningRate(2e-3).warmupSteps(3).seed(9)
        .validateEvery(0).build();
    List<float[]> uninterrupted;
    try (EngineModel<Window> m = model(33);
        Trainer<Window> t = Trainer.builder(m, cfg, SOURCE).build()) {
      t.fit();
      uninterrupted = weights(m);
    }
    Path ck = tmp.resolve("half");
    try (EngineModel<Window> m = model(33);
        Trainer<Window> t = Trainer.builder(m, cfg, SOURCE).build()) {
      t.fitUntil(5);
      Checkpoints.save(t, ck);
    }
    try (EngineModel<Window> m = Checkpoints.load(ck, frontEnd(), TestModels.VOCAB);
        Trainer<Window> t = Trainer.builder(m, cfg, SOURCE).build()) {
      Checkpoints.loadTrainerState(t, ck);
      assertEquals(5, t.stepsDone());
      t.fit();
      assertEquals(10, t.stepsDone());
      List<float[]> resumed = weights(m);
      for (int i = 0; i < resumed.size(); i++) {
        assertArrayEquals(uninterrupted.get(i), resumed.get(i), 1e-6f, "parameter " + i);
      }
      // and the run really moved the weights away from the checkpoint
      try (EngineModel<Window> start = Checkpoints.load(ck, frontEnd(), TestModels.VOCAB)) {
        float[] a = weights(start).get(1);
        float[] b = resumed.get(1);
        double diff = 0;
        for (int i = 0; i < a.length; i++) {
          diff = Math.max(diff, Math.abs(a[i] - b[i]));
        }
        assertTrue(diff > 1e-4, "weights did not change after resuming: " + diff);
      }
    }
  }

  private static List<float[]> weights(EngineModel<Window> m) {
    List<float[]> out = new ArrayList<>();
    for (Pair<String, Parameter> p : m.network().getParameters()) {
      out.add(p.getValue().getArray().toFloatArray());
    }
    return out;
  }
}
