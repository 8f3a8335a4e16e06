package io.florets.datasets.io;

import static io.florets.datasets.io.Files4Test.expectError;
import static io.florets.datasets.io.Files4Test.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.florets.datasets.Series;
import io.florets.datasets.io.arrow.ArrowSeries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Format detection by extension and by content, and the summary's JSON shape. */
class SeriesFilesTest {
  @TempDir
  Path dir;

  @Test
  void detectsByExtensionAndByContent() throws IOException {
    assertEquals(SeriesFormat.TS, SeriesFiles.detect(write(dir, "a.ts", "x")));
    assertEquals(SeriesFormat.ARFF, SeriesFiles.detect(write(dir, "a.arff", "x")));
    assertEquals(SeriesFormat.UCR_TSV, SeriesFiles.detect(write(dir, "a.tsv", "x")));
    assertEquals(SeriesFormat.UCR_TXT, SeriesFiles.detect(write(dir, "a.txt", "x")));
    assertEquals(SeriesFormat.CSV, SeriesFiles.detect(write(dir, "a.CSV", "x")));
    assertEquals(SeriesFormat.TS, SeriesFiles.detect(write(dir, "noext", "# c\n@problemName X\n@data\n")));
    assertEquals(SeriesFormat.ARFF, SeriesFiles.detect(write(dir, "noext2", "% c\n@RELATION r\n")));
    assertEquals(SeriesFormat.UCR_TSV, SeriesFiles.detect(write(dir, "noext3", "1\t2\t3\n")));
    Path arrow = dir.resolve("series.bin");
    ArrowSeries.write(arrow, List.of(Series.of("a", new float[] {1, 2, 3})));
    assertEquals(SeriesFormat.ARROW_SERIES, SeriesFiles.detect(arrow));
    assertEquals(3, SeriesFiles.read(arrow).series().get(0).length());
    assertThrows(NoSuchFileException.class, () -> SeriesFiles.read(dir.resolve("absent.ts")));
    assertThrows(NoSuchFileException.class, () -> SeriesFiles.read(dir));
  }

  @Test
  void aDenseDatasetFileIsNotReadAsSeries() throws IOException {
    Path p = dir.resolve("d.arrow");
    io.florets.datasets.io.arrow.DenseDatasetArrow.write(p,
        io.florets.datasets.io.arrow.DenseDatasetArrowTest.sample(1));
    assertEquals(SeriesFormat.ARROW_DENSE, SeriesFiles.detect(p));
    expectError(() -> SeriesFiles.read(p), "d.arrow", "dense dataset");
  }

  @Test
  void summaryJsonShape() throws IOException {
    Path p = write(dir, "s.csv", "timestamp,a,b\n2020-01-01 00:00:00,1,\n2020-01-01 00:00:05,2,3\n");
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    var m = json.valueToTree(SeriesFiles.summarize(p).report());
    assertEquals(List.of("format", "source", "series", "channels", "minLength", "maxLength", "length",
        "classes", "targets", "missingValues", "timeSpan"), fieldNames(m));
    assertEquals("csv", m.get("format").asText());
    assertEquals(1, m.get("series").asInt());
    assertEquals(2, m.get("channels").asInt());
    assertEquals(2, m.get("length").asInt());
    assertEquals(1L, m.get("missingValues").asLong());
    var span = m.get("timeSpan");
    assertEquals("2020-01-01T00:00:00Z", span.get("start").asText());
    assertEquals(5000L, span.get("durationMillis").asLong());
    Path ts = write(dir, "u.ts", "@problemName U\n@equalLength false\n@classLabel true a b\n@data\n1,2:a\n1:b\n3,4,5:b\n");
    DatasetSummary s = SeriesFiles.summarize(ts);
    assertEquals(1, s.minLength());
    assertEquals(3, s.maxLength());
    assertEquals(false, json.valueToTree(s.report()).has("length"));
    assertEquals(java.util.Map.of("a", 1L, "b", 2L), s.classes());
    Files.delete(ts);
  }

  private static List<String> fieldNames(com.fasterxml.jackson.databind.JsonNode n) {
    List<String> out = new java.util.ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
