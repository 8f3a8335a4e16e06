package io.florets.prompt.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.florets.datasets.target.EventType;
import io.florets.datasets.target.Property;
import io.florets.datasets.target.ShapeFacet;
import io.florets.prompt.readout.Events;
import io.florets.prompt.readout.Numeric;
import io.florets.prompt.readout.Properties;
import io.florets.prompt.readout.ShapeTags;
import io.florets.prompt.task.Prompt;
import io.florets.prompt.task.Tasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrationTest {
  private static final ModelFingerprint MODEL = new ModelFingerprint("ab12", "cd34");

  @TempDir
  Path tmp;

  private static Calibration sample() {
    Map<String, CalibrationMap> m = new LinkedHashMap<>();
    m.put("EVENTS", CalibrationMap.of(new double[] {0.2, 0.6, 0.9}, new double[] {0.05, 0.3, 0.7}));
    m.put("PROPERTIES", CalibrationMap.of(new double[] {0.5}, new double[] {0.25}));
    m.put("SHAPE", CalibrationMap.fit(new double[] {0.1, 0.35, 0.35, 0.8, 0.95},
        new boolean[] {false, true, false, true, true}));
    return new Calibration(m, "test fit");
  }

  @Test
  void roundTripKeepsEveryKnotAndTheChecksum() throws Exception {
    Path file = tmp.resolve(Calibration.FILE);
    Calibration c = sample();
    String sum = c.write(file, MODEL);
    Calibration back = Calibration.read(file, MODEL);
    assertEquals(c, back);
    assertEquals(List.of("EVENTS", "PROPERTIES", "SHAPE"), List.copyOf(back.tasks().keySet()));
    assertEquals(sum, new ObjectMapper().readTree(file.toFile()).get("sha256").asText());
    assertEquals(64, sum.length());
  }

  @Test
  void reformattingTheFileKeepsItValid() throws Exception {
    Path file = tmp.resolve(Calibration.FILE);
    sample().write(file, MODEL);
    ObjectMapper json = new ObjectMapper();
    Files.writeString(file, json.writeValueAsString(json.readTree(file.toFile())));
    assertEquals(sample(), Calibration.read(file, MODEL));
  }

  @Test
  void anEditedValueIsRefusedNamingTheFile() throws Exception {
    Path file = tmp.resolve(Calibration.FILE);
    sample().write(file, MODEL);
    String text = Files.readString(file);
    assertTrue(text.contains("0.25"), text);
    Files.writeString(file, text.replace("0.25", "0.35"));
    CalibrationFormatException e = assertThrows(CalibrationFormatException.class,
        () -> Calibration.read(file, MODEL));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("checksum"), e.getMessage());
  }

  @Test
  void aCalibrationOfOtherWeightsIsRefused() throws Exception {
    Path file = tmp.resolve(Calibration.FILE);
    sample().write(file, MODEL);
    CalibrationFormatException e = assertThrows(CalibrationFormatException.class,
        () -> Calibration.read(file, new ModelFingerprint("ab12", "ffff")));
    assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("ffff"),
        e.getMessage());
  }

  @Test
  void otherFilesAreRefused() throws Exception {
    Path file = tmp.resolve(Calibration.FILE);
    Files.writeString(file, "{\"format\": \"florets-vocabulary\"}");
    CalibrationFormatException e = assertThrows(CalibrationFormatException.class,
        () -> Calibration.read(file, MODEL));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    Files.writeString(file, "not json");
    assertThrows(CalibrationFormatException.class, () -> Calibration.read(file, MODEL));
  }

  @Test
  void onlyDecodedSeriesTasksCanBeCalibrated() {
    for (String name : List.of("EMBED", "OD", "NO_SUCH_TASK")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> new Calibration(Map.of(name, CalibrationMap.identity()), ""));
      assertTrue(e.getMessage().contains(name), e.getMessage());
    }
  }

  @Test
  void mapsEveryItemConfidenceOfCalibratedTasksOnly() {
    Calibration c = sample();
    Events ev = new Events(List.of(new Events.Item(EventType.values()[0], 3, 9, -1, 0.4),
        new Events.Item(EventType.values()[0], 20, 22, 0, 0.95)));
    Events mapped = c.apply(Tasks.EVENTS.prompt(), ev);
    assertEquals(0.05 + 0.5 * 0.25, mapped.events().get(0).confidence(), 1e-12);
    assertEquals(0.7, mapped.events().get(1).confidence(), 1e-12);
    assertEquals(ev.events().get(1).start(), mapped.events().get(1).start());
    assertEquals(0, mapped.events().get(1).channel());
    assertSame(ev, c.apply(Prompt.eventsOf(EventType.values()[0]), ev),
        "a map belongs to its own task only");

    Properties p = new Properties(List.of(new Numeric(Property.values()[0], 12.5, -1, 0.9),
        new Numeric(Property.values()[1], -3, -1, 0.1)));
    Properties pm = c.apply(Tasks.PROPERTIES.prompt(), p);
    assertEquals(List.of(0.25, 0.25), pm.values().stream().map(Numeric::confidence).toList());
    assertEquals(12.5, pm.values().get(0).value());

    ShapeFacet f = ShapeFacet.values()[0];
    ShapeTags tags = new ShapeTags(List.of(new ShapeTags.Tag(f, f.allowed().get(0), -1,
        0.35)));
    assertEquals(0.5, c.apply(Tasks.SHAPE.prompt(), tags).tags().get(0).confidence(), 1e-12);
  }
}
