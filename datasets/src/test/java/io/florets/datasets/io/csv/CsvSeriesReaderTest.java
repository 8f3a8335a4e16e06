package io.florets.datasets.io.csv;

import static io.florets.datasets.io.Files4Test.expectError;
import static io.florets.datasets.io.Files4Test.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.Series;
import io.florets.datasets.io.SeriesFile;
import io.florets.datasets.io.SeriesFiles;
import io.florets.datasets.io.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSeriesReaderTest {
  @TempDir
  Path dir;

  @Test
  void readsTimestampAndSeveralValueColumnsWithMissingCells() throws IOException {
    Path p = write(dir, "m.csv", "time,a,b\n2020-01-01T00:00:00Z,1.5,-8.67E-4\n"
        + "2020-01-01T00:01:00Z,,2\n2020-01-01T00:02:00Z,NaN,3e2\n");
    Series s = SeriesFiles.read(p).series().get(0);
    assertEquals(List.of("a", "b"), s.channelNames());
    assertEquals(3, s.length());
    assertArrayEquals(new long[] {1577836800000L, 1577836860000L, 1577836920000L}, s.timestamps().orElseThrow());
    assertEquals(1.5f, s.value(0, 0));
    assertTrue(Float.isNaN(s.value(0, 1)) && Float.isNaN(s.value(0, 2)));
    assertEquals(-8.67e-4f, s.value(1, 0));
    assertEquals(2, s.missingCount());
    assertEquals("m", s.id());
  }

  @Test
  void keepSamplesPolicyKeepsEverySampleAndDropsOnlyTheTimeAxis() throws IOException {
    Path dec = write(dir, "back.csv", "timestamp,value\n2014-07-01 01:00:00,1\n"
        + "2014-07-01 00:00:00,2\n2014-07-01 02:00:00,3\n");
    SeriesFile f = CsvSeriesReader.read(dec, TimeOrder.KEEP_SAMPLES);
    Series s = f.series().get(0);
    assertArrayEquals(new float[] {1f, 2f, 3f}, s.channel(0));
    assertTrue(s.timestamps().isEmpty());
    String why = f.metadata().get("timestampsDropped");
    assertTrue(why.contains("line 3") && why.contains("decreasing timestamp"), why);
    // the default stays strict
    expectError(() -> SeriesFiles.read(dec), "back.csv", "line 3", "decreasing timestamp");
    assertEquals(3, SeriesFiles.read(dec, TimeOrder.KEEP_SAMPLES).series().get(0).length());
  }

  @Test
  void readsHeaderlessNumericColumns() throws IOException {
    Path p = write(dir, "h.csv", "1,0.5\n2,0.25\n");
    Series s = SeriesFiles.read(p).series().get(0);
    assertEquals(List.of("c0", "c1"), s.channelNames());
    assertTrue(s.timestamps().isEmpty());
    assertArrayEquals(new float[] {0.5f, 0.25f}, s.channel(1));
  }

  @Test
  void badCsvIsRejectedWithLineAndColumn() throws IOException {
    Path empty = write(dir, "empty.csv", "");
    expectError(() -> CsvSeriesReader.read(empty), "empty.csv", "empty");
    Path headerOnly = write(dir, "ho.csv", "timestamp,value\n");
    expectError(() -> CsvSeriesReader.read(headerOnly), "ho.csv", "no data rows");
    Path ragged = write(dir, "rg.csv", "timestamp,value\n2014-07-01 00:00:00,1\n2014-07-01 00:30:00,2,3\n");
    expectError(() -> CsvSeriesReader.read(ragged), "rg.csv", "line 3", "3 fields", "expected 2");
    Path text = write(dir, "tx.csv", "timestamp,value\n2014-07-01 00:00:00,1\n2014-07-01 00:30:00,high\n");
    expectError(() -> CsvSeriesReader.read(text), "tx.csv", "line 3", "column 2", "'high'", "expected a number");
    Path dup = write(dir, "dup.csv", "timestamp,value\n2014-07-01 00:00:00,1\n2014-07-01 00:00:00,2\n");
    expectError(() -> CsvSeriesReader.read(dup), "dup.csv", "line 3", "duplicate timestamp");
    Path dec = write(dir, "dec.csv", "timestamp,value\n2014-07-01 01:00:00,1\n2014-07-01 00:00:00,2\n");
    expectError(() -> CsvSeriesReader.read(dec), "dec.csv", "line 3", "decreasing timestamp");
    Path badTs = write(dir, "bt.csv", "timestamp,value\n2014-07-01 00:00:00,1\n2014-06-31 00:00:00,2\n");
    expectError(() -> CsvSeriesReader.read(badTs), "bt.csv", "line 3", "column 1", "'2014-06-31 00:00:00'");
    Path blank = write(dir, "bl.csv", "timestamp,value\n2014-07-01 00:00:00,1\n\n2014-07-01 01:00:00,2\n");
    expectError(() -> CsvSeriesReader.read(blank), "bl.csv", "line 3", "blank line");
    Path dupHeader = write(dir, "dh.csv", "t,v,v\n1,2,3\n");
    expectError(() -> CsvSeriesReader.read(dupHeader), "dh.csv", "line 1", "column 3", "repeated");
    Path latin1 = write(dir, "l1.csv", new byte[] {'t', ',', 'v', '\n', '1', ',', (byte) 0xE9, '\n'});
    expectError(() -> CsvSeriesReader.read(latin1), "l1.csv", "line 2", "column 3", "0xE9", "UTF-8");
  }

  @Test
  void readsNabFilesAsTheyAre() throws IOException {
    SeriesFile f = SeriesFiles.read(SharedData.require("nab/data/realKnownCause/nyc_taxi.csv"));
    Series s = f.series().get(0);
    assertEquals(1, f.size());
    assertEquals(10320, s.length());
    assertEquals(List.of("value"), s.channelNames());
    long[] ts = s.timestamps().orElseThrow();
    assertEquals(Timestamps.parse("2014-07-01 00:00:00").getAsLong(), ts[0]);
    assertEquals(Timestamps.parse("2015-01-31 23:30:00").getAsLong(), ts[ts.length - 1]);
    assertEquals(10844f, s.value(0, 0));
    assertEquals(26288f, s.value(0, s.length() - 1));
  }

  @Test
  void timestampFormats() {
    long base = Timestamps.parse("2014-07-01").getAsLong();
    assertEquals(1404172800000L, base);
    assertEquals(base + 3_600_000L, Timestamps.parse("2014-07-01 01:00:00").getAsLong());
    assertEquals(base + 3_600_000L, Timestamps.parse("2014-07-01T01:00:00.000000").getAsLong());
    assertEquals(base + 3_600_000L, Timestamps.parse("2014-07-01T01:00Z").getAsLong());
    assertEquals(base + 3_600_000L, Timestamps.parse("2014/07/01 03:00:00+02:00").getAsLong());
    assertEquals(base + 1234, Timestamps.parse("2014-07-01 00:00:01.234").getAsLong());
    for (String bad : List.of("", "2014-7-1", "2014-07-01 24:00:00", "2014-02-30", "2014-07-01 00:00:00.0001",
        "2014-07-01X00:00", "1404172800", "2014-07-01 00:00:00+2")) {
      assertTrue(Timestamps.parse(bad).isEmpty(), "'" + bad + "' is rejected");
    }
  }
}
