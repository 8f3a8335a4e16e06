package io.florets.datasets.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.florets.datasets.Series;
import io.florets.datasets.io.arrow.ArrowSeries;
import io.florets.datasets.io.ts.TsWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Write/read round trips of the series formats over random series. */
class RoundTripProperties {

  /** Random series: odd bit patterns, NaN, extreme magnitudes, optional labels/targets/timestamps. */
  static List<Series> randomSeries(long seed, int count, int channels, boolean equalLength,
      int labelMode, boolean rich) {
    Random r = new Random(seed);
    List<Series> out = new ArrayList<>();
    int len0 = 1 + r.nextInt(40);
    for (int i = 0; i < count; i++) {
      int len = equalLength ? len0 : 1 + r.nextInt(40);
      float[][] v = new float[channels][len];
      for (int c = 0; c < channels; c++) {
        for (int t = 0; t < len; t++) {
          int k = r.nextInt(10);
          v[c][t] = k == 0 ? Float.NaN : k == 1 ? Float.MIN_VALUE * r.nextInt(5)
              : k == 2 ? (r.nextBoolean() ? -1 : 1) * Float.MAX_VALUE / (1 + r.nextInt(3))
              : k == 3 ? Float.intBitsToFloat(r.nextInt() & 0x7f7fffff) * (r.nextBoolean() ? 1 : -1)
              : (float) r.nextGaussian() * 1000;
        }
      }
      Series.Builder b = Series.builder("s" + i, v);
      if (labelMode == 1) {
        b.classLabel("class_" + r.nextInt(3));
      } else if (labelMode == 2) {
        b.target(r.nextGaussian() * 1e6);
      }
      if (rich) {
        long[] ts = new long[len];
        long t0 = r.nextInt(1_000_000) * 1000L;
        for (int t = 0; t < len; t++) {
          t0 += 1 + r.nextInt(100_000);
          ts[t] = t0;
        }
        if (r.nextBoolean()) {
          b.timestamps(ts);
        } else {
          b.intervalMillis(1 + r.nextInt(10_000));
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < channels; c++) {
          names.add("ch é" + c);
        }
        b.channelNames(names).metadata("origin", "test \"quoted\" ✓").metadata("seed", Long.toString(seed));
      }
      out.add(b.build());
    }
    return out;
  }

  @Property(tries = 20)
  void tsWriteThenReadGivesTheSameValuesLabelsAndTargets(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 12) int count, @ForAll @IntRange(min = 1, max = 4) int channels,
      @ForAll boolean equalLength, @ForAll @IntRange(min = 0, max = 2) int labelMode) throws IOException {
    List<Series> in = randomSeries(seed, count, channels, equalLength, labelMode, false);
    Path dir = Files.createTempDirectory("florets-ts");
    try {
      Path p = dir.resolve("x.ts");
      TsWriter.write(p, "RoundTrip", in);
      SeriesFile f = SeriesFiles.read(p);
      assertEquals(in.size(), f.size());
      for (int i = 0; i < in.size(); i++) {
        Series a = in.get(i);
        Series b = f.series().get(i);
        assertArrayEquals(a.values(), b.values(), "values of series " + i);
        assertEquals(a.classLabel(), b.classLabel());
        assertEquals(a.target(), b.target());
      }
    } finally {
      deleteAll(dir);
    }
  }

  @Property(tries = 20)
  void arrowSeriesRoundTripIsExact(@ForAll long seed, @ForAll @IntRange(min = 1, max = 12) int count,
      @ForAll @IntRange(min = 1, max = 4) int channels, @ForAll boolean equalLength,
      @ForAll @IntRange(min = 0, max = 2) int labelMode, @ForAll boolean rich) throws IOException {
    List<Series> in = randomSeries(seed, count, channels, equalLength, labelMode, rich);
    Path dir = Files.createTempDirectory("florets-arrow");
    try {
      Path p = dir.resolve("x.arrow");
      ArrowSeries.write(p, in);
      SeriesFile f = SeriesFiles.read(p);
      assertEquals(SeriesFormat.ARROW_SERIES, f.format());
      assertEquals(in, f.series());
      for (int i = 0; i < in.size(); i++) {
        assertEquals(in.get(i).intervalMillis(), f.series().get(i).intervalMillis());
      }
    } finally {
      deleteAll(dir);
    }
  }

  @Property(tries = 1)
  void arrowSeriesSpanningSeveralBatchesRoundTrips(@ForAll long seed) throws IOException {
    List<Series> in = randomSeries(seed, 2500, 2, false, 1, true);
    Path dir = Files.createTempDirectory("florets-arrow");
    try {
      Path p = dir.resolve("many.arrow");
      ArrowSeries.write(p, in);
      assertEquals(in, ArrowSeries.read(p).series());
    } finally {
      deleteAll(dir);
    }
  }

  static void deleteAll(Path dir) throws IOException {
    try (var s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
