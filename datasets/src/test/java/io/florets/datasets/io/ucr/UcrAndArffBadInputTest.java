package io.florets.datasets.io.ucr;

import static io.florets.datasets.io.Files4Test.expectError;
import static io.florets.datasets.io.Files4Test.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.florets.datasets.Series;
import io.florets.datasets.io.SeriesFiles;
import io.florets.datasets.io.arff.ArffReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The label-first UCR text layouts and ARFF: good small files and each kind of bad input. */
class UcrAndArffBadInputTest {
  @TempDir
  Path dir;

  @Test
  void readsLabelFirstLayouts() throws IOException {
    List<Series> tsv = SeriesFiles.read(write(dir, "a.tsv", "1\t0.5\tNaN\n2\t-1e-3\t4\n")).series();
    assertEquals("1", tsv.get(0).classLabel().orElseThrow());
    assertEquals(1, tsv.get(0).missingCount());
    List<Series> txt = SeriesFiles.read(write(dir, "a.txt", "  1.0000000e+00   5.73e+02  3\n 2 1 2\n")).series();
    assertEquals("1", txt.get(0).classLabel().orElseThrow());
    assertArrayEquals(new float[] {573f, 3f}, txt.get(0).channel(0));
  }

  @Test
  void badUcrTextIsRejected() throws IOException {
    Path empty = write(dir, "e.tsv", "\n\n");
    expectError(() -> UcrTextReader.readTsv(empty), "e.tsv", "empty");
    Path ragged = write(dir, "r.tsv", "1\t0.5\t2\n2\t1\n");
    expectError(() -> UcrTextReader.readTsv(ragged), "r.tsv", "line 2", "2 fields", "expected 3");
    Path text = write(dir, "t.txt", "1 0.5 2\n2 1 x2\n");
    expectError(() -> UcrTextReader.readTxt(text), "t.txt", "line 2", "field 3", "'x2'");
  }

  @Test
  void readsUnivariateAndRelationalArff() throws IOException {
    String uni = "% c\n@relation 'Tiny'\n@attribute a0 numeric\n@attribute a1 numeric\n"
        + "@attribute target {x,'y'}\n@data\n1,-8.67E-4,x\n?,2,y\n";
    List<Series> u = ArffReader.read(write(dir, "u.arff", uni)).series();
    assertEquals(2, u.size());
    assertEquals(-8.67e-4f, u.get(0).value(0, 1));
    assertEquals("y", u.get(1).classLabel().orElseThrow());
    String rel = "@relation M\n@attribute rel relational\n@attribute t0 numeric\n@attribute t1 numeric\n"
        + "@end rel\n@attribute c {A,B}\n@data\n'1,2\\n3,4',A\n\"5,6\\n7,?\",B\n";
    List<Series> m = ArffReader.read(write(dir, "m.arff", rel)).series();
    assertEquals(2, m.get(0).channels());
    assertArrayEquals(new float[] {3, 4}, m.get(0).channel(1));
    assertEquals(1, m.get(1).missingCount());
  }

  @Test
  void badArffIsRejected() throws IOException {
    String head = "@relation T\n@attribute a0 numeric\n@attribute a1 numeric\n@attribute c {x,y}\n@data\n";
    Path ragged = write(dir, "r.arff", head + "1,2,x\n1,x\n");
    expectError(() -> ArffReader.read(ragged), "r.arff", "line 7", "2 fields", "expected 3");
    Path text = write(dir, "t.arff", head + "1,abc,x\n");
    expectError(() -> ArffReader.read(text), "t.arff", "line 6", "column 2", "'abc'");
    Path label = write(dir, "l.arff", head + "1,2,z\n");
    expectError(() -> ArffReader.read(label), "l.arff", "line 6", "'z'", "[x, y]");
    Path tag = write(dir, "g.arff", "@relation T\n@attribute a0 numeric\n@colour red\n@data\n1\n");
    expectError(() -> ArffReader.read(tag), "g.arff", "line 3", "@colour");
    Path empty = write(dir, "e.arff", "");
    expectError(() -> ArffReader.read(empty), "e.arff", "empty");
    Path sparse = write(dir, "s.arff", head + "{0 1, 2 x}\n");
    expectError(() -> ArffReader.read(sparse), "s.arff", "line 6", "sparse");
  }

  @Test
  void unknownFormatsAreRejected() throws IOException {
    Path p = write(dir, "notes.dat", "hello world\n");
    expectError(() -> SeriesFiles.read(p), "notes.dat", "cannot tell the format");
    Path e = write(dir, "empty.bin", "");
    expectError(() -> SeriesFiles.read(e), "empty.bin", "empty");
  }
}
