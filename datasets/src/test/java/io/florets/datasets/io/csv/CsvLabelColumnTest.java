package io.florets.datasets.io.csv;

import static io.florets.datasets.io.Files4Test.expectError;
import static io.florets.datasets.io.Files4Test.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.florets.datasets.Series;
import io.florets.datasets.io.SeriesFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvLabelColumnTest {
  @TempDir
  Path dir;

  @Test
  void aTextLabelColumnIsReadApartFromTheChannels() throws IOException {
    Path p = write(dir, "acts.csv", "time,x,activity,y\n2020-01-01T00:00:00Z,1,walk,10\n"
        + "2020-01-01T00:00:01Z,2,,20\n2020-01-01T00:00:02Z,3, run ,30\n");
    CsvSeriesReader.Labelled l = CsvSeriesReader.readWithLabels(p, TimeOrder.STRICT, "activity");
    Series s = l.file().series().get(0);
    assertEquals(List.of("x", "y"), s.channelNames());
    assertArrayEquals(new float[] {10, 20, 30}, s.channel(1));
    assertEquals(List.of("walk", "", "run"), l.rowLabels());
    assertEquals("activity", l.file().metadata().get("labelColumn"));
    // without naming it, the text column is a bad value column
    expectError(() -> SeriesFiles.read(p), "acts.csv", "line 2", "'activity'");
  }

  @Test
  void aMissingLabelColumnOrTheTimestampColumnIsRefusedByName() throws IOException {
    Path p = write(dir, "a.csv", "time,x\n2020-01-01T00:00:00Z,1\n2020-01-01T00:00:01Z,2\n");
    expectError(() -> CsvSeriesReader.readWithLabels(p, TimeOrder.STRICT, "label"), "a.csv",
        "no column 'label'", "[time, x]");
    expectError(() -> CsvSeriesReader.readWithLabels(p, TimeOrder.STRICT, "time"), "a.csv",
        "timestamp column");
    Path bare = write(dir, "b.csv", "1,2\n3,4\n");
    expectError(() -> CsvSeriesReader.readWithLabels(bare, TimeOrder.STRICT, "c1"), "b.csv",
        "no header row");
  }
}
