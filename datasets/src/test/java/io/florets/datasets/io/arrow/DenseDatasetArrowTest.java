package io.florets.datasets.io.arrow;

import static io.florets.datasets.io.Files4Test.expectError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.florets.datasets.DenseDataset;
import io.florets.datasets.Series;
import io.florets.datasets.Window;
import io.florets.datasets.Windowing;
import io.florets.datasets.io.DatasetSummary;
import io.florets.datasets.io.SeriesFiles;
import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.CaptionText;
import io.florets.datasets.target.ClassLabel;
import io.florets.datasets.target.Event;
import io.florets.datasets.target.EventType;
import io.florets.datasets.target.NumericProperty;
import io.florets.datasets.target.Property;
import io.florets.datasets.target.Segment;
import io.florets.datasets.target.SegmentLabel;
import io.florets.datasets.target.ShapeFacet;
import io.florets.datasets.target.ShapeTag;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class DenseDatasetArrowTest {
  @TempDir
  Path dir;

  /** A dataset with every target kind, channels, confidences, metadata, timestamps and NaN. */
  public static DenseDataset sample(int windows) {
    float[][] v = new float[2][40 + windows * 8];
    long[] ts = new long[v[0].length];
    for (int t = 0; t < v[0].length; t++) {
      v[0][t] = (float) Math.sin(t * 0.3);
      v[1][t] = t % 11 == 5 ? Float.NaN : t * -0.125f + 1e-7f;
      ts[t] = 1_400_000_000_000L + 300_000L * t;
    }
    Series s = Series.builder("unit-1", v).timestamps(ts).channelNames(List.of("x", "temp °C"))
        .classLabel("ok").build();
    List<Window> ws = new ArrayList<>(Windowing.fixed(16, 8, Windowing.Tail.PAD_NAN).apply(s));
    ws.add(Window.of(new float[] {1.5f, Float.NaN, -0f}));
    List<DenseDataset.Entry> entries = new ArrayList<>();
    for (int i = 0; i < ws.size(); i++) {
      List<Annotation> a = new ArrayList<>();
      if (i % 2 == 0) {
        a.add(new Annotation(new ClassLabel("ok"), Annotation.HUMAN, "", 1.0));
        a.add(new Annotation(new NumericProperty(Property.MEAN, Math.PI * i, 1), "stats", "0.1", 0.875));
        a.add(new Annotation(new ShapeTag(ShapeFacet.TREND, "increasing"), "trend.ols", "2", 0.5));
        a.add(Annotation.truth(new Event(EventType.SPIKE_UP, 2, 3, 0)));
        a.add(new Annotation(new Segment(0, 7, SegmentLabel.FLAT), "seg", "1", 1e-9));
        a.add(new Annotation(new CaptionText("A flat window, then a \"spike\" ✓.\nSecond line.", true), "cap", "3", 0.25));
        a.add(new Annotation(new CaptionText("short", false), "cap", "3", 0.0));
        a.add(new Annotation(new Event(EventType.ANOMALY, 0, 15), "nab", "1", 1.0));
      }
      entries.add(new DenseDataset.Entry(ws.get(i), a));
    }
    return DenseDataset.of(entries, Map.of("name", "unit test", "seed", "42", "empty", ""));
  }

  @Test
  void roundTripIsExact() throws IOException {
    DenseDataset d = sample(5);
    Path p = dir.resolve("d.arrow");
    DenseDatasetArrow.write(p, d);
    DenseDataset back = DenseDatasetArrow.read(p);
    assertEquals(d, back);
    assertEquals(d.metadata(), back.metadata());
    assertEquals(d.get(0).annotations(), back.get(0).annotations());
    assertNotEquals(0, back.get(0).annotations().size());
  }

  @Test
  void roundTripSpanningSeveralBatchesAndEmptyDataset() throws IOException {
    DenseDataset d = sample(300);
    DenseDataset big = DenseDataset.of(repeat(d.entries(), 4), d.metadata());
    Path p = dir.resolve("big.arrow");
    DenseDatasetArrow.write(p, big);
    assertEquals(big, DenseDatasetArrow.read(p));
    DenseDataset empty = DenseDataset.of(List.of(), Map.of("k", "v"));
    Path e = dir.resolve("empty.arrow");
    DenseDatasetArrow.write(e, empty);
    assertEquals(empty, DenseDatasetArrow.read(e));
  }

  private static <T> List<T> repeat(List<T> l, int n) {
    List<T> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.addAll(l);
    }
    return out;
  }

  @Test
  void summaryCountsWindowsAndAnnotations() throws IOException {
    DenseDataset d = sample(5);
    Path p = dir.resolve("s.arrow");
    DenseDatasetArrow.write(p, d);
    DatasetSummary s = SeriesFiles.summarize(p);
    assertEquals("arrow-dense", s.format());
    assertEquals(d.size(), s.series());
    long total = d.entries().stream().mapToLong(x -> x.annotations().size()).sum();
    DatasetSummary.AnnotationCounts a = s.annotations().orElseThrow();
    assertEquals(total, a.total());
    assertEquals(total / 8 * 2, a.byKind().get("event"));
    assertEquals(total / 8 * 2, a.bySource().get("cap"));
    org.junit.jupiter.api.Assertions.assertNull(s.report().windowLength(),
        "windows of different lengths have no single windowLength");
    assertEquals(3, s.minLength());
    assertEquals(16, s.maxLength());
  }

  @Test
  void corruptFilesAreRejected() throws IOException {
    DenseDataset d = sample(5);
    Path good = dir.resolve("g.arrow");
    DenseDatasetArrow.write(good, d);
    byte[] bytes = Files.readAllBytes(good);
    Path empty = Files.write(dir.resolve("empty.arrow"), new byte[0]);
    expectError(() -> DenseDatasetArrow.read(empty), "empty.arrow", "empty");
    Path text = Files.writeString(dir.resolve("text.arrow"), "timestamp,value\n");
    expectError(() -> DenseDatasetArrow.read(text), "text.arrow", "ARROW1");
    Path cut = Files.write(dir.resolve("cut.arrow"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
    expectError(() -> DenseDatasetArrow.read(cut), "cut.arrow");
    Path series = dir.resolve("series.arrow");
    ArrowSeries.write(series, List.of(Series.of("a", new float[] {1, 2})));
    expectError(() -> DenseDatasetArrow.read(series), "series.arrow", "'series'", "expected 'dense-dataset'");
    expectError(() -> ArrowSeries.read(good), "g.arrow", "'dense-dataset'", "expected 'series'");
  }
}
