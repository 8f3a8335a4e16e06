package io.florets.datasets.io.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.florets.datasets.DenseDataset;
import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.TargetKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Layout 2 of the dense-dataset file is readable by a stranger: one column per meaning, nulls where
 * a field does not apply, a description in every field's metadata, per-channel value lists and real
 * timestamps; files of layout 1 still read; the documented Python example runs when pyarrow is
 * installed.
 */
class DenseDatasetArrowLayoutTest {
  @TempDir
  Path dir;

  private interface RootCheck {
    void check(VectorSchemaRoot root) throws Exception;
  }

  private static void open(Path p, RootCheck check) throws Exception {
    try (BufferAllocator alloc = new RootAllocator();
         FileChannel ch = FileChannel.open(p, StandardOpenOption.READ);
         ArrowFileReader r = new ArrowFileReader(ch, alloc)) {
      assertTrue(r.loadNextBatch());
      check.check(r.getVectorSchemaRoot());
    }
  }

  private static void assertDescribed(Field f) {
    String d = f.getMetadata().get("description");
    assertTrue(d != null && d.length() > 10, "field '" + f.getName() + "' has a description");
    for (Field c : f.getChildren()) {
      if (!c.getName().equals("item") || c.getType() instanceof ArrowType.Struct) {
        if (c.getType() instanceof ArrowType.Struct) {
          c.getChildren().forEach(DenseDatasetArrowLayoutTest::assertDescribed);
        } else {
          assertDescribed(c);
        }
      }
    }
  }

  @Test
  void layoutTwoHasOneColumnPerMeaningWithNullsAndDescriptions() throws Exception {
    DenseDataset d = DenseDatasetArrowTest.sample(3);
    Path p = dir.resolve("d.arrow");
    DenseDatasetArrow.write(p, d);
    open(p, root -> {
      var schema = root.getSchema();
      assertEquals("2", schema.getCustomMetadata().get("florets.version"));
      assertEquals(List.of("series_id", "window_start", "length", "channel_names", "values",
          "timestamps", "class_label", "annotations"),
          schema.getFields().stream().map(Field::getName).toList());
      schema.getFields().forEach(DenseDatasetArrowLayoutTest::assertDescribed);
      Field ts = schema.findField("timestamps").getChildren().get(0);
      assertEquals(new ArrowType.Timestamp(org.apache.arrow.vector.types.TimeUnit.MILLISECOND, "UTC"), ts.getType());
      assertEquals("samples from the window's first sample (0-based)", schema.findField("annotations")
          .getChildren().get(0).getChildren().stream().filter(f -> f.getName().equals("start"))
          .findFirst().orElseThrow().getMetadata().get("unit"));
      // values: one list per channel, each `length` long
      ListVector values = (ListVector) root.getVector("values");
      assertEquals(2, ((List<?>) values.getObject(0)).size());
      assertEquals(16, ((List<?>) ((List<?>) values.getObject(0)).get(0)).size());
      // the last window (a bare Window.of) has no time axis: a null list, not an empty one
      assertTrue(root.getVector("timestamps").isNull(root.getRowCount() - 1));
      StructVector anns = (StructVector) ((ListVector) root.getVector("annotations")).getDataVector();
      Map<String, Set<String>> present = new java.util.TreeMap<>();
      for (int k = 0; k < anns.getValueCount(); k++) {
        String kind = String.valueOf(anns.getChild("kind").getObject(k));
        Set<String> set = present.computeIfAbsent(kind, x -> new java.util.TreeSet<>());
        for (var child : anns.getChildrenFromFields()) {
          if (!child.isNull(k)) {
            set.add(child.getName());
          }
        }
      }
      Set<String> common = Set.of("kind", "source", "source_version", "confidence");
      assertEquals(union(common, "class_label"), present.get("class_label"));
      assertEquals(union(common, "channel", "property", "value", "unit"), present.get("numeric"));
      assertEquals(union(common, "facet", "tag"), present.get("shape_tag"));
      assertEquals(union(common, "channel", "event_type", "start", "end"), present.get("event"));
      assertEquals(union(common, "segment_label", "start", "end"), present.get("segment"));
      assertEquals(union(common, "caption", "detailed"), present.get("caption"));
    });
    assertEquals(d, DenseDatasetArrow.read(p));
  }

  private static Set<String> union(Set<String> a, String... more) {
    Set<String> s = new java.util.TreeSet<>(a);
    s.addAll(List.of(more));
    return s;
  }

  @Test
  void filesOfLayoutOneStillRead() throws Exception {
    Path old = dir.resolve("dense-layout1.arrow");
    try (InputStream in = getClass().getResourceAsStream("dense-layout1.arrow")) {
      Files.copy(in, old);
    }
    open(old, root -> assertEquals("1", root.getSchema().getCustomMetadata().get("florets.version")));
    DenseDataset d = DenseDatasetArrow.read(old);
    // `florets label` of a 64-row CSV with two channels (one missing value), windows of 32
    assertEquals(2, d.size());
    assertEquals(List.of("temp", "hum"), d.get(0).window().channelNames());
    assertEquals(32, d.get(1).window().start());
    assertTrue(d.get(0).window().timestamps().isPresent());
    assertTrue(Float.isNaN(d.get(0).window().values()[1][10]));
    EnumSet<TargetKind> kinds = EnumSet.noneOf(TargetKind.class);
    for (DenseDataset.Entry e : d.entries()) {
      for (Annotation a : e.annotations()) {
        kinds.add(a.target().kind());
      }
    }
    assertTrue(kinds.containsAll(EnumSet.of(TargetKind.NUMERIC, TargetKind.SHAPE_TAG,
        TargetKind.CAPTION)), kinds.toString());
    assertEquals("32", d.metadata().get("window"));
    // rewritten, it is a layout 2 file with the same content
    Path now = dir.resolve("now.arrow");
    DenseDatasetArrow.write(now, d);
    open(now, root -> assertEquals("2", root.getSchema().getCustomMetadata().get("florets.version")));
    assertEquals(d, DenseDatasetArrow.read(now));
  }

  @Test
  void thePythonExampleInTheDocsReadsAWrittenFile() throws Exception {
    Path example = Path.of("..", "docs", "arrow-schema-example.py");
    assumeTrue(Files.exists(example), "docs/arrow-schema-example.py not found from " + Path.of("").toAbsolutePath());
    assumeTrue(pythonHasPyarrow(), "pyarrow is not installed");
    Path p = dir.resolve("d.arrow");
    DenseDatasetArrow.write(p, DenseDatasetArrowTest.sample(3));
    Process proc = new ProcessBuilder("python3", example.toString(), p.toString())
        .redirectErrorStream(true).start();
    String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(proc.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, proc.exitValue(), out);
    List<String> lines = new ArrayList<>(out.lines().toList());
    assertTrue(lines.get(0).startsWith("layout 2: "), out);
    // sample(3): the even windows carry a spike on channel x at samples 2..3 and a window-wide anomaly
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("unit-1\t0\tx\tspike_up\t2\t3\t2014-05-13T17:03:20")), out);
    assertTrue(lines.stream().anyMatch(l -> l.contains("\tall\tanomaly\t")), out);
  }

  private static boolean pythonHasPyarrow() {
    try {
      Process p = new ProcessBuilder("python3", "-c", "import pyarrow").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
