package io.florets.prompt.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.florets.datasets.target.EventType;
import io.florets.datasets.target.Property;
import io.florets.datasets.target.ShapeFacet;
import io.florets.prompt.readout.Events;
import io.florets.prompt.readout.Numeric;
import io.florets.prompt.readout.NumericProperties;
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

  /** {@link #sample} with an EVENTS minimum confidence of 0.3 (after its map). */
  private static Calibration thresholded() {
    Calibration c = sample();
    return new Calibration(c.tasks(), Map.of("EVENTS", 0.3), c.source());
  }

  /** Rewrites a written file with {@code minConfidence} replaced and a correct checksum. */
  private static void resign(Path file, String minConfidenceJson) throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = (ObjectNode) json.readTree(file.toFile());
    root.remove("sha256");
    root.set("minConfidence", json.readTree(minConfidenceJson));
    root.put("sha256", CalibrationJson.checksum(root));
    Files.writeString(file, json.writeValueAsString(root));
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
  void roundTripKeepsTheMinimumConfidenceInsideTheChecksum() throws Exception {
    Path file = tmp.resolve(Calibration.FILE);
    Calibration c = thresholded();
    String sum = c.write(file, MODEL);
    JsonNode written = new ObjectMapper().readTree(file.toFile());
    assertEquals(0.3, written.path("minConfidence").path("EVENTS").doubleValue());
    assertEquals(1, written.path("version").asInt(), "the key is optional: still version 1");
    Calibration back = Calibration.read(file, MODEL);
    assertEquals(c, back);
    assertEquals(Map.of("EVENTS", 0.3), back.minConfidence());
    assertEquals(0.3, back.minConfidence(Tasks.EVENTS).getAsDouble());
    assertTrue(back.minConfidence(Tasks.SHAPE).isEmpty());
    assertNotEquals(sample().write(tmp.resolve("maps-only.json"), MODEL), sum,
        "the threshold is part of the checksummed content");
  }

  @Test
  void aFileWithoutMinimumConfidencesReadsAsMapsOnly() throws Exception {
    Path file = tmp.resolve(Calibration.FILE);
    sample().write(file, MODEL);
    assertFalse(Files.readString(file).contains("minConfidence"),
        "maps only: the file is as before thresholds existed");
    Calibration back = Calibration.read(file, MODEL);
    assertEquals(Map.of(), back.minConfidence());
    Events ev = new Events(List.of(new Events.Item(EventType.values()[0], 3, 9, -1, 0.01)));
    assertEquals(1, back.apply(Tasks.EVENTS.prompt(), ev).events().size(), "nothing dropped");
  }

  @Test
  void anEditedMinimumConfidenceIsRefused() throws Exception {
    Path file = tmp.resolve(Calibration.FILE);
    thresholded().write(file, MODEL);
    String text = Files.readString(file);
    assertTrue(text.contains("\"EVENTS\" : 0.3"), text);
    Files.writeString(file, text.replace("\"EVENTS\" : 0.3", "\"EVENTS\" : 0.0"));
    CalibrationFormatException e = assertThrows(CalibrationFormatException.class,
        () -> Calibration.read(file, MODEL));
    assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("checksum"),
        e.getMessage());
  }

  @Test
  void anInvalidMinimumConfidenceIsRefusedNamingTheFileAndTheValue() throws Exception {
    Path file = tmp.resolve(Calibration.FILE);
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put("{\"EVENTS\": 1.5}", "1.5");
    bad.put("{\"EVENTS\": -0.25}", "-0.25");
    bad.put("{\"EVENTS\": \"high\"}", "high");
    bad.put("{\"EVENTS\": null}", "null");
    bad.put("{\"SHAPE\": 0.5}", "SHAPE");        // a task whose items are not events
    bad.put("{\"CLASSIFY\": 0.5}", "CLASSIFY");  // and without a map
    bad.put("[0.5]", "[0.5]");
    for (Map.Entry<String, String> b : bad.entrySet()) {
      thresholded().write(file, MODEL);
      resign(file, b.getKey());
      CalibrationFormatException e = assertThrows(CalibrationFormatException.class,
          () -> Calibration.read(file, MODEL), b.getKey());
      assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains(b.getValue()),
          e.getMessage());
    }
    new Calibration(Map.of("SHAPE", CalibrationMap.identity()), "no EVENTS map").write(file, MODEL);
    resign(file, "{\"EVENTS\": 0.5}");
    CalibrationFormatException e = assertThrows(CalibrationFormatException.class,
        () -> Calibration.read(file, MODEL));
    assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("no calibration "
        + "map") && e.getMessage().contains("0.5"), e.getMessage());
  }

  @Test
  void aPerTypeMinimumOverridesTheTasksForEventsOfThatType() throws Exception {
    Map<String, CalibrationMap> maps = Map.of("EVENTS", CalibrationMap.identity());
    Calibration c = new Calibration(maps, Map.of("EVENTS", 0.3, "EVENTS:trend_change", 0.7), "");
    assertEquals(0.7, c.minConfidence(Tasks.EVENTS, EventType.TREND_CHANGE).getAsDouble());
    assertEquals(0.3, c.minConfidence(Tasks.EVENTS, EventType.SPIKE_UP).getAsDouble());
    Events ev = new Events(List.of(new Events.Item(EventType.SPIKE_UP, 3, 3, -1, 0.5),
        new Events.Item(EventType.TREND_CHANGE, 9, 9, -1, 0.5),
        new Events.Item(EventType.TREND_CHANGE, 20, 20, -1, 0.8)));
    Events kept = c.apply(Tasks.EVENTS.prompt(), ev);
    assertEquals(List.of(EventType.SPIKE_UP, EventType.TREND_CHANGE),
        kept.events().stream().map(Events.Item::type).toList());
    assertEquals(20.0, kept.events().get(1).start());
    Path file = Files.createTempDirectory("cal").resolve(Calibration.FILE);
    c.write(file, MODEL);
    assertEquals(c.minConfidence(), Calibration.read(file, MODEL).minConfidence());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Calibration(maps, Map.of("EVENTS:no_such_type", 0.5), ""));
    assertTrue(e.getMessage().contains("no_such_type"), e.getMessage());
  }

  @Test
  void minimumConfidencesAreCheckedWhenMade() {
    Map<String, CalibrationMap> maps = sample().tasks();
    for (double v : new double[] {Double.NaN, -0.1, 1.0001}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> new Calibration(maps, Map.of("EVENTS", v), ""));
      assertTrue(e.getMessage().contains(String.valueOf(v)), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class,
        () -> new Calibration(maps, Map.of("SHAPE", 0.5), ""), "SHAPE tags are not event items");
    assertThrows(IllegalArgumentException.class,
        () -> new Calibration(Map.of("SHAPE", CalibrationMap.identity()), Map.of("EVENTS", 0.5), ""),
        "a threshold applies to mapped confidences: EVENTS needs a map");
    assertEquals(0.0, new Calibration(maps, Map.of("EVENTS", 0.0), "").minConfidence(Tasks.EVENTS)
        .getAsDouble(), "0 is a threshold that drops nothing");
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

    NumericProperties p = new NumericProperties(List.of(new Numeric(Property.values()[0], 12.5, -1, 0.9),
        new Numeric(Property.values()[1], -3, -1, 0.1)));
    NumericProperties pm = c.apply(Tasks.PROPERTIES.prompt(), p);
    assertEquals(List.of(0.25, 0.25), pm.values().stream().map(Numeric::confidence).toList());
    assertEquals(12.5, pm.values().get(0).value());

    ShapeFacet f = ShapeFacet.values()[0];
    ShapeTags tags = new ShapeTags(List.of(new ShapeTags.Tag(f, f.allowed().get(0), -1,
        0.35)));
    assertEquals(0.5, c.apply(Tasks.SHAPE.prompt(), tags).tags().get(0).confidence(), 1e-12);
  }

  @Test
  void dropsEventsWhoseMappedConfidenceIsBelowTheMinimum() {
    Calibration c = thresholded();
    EventType t = EventType.values()[0];
    // raw 0.4 -> 0.175 (dropped), 0.95 -> 0.7 (kept), 0.6 -> 0.3 (kept: at the minimum),
    // 0.1 -> 0.05 (dropped)
    Events ev = new Events(List.of(new Events.Item(t, 3, 9, -1, 0.4),
        new Events.Item(t, 20, 22, 0, 0.95), new Events.Item(t, 30, 40, -1, 0.6),
        new Events.Item(t, 50, 51, -1, 0.1)));
    Events kept = c.apply(Tasks.EVENTS.prompt(), ev);
    assertEquals(List.of(20.0, 30.0), kept.events().stream().map(Events.Item::start).toList());
    assertEquals(List.of(0.7, 0.3), kept.events().stream().map(Events.Item::confidence).toList());
    assertEquals(0, kept.events().get(0).channel());
    assertEquals(40.0, kept.events().get(1).end());
    assertEquals(4, sample().apply(Tasks.EVENTS.prompt(), ev).events().size(),
        "without a minimum every event is kept");
    assertEquals(List.of(), c.apply(Tasks.EVENTS.prompt(),
        new Events(List.of(new Events.Item(t, 3, 9, -1, 0.2)))).events(), "all may be dropped");
    assertSame(ev, c.apply(Prompt.eventsOf(t), ev), "EVENTS_OF has neither map nor minimum");
    NumericProperties p = new NumericProperties(List.of(new Numeric(Property.values()[0], 12.5, -1, 0.1)));
    assertEquals(1, c.apply(Tasks.PROPERTIES.prompt(), p).values().size(),
        "other tasks keep every item");
    List<Events> all = c.applyAll(Tasks.EVENTS.prompt(), java.util.Arrays.asList(ev, null));
    assertEquals(kept, all.get(0));
    assertNull(all.get(1));
  }
}
