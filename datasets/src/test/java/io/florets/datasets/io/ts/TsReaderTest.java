package io.florets.datasets.io.ts;

import static io.florets.datasets.io.Files4Test.expectError;
import static io.florets.datasets.io.Files4Test.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.Series;
import io.florets.datasets.io.SeriesFile;
import io.florets.datasets.io.SeriesFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TsReaderTest {
  @TempDir
  Path dir;

  private static final String UNI = "# a comment\n@problemName Tiny\n@timeStamps false\n@missing true\n"
      + "@univariate true\n@equalLength true\n@seriesLength 3\n@classLabel true a b\n@data\n";

  @Test
  void readsExponentsMissingValuesAndLabels() throws IOException {
    Path p = write(dir, "t.ts", UNI + "-8.67E-4,1e5,?:a\n.5,-2,3.25e+1:b\n");
    SeriesFile f = TsReader.read(p);
    assertEquals(2, f.size());
    Series s = f.series().get(0);
    assertEquals(Float.parseFloat("-8.67E-4"), s.value(0, 0));
    assertEquals(-8.67e-4f, s.value(0, 0));
    assertEquals(100000f, s.value(0, 1));
    assertTrue(Float.isNaN(s.value(0, 2)));
    assertEquals("a", s.classLabel().orElseThrow());
    assertArrayEquals(new float[] {0.5f, -2f, 32.5f}, f.series().get(1).channel(0));
    assertEquals("Tiny#1", f.series().get(1).id());
    assertEquals("Tiny", f.metadata().get("problemName"));
  }

  @Test
  void readsMultivariateUnequalLengthAndRegressionTargets() throws IOException {
    String h = "@problemName Multi\n@timeStamps false\n@missing false\n@univariate false\n@dimensions 2\n"
        + "@equalLength false\n@classLabel false\n@targetLabel true\n@data\n";
    Path p = write(dir, "m.ts", h + "1,2,3:4,5,6:0.5\n7,8:9,10:-1.5e2\n");
    List<Series> s = SeriesFiles.read(p).series();
    assertEquals(2, s.get(0).channels());
    assertEquals(3, s.get(0).length());
    assertEquals(2, s.get(1).length());
    assertArrayEquals(new float[] {9, 10}, s.get(1).channel(1));
    assertEquals(0.5, s.get(0).target().orElseThrow());
    assertEquals(-150.0, s.get(1).target().orElseThrow());
  }

  @Test
  void emptyFileIsRejected() throws IOException {
    Path p = write(dir, "e.ts", "");
    expectError(() -> TsReader.read(p), "e.ts", "empty");
  }

  @Test
  void unknownHeaderTagIsRejectedWithLine() throws IOException {
    Path p = write(dir, "u.ts", "@problemName X\n@colour blue\n@data\n1,2:a\n");
    expectError(() -> TsReader.read(p), "u.ts", "line 2", "unknown header tag @colour");
  }

  @Test
  void textInANumericFieldIsRejectedWithLineAndColumn() throws IOException {
    Path p = write(dir, "x.ts", UNI + "1,2,3:a\n1,abc,3:b\n");
    expectError(() -> TsReader.read(p), "x.ts", "line 11", "column 3", "'abc'", "expected a number");
  }

  @Test
  void raggedCasesAreRejected() throws IOException {
    Path p = write(dir, "r.ts", UNI + "1,2,3:a\n1,2:b\n");
    expectError(() -> TsReader.read(p), "line 11", "2 values", "expected 3");
    String h = "@problemName M\n@univariate false\n@dimensions 2\n@classLabel false\n@data\n";
    Path q = write(dir, "q.ts", h + "1,2,3:4,5\n");
    expectError(() -> TsReader.read(q), "line 6", "dimension 2 has 2 values", "expected 3");
    Path d = write(dir, "d.ts", h + "1,2:3,4:5,6\n");
    expectError(() -> TsReader.read(d), "line 6", "3 dimensions", "expected 2");
  }

  @Test
  void headerClaimsAreCheckedAgainstTheData() throws IOException {
    Path lab = write(dir, "l.ts", UNI + "1,2,3:c\n");
    expectError(() -> TsReader.read(lab), "line 10", "'c'", "[a, b]");
    Path miss = write(dir, "n.ts", UNI.replace("@missing true", "@missing false") + "1,?,3:a\n");
    expectError(() -> TsReader.read(miss), "line 10", "column 3", "@missing false");
    Path noData = write(dir, "nd.ts", "@problemName X\n@classLabel false\n");
    expectError(() -> TsReader.read(noData), "without @data");
    Path noCases = write(dir, "nc.ts", UNI);
    expectError(() -> TsReader.read(noCases), "no series after @data");
    Path dup = write(dir, "dup.ts", "@problemName X\n@problemName Y\n@data\n1\n");
    expectError(() -> TsReader.read(dup), "line 2", "twice");
  }

  @Test
  void absurdSizesAreRejectedWithoutAllocating() throws IOException {
    Path len = write(dir, "big.ts", "@problemName X\n@equalLength true\n@seriesLength 1000000000000\n"
        + "@classLabel false\n@data\n1,2,3\n");
    expectError(() -> TsReader.read(len), "big.ts", "line 3", "1000000000000", "at most");
    Path dims = write(dir, "dims.ts", "@problemName X\n@dimensions 1000000000000\n@data\n1\n");
    expectError(() -> TsReader.read(dims), "line 2", "1000000000000");
    Path claim = write(dir, "claim.ts", "@problemName X\n@equalLength true\n@seriesLength 2000000000\n"
        + "@classLabel false\n@data\n1,2,3\n");
    expectError(() -> TsReader.read(claim), "line 6", "3 values", "expected 2000000000");
  }

  @Test
  void nonUtf8BytesAreRejectedWithTheirPosition() throws IOException {
    byte[] head = (UNI + "1,2,3:a\n1,").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] bytes = java.util.Arrays.copyOf(head, head.length + 7);
    bytes[head.length] = (byte) 0xC3;
    bytes[head.length + 1] = (byte) 0x28;
    System.arraycopy(",3:b\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, bytes, head.length + 2, 5);
    Path p = write(dir, "bad.ts", bytes);
    expectError(() -> TsReader.read(p), "bad.ts", "line 11", "column 3", "0xC3", "UTF-8");
  }

  @Test
  void readsTimestampedCases() throws IOException {
    String h = "@problemName Stamped\n@timeStamps true\n@missing true\n@univariate false\n@dimensions 2\n"
        + "@equalLength false\n@classLabel true yes no\n@data\n";
    Path p = write(dir, "st.ts", h
        + "(2007-01-01 00:00:00,241.97),(2007-01-01 00:01:00,?):(2007-01-01 00:00:00,1),(2007-01-01 00:01:00,2e1):yes\n"
        + "(2007-01-02 00:00:00,-1):(2007-01-02 00:00:00,1.5):no\n");
    SeriesFile f = TsReader.read(p);
    Series s = f.series().get(0);
    assertEquals(2, s.channels());
    assertEquals(241.97f, s.value(0, 0));
    assertTrue(Float.isNaN(s.value(0, 1)));
    assertEquals(20f, s.value(1, 1));
    assertArrayEquals(new long[] {1167609600000L, 1167609660000L}, s.timestamps().orElseThrow());
    assertEquals("no", f.series().get(1).classLabel().orElseThrow());
    assertEquals("epoch-millis", f.metadata().get("timestampKind"));
    Path ints = write(dir, "si.ts", "@problemName I\n@timeStamps true\n@classLabel false\n@data\n(0,1),(5,2),(7,3)\n");
    SeriesFile fi = TsReader.read(ints);
    assertArrayEquals(new long[] {0, 5, 7}, fi.series().get(0).timestamps().orElseThrow());
    assertEquals("integer", fi.metadata().get("timestampKind"));
  }

  @Test
  void badTimestampedCasesAreRejected() throws IOException {
    String h = "@problemName S\n@timeStamps true\n@classLabel false\n@data\n";
    Path dec = write(dir, "dec.ts", h + "(0,1),(5,2),(5,3)\n");
    expectError(() -> TsReader.read(dec), "dec.ts", "line 5", "column 14", "not after the previous");
    Path mixed = write(dir, "mix.ts", h + "(0,1)\n(2007-01-01 00:00:00,1)\n");
    expectError(() -> TsReader.read(mixed), "line 6", "expected an integer");
    Path dims = write(dir, "dims.ts", h + "(0,1),(1,2):(0,1),(2,2)\n");
    expectError(() -> TsReader.read(dims), "line 5", "other timestamps");
    Path bare = write(dir, "bare.ts", h + "1,2,3\n");
    expectError(() -> TsReader.read(bare), "line 5", "column 1", "(timestamp,value) pair");
    Path text = write(dir, "text.ts", h + "(0,1),(1,abc)\n");
    expectError(() -> TsReader.read(text), "line 5", "column 10", "'abc'");
  }
}
