package io.florets.datasets.io.nab;

import static io.florets.datasets.io.Files4Test.expectError;
import static io.florets.datasets.io.Files4Test.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.Series;
import io.florets.datasets.io.Samples;
import io.florets.datasets.io.SeriesFiles;
import io.florets.datasets.io.SharedData;
import io.florets.datasets.target.Event;
import io.florets.datasets.target.EventType;
import io.florets.datasets.target.Target;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NabLabelsTest {
  @TempDir
  Path dir;

  @Test
  void nycTaxiWindowsMapOntoSampleIndices() throws IOException {
    Path csv = SharedData.require("nab/data/realKnownCause/nyc_taxi.csv");
    NabLabels labels = NabLabels.read(SharedData.require("nab/labels/combined_windows.json"));
    Series s = SeriesFiles.read(csv).series().get(0);
    String key = NabLabels.keyOf(csv);
    assertEquals("realKnownCause/nyc_taxi.csv", key);
    List<TimeRange> w = labels.windows(key);
    List<Event> events = NabLabels.events(s, w);
    assertEquals(w.size(), events.size());
    assertEquals(5, events.size(), "NAB labels five anomaly windows on nyc_taxi");
    long[] ts = s.timestamps().orElseThrow();
    for (int i = 0; i < events.size(); i++) {
      Event e = events.get(i);
      assertEquals(EventType.ANOMALY, e.type());
      assertEquals(Target.WHOLE_WINDOW, e.channel());
      assertTrue(ts[e.start()] >= w.get(i).startMillis() && (e.start() == 0 || ts[e.start() - 1] < w.get(i).startMillis()));
      assertTrue(ts[e.end()] <= w.get(i).endMillis() && (e.end() == ts.length - 1 || ts[e.end() + 1] > w.get(i).endMillis()));
    }
  }

  @Test
  void bundledSampleHasItsTwoWindows() {
    Samples.Labelled l = Samples.nabAmbientTemperature();
    assertEquals(7267, l.series().length());
    assertEquals(2, l.anomalies().size());
    long[] ts = l.series().timestamps().orElseThrow();
    assertEquals(io.florets.datasets.io.csv.Timestamps.parse("2013-12-15 07:00:00").getAsLong(),
        ts[l.anomalies().get(0).start()]);
    assertTrue(l.anomalies().get(1).end() > l.anomalies().get(0).end());
  }

  @Test
  void badLabelFilesAreRejected() throws IOException {
    Path notJson = write(dir, "a.json", "{\"x.csv\": [[\"2014-01-01 00:00:00\", ");
    expectError(() -> NabLabels.read(notJson), "a.json", "line 1", "invalid JSON");
    Path reversed = write(dir, "b.json", "{\"x.csv\": [[\"2014-01-02 00:00:00\", \"2014-01-01 00:00:00\"]]}");
    expectError(() -> NabLabels.read(reversed), "b.json", "entry 'x.csv', window 0", "before it starts");
    Path badTime = write(dir, "c.json", "{\"x.csv\": [[\"yesterday\", \"2014-01-01 00:00:00\"]]}");
    expectError(() -> NabLabels.read(badTime), "c.json", "'yesterday'");
    Path empty = write(dir, "d.json", "");
    expectError(() -> NabLabels.read(empty), "d.json", "empty");
    Series noTs = Series.of("s", new float[] {1, 2});
    assertThrows(IllegalArgumentException.class, () -> NabLabels.events(noTs, List.of(new TimeRange(0, 1))));
  }
}
