package io.florets.prompt.facade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.Window;
import io.florets.engine.EngineConfig;
import io.florets.engine.series.SeriesFrontEndConfig;
import io.florets.prompt.calibration.Calibration;
import io.florets.prompt.calibration.CalibrationMap;
import io.florets.prompt.facade.bundle.BundleException;
import io.florets.prompt.facade.bundle.BundleProvenance;
import io.florets.prompt.facade.bundle.ModelBundle;
import io.florets.prompt.readout.Label;
import io.florets.prompt.readout.ShapeTags;
import io.florets.prompt.task.Tasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model folder with and without {@code calibration.json}, through the facade. */
class FloretsCalibrationTest {
  @TempDir
  Path tmp;

  private static Calibration calibration() {
    Map<String, CalibrationMap> m = new LinkedHashMap<>();
    m.put("SHAPE", CalibrationMap.of(new double[] {0, 1}, new double[] {0.2, 0.6}));
    m.put("CLASSIFY", CalibrationMap.of(new double[] {0.5}, new double[] {0.25}));
    return new Calibration(m, "test");
  }

  @Test
  void folderCalibrationMapsConfidencesOfItsTasksOnly() throws Exception {
    Path dir = tmp.resolve("model");
    TinyModels.bundle().save(dir);
    List<Window> ws = TinyModels.data().windows().subList(0, 4);
    List<ShapeTags> rawShape;
    List<Label> rawLabels;
    try (Florets plain = Florets.load(dir)) {
      assertTrue(plain.calibration().isEmpty());
      assertTrue(plain.bundle().calibration().isEmpty());
      rawShape = plain.askAll(ws, Tasks.SHAPE);
      rawLabels = plain.askAll(ws, Tasks.CLASSIFY);
      assertEquals(rawShape, plain.askAllUncalibrated(ws, Tasks.SHAPE.prompt()));
    }
    ModelBundle.writeCalibration(dir, calibration());
    try (Florets f = Florets.load(dir)) {
      assertEquals(calibration(), f.calibration().orElseThrow());
      List<ShapeTags> shape = f.askAll(ws, Tasks.SHAPE);
      List<Label> labels = f.askAll(ws, Tasks.CLASSIFY);
      int tags = 0;
      for (int i = 0; i < ws.size(); i++) {
        List<ShapeTags.Tag> a = rawShape.get(i).tags();
        List<ShapeTags.Tag> b = shape.get(i).tags();
        assertEquals(a.size(), b.size());
        for (int j = 0; j < a.size(); j++, tags++) {
          assertEquals(a.get(j).value(), b.get(j).value());
          assertEquals(0.2 + 0.4 * a.get(j).confidence(), b.get(j).confidence(), 1e-12);
        }
        assertEquals(rawLabels.get(i).name(), labels.get(i).name());
        assertEquals(0.25, labels.get(i).confidence());
      }
      assertTrue(tags > 0, "the tiny model answered no shape tag");
      assertEquals(rawShape, f.askAllUncalibrated(ws, Tasks.SHAPE.prompt()));
      assertEquals(0.25, f.ask(ws.get(0), Tasks.CLASSIFY).confidence(), "ask maps as askAll does");

      // saving the loaded model keeps its calibration; new provenance (training) drops it
      Path copy = tmp.resolve("copy");
      f.bundle().save(copy);
      try (ModelBundle b = ModelBundle.load(copy)) {
        assertEquals(calibration(), b.calibration().orElseThrow());
      }
      Path retrained = tmp.resolve("retrained");
      f.bundle().withProvenance(BundleProvenance.untrained(5)).save(retrained);
      assertFalse(Files.exists(retrained.resolve(Calibration.FILE)));
    }
    // saving an uncalibrated model over the folder removes the old calibration
    TinyModels.bundle().save(dir);
    assertFalse(Files.exists(dir.resolve(Calibration.FILE)));
  }

  @Test
  void editedOrForeignCalibrationIsRefusedNamingTheFile() throws Exception {
    Path dir = tmp.resolve("model");
    TinyModels.bundle().save(dir);
    ModelBundle.writeCalibration(dir, calibration());
    Path file = dir.resolve(Calibration.FILE);
    String text = Files.readString(file);
    Files.writeString(file, text.replace("0.25", "0.3"));
    BundleException edited = assertThrows(BundleException.class, () -> Florets.load(dir));
    assertTrue(edited.getMessage().contains(file.toString()), edited.getMessage());
    assertTrue(edited.getMessage().contains("checksum"), edited.getMessage());

    Path other = tmp.resolve("other");
    EngineConfig e = EngineConfig.tiny().withMaxLengths(32, 128);
    try (ModelBundle b = ModelBundle.create(e, SeriesFrontEndConfig.defaults(e.dModel()),
        TinyModels.bundle().head(), 4)) {
      b.save(other);
    }
    Files.writeString(other.resolve(Calibration.FILE), text);
    BundleException foreign = assertThrows(BundleException.class, () -> Florets.load(other));
    assertTrue(foreign.getMessage().contains(other.resolve(Calibration.FILE).toString()),
        foreign.getMessage());
    assertTrue(foreign.getMessage().contains("parameters"), foreign.getMessage());
  }

  @Test
  void writingACalibrationNeedsAModelFolder() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    BundleException e = assertThrows(BundleException.class,
        () -> ModelBundle.writeCalibration(empty, calibration()));
    assertTrue(e.getMessage().contains("bundle.json"), e.getMessage());
  }
}
