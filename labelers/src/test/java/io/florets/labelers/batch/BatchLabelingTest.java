package io.florets.labelers.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.DenseDataset;
import io.florets.datasets.Window;
import io.florets.datasets.io.arrow.DenseDatasetArrow;
import io.florets.datasets.synthetic.SyntheticConfig;
import io.florets.datasets.synthetic.SyntheticGenerator;
import io.florets.datasets.target.CaptionText;
import io.florets.labelers.LabelerSuite;
import io.florets.labelers.consensus.ConsensusConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batch labelling writes a readable dataset and resumes without losing or duplicating windows. */
class BatchLabelingTest {

  @Test
  void interruptedRunResumes(@TempDir Path dir) throws Exception {
    List<Window> ws = SyntheticGenerator.generate(SyntheticConfig.of(50, 128, 5)).windows();
    LabelerSuite suite = LabelerSuite.defaults();
    BatchLabeling.Options o = new BatchLabeling.Options(2, 16, ConsensusConfig.DEFAULTS, 0);
    Path out = dir.resolve("out.arrow");
    assertThrows(IllegalStateException.class, () -> BatchLabeling.run(ws, suite, out, o, Map.of(), (done, total) -> {
      if (done == 32) {
        throw new IllegalStateException("interrupted after two chunks");
      }
    }));
    assertTrue(Files.exists(BatchLabeling.partsDir(out).resolve("chunk-000001.arrow")));
    assertFalse(Files.exists(out));
    BatchLabeling.Result r = BatchLabeling.run(ws, suite, out, o, Map.of(), null);
    assertEquals(32, r.resumedWindows());
    DenseDataset back = DenseDatasetArrow.read(out);
    assertEquals(ws.size(), back.size());
    Path fresh = dir.resolve("fresh.arrow");
    DenseDataset f = BatchLabeling.run(ws, suite, fresh, o, Map.of(), null).dataset();
    for (int i = 0; i < ws.size(); i++) {
      assertEquals(ws.get(i).start(), back.get(i).window().start());
      assertEquals(f.get(i).annotations(), back.get(i).annotations(), "window " + i);
      assertEquals(2, back.get(i).annotations().stream().filter(x -> x.target() instanceof CaptionText).count());
    }
    assertFalse(Files.exists(BatchLabeling.partsDir(out)));
  }

  @Test
  void refusesCheckpointsOfAnotherInput(@TempDir Path dir) throws Exception {
    List<Window> ws = SyntheticGenerator.generate(SyntheticConfig.of(40, 128, 5)).windows();
    List<Window> other = SyntheticGenerator.generate(SyntheticConfig.of(40, 128, 6)).windows();
    LabelerSuite suite = LabelerSuite.defaults();
    BatchLabeling.Options o = new BatchLabeling.Options(1, 16, ConsensusConfig.DEFAULTS, 0);
    Path out = dir.resolve("out.arrow");
    assertThrows(IllegalStateException.class, () -> BatchLabeling.run(ws, suite, out, o, Map.of(), (d, t) -> {
      throw new IllegalStateException("stop");
    }));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> BatchLabeling.run(other, suite, out, o, Map.of(), null));
    assertTrue(e.getMessage().contains("different input"), e.getMessage());
  }
}
