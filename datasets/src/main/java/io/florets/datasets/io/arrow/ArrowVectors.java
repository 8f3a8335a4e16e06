package io.florets.datasets.io.arrow;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.TimeStampMilliTZVector;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/** Small helpers over Arrow vectors shared by the series and dataset files. Package-private. */
final class ArrowVectors {
  /** Schema metadata key naming what a file holds. */
  static final String KIND = "florets.kind";
  /** Schema metadata key of the layout version. */
  static final String VERSION = "florets.version";
  /** Schema metadata key of the content checksum ({@link ArrowChecksum}); absent in older files. */
  static final String CHECKSUM = "florets.checksum";
  /** Rows per record batch when writing. */
  static final int BATCH = 1024;

  static final ArrowType UTF8 = ArrowType.Utf8.INSTANCE;
  static final ArrowType INT32 = new ArrowType.Int(32, true);
  static final ArrowType INT64 = new ArrowType.Int(64, true);
  static final ArrowType FLOAT32 = new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
  static final ArrowType FLOAT64 = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
  static final ArrowType BOOL = ArrowType.Bool.INSTANCE;
  static final ArrowType TIMESTAMP_MS = new ArrowType.Timestamp(TimeUnit.MILLISECOND, "UTC");

  private ArrowVectors() {
  }

  static Field field(String name, ArrowType type, boolean nullable) {
    return new Field(name, new FieldType(nullable, type, null), null);
  }

  static Field listOf(String name, ArrowType elem, boolean nullable) {
    return new Field(name, new FieldType(nullable, ArrowType.List.INSTANCE, null),
        List.of(field("item", elem, false)));
  }

  static Field listOf(String name, Field elem) {
    return new Field(name, new FieldType(false, ArrowType.List.INSTANCE, null), List.of(elem));
  }

  /** An allocator bounded by a multiple of the file size, so a corrupt size field cannot exhaust memory. */
  static BufferAllocator allocatorFor(long fileBytes) {
    long limit = Math.min(Long.MAX_VALUE / 4, 2 * fileBytes + (64L << 20));
    return new RootAllocator(limit);
  }

  static <T extends FieldVector> T vector(VectorSchemaRoot root, String name, Class<T> type) {
    FieldVector v = root.getVector(name);
    if (v == null) {
      throw new IllegalStateException("column '" + name + "' is missing");
    }
    if (!type.isInstance(v)) {
      throw new IllegalStateException("column '" + name + "' is " + v.getField().getType()
          + "; expected " + type.getSimpleName());
    }
    return type.cast(v);
  }

  static void setString(VarCharVector v, int i, String s) {
    v.setSafe(i, s.getBytes(StandardCharsets.UTF_8));
  }

  static String getString(VarCharVector v, int i) {
    return v.isNull(i) ? null : new String(v.get(i), StandardCharsets.UTF_8);
  }

  /** Writes all channels of {@code values} one after another into list row {@code row}. */
  static void setFloats(ListVector lv, int row, float[][] values) {
    Float4Vector data = (Float4Vector) lv.getDataVector();
    int off = lv.startNewValue(row);
    int k = off;
    for (float[] ch : values) {
      for (float f : ch) {
        data.setSafe(k++, f);
      }
    }
    lv.endValue(row, k - off);
  }

  /** Reads list row {@code row} as {@code channels} equal parts. */
  static float[][] getFloats(ListVector lv, int row, int channels) {
    if (lv.isNull(row)) {
      throw new IllegalStateException("values are null");
    }
    Float4Vector data = child(lv, Float4Vector.class);
    int start = start(lv, row);
    int n = end(lv, row) - start;
    if (channels < 1 || n % channels != 0 || n == 0) {
      throw new IllegalStateException(n + " values do not split into " + channels + " channels");
    }
    int len = n / channels;
    float[][] out = new float[channels][len];
    for (int c = 0; c < channels; c++) {
      for (int t = 0; t < len; t++) {
        out[c][t] = data.get(start + c * len + t);
      }
    }
    return out;
  }

  /** Writes {@code values} into list row {@code row} as one inner list per channel. */
  static void setChannels(ListVector lv, int row, float[][] values) {
    ListVector inner = (ListVector) lv.getDataVector();
    int off = lv.startNewValue(row);
    for (int c = 0; c < values.length; c++) {
      setFloats(inner, off + c, new float[][] {values[c]});
    }
    lv.endValue(row, values.length);
  }

  /** Reads list row {@code row} of per-channel lists, each checked to hold {@code length} values. */
  static float[][] getChannels(ListVector lv, int row, int length) {
    if (lv.isNull(row)) {
      throw new IllegalStateException("values are null");
    }
    ListVector inner = child(lv, ListVector.class);
    Float4Vector data = child(inner, Float4Vector.class);
    int from = start(lv, row);
    int channels = end(lv, row) - from;
    if (channels < 1 || length < 1) {
      throw new IllegalStateException(channels + " channels of " + length + " samples; expected at "
          + "least one of each");
    }
    float[][] out = new float[channels][];
    for (int c = 0; c < channels; c++) {
      int s = start(inner, from + c);
      int n = end(inner, from + c) - s;
      if (n != length || inner.isNull(from + c)) {
        throw new IllegalStateException("channel " + c + " has " + n + " values; the row's length is "
            + length);
      }
      out[c] = new float[n];
      for (int t = 0; t < n; t++) {
        out[c][t] = data.get(s + t);
      }
    }
    return out;
  }

  /** Writes epoch milliseconds as timestamps, or a null list for {@code null}. */
  static void setTimes(ListVector lv, int row, long[] millis) {
    if (millis == null) {
      lv.setNull(row);
      return;
    }
    TimeStampMilliTZVector data = (TimeStampMilliTZVector) lv.getDataVector();
    int off = lv.startNewValue(row);
    for (int i = 0; i < millis.length; i++) {
      data.setSafe(off + i, millis[i]);
    }
    lv.endValue(row, millis.length);
  }

  /** Reads a list of timestamps as epoch milliseconds, or {@code null} for a null list. */
  static long[] getTimes(ListVector lv, int row) {
    if (lv.isNull(row)) {
      return null;
    }
    TimeStampMilliTZVector data = child(lv, TimeStampMilliTZVector.class);
    int start = start(lv, row);
    long[] out = new long[end(lv, row) - start];
    for (int i = 0; i < out.length; i++) {
      out[i] = data.get(start + i);
    }
    return out;
  }

  static void setLongs(ListVector lv, int row, long[] values) {
    if (values == null) {
      lv.setNull(row);
      return;
    }
    BigIntVector data = (BigIntVector) lv.getDataVector();
    int off = lv.startNewValue(row);
    for (int i = 0; i < values.length; i++) {
      data.setSafe(off + i, values[i]);
    }
    lv.endValue(row, values.length);
  }

  static long[] getLongs(ListVector lv, int row) {
    if (lv.isNull(row)) {
      return null;
    }
    BigIntVector data = child(lv, BigIntVector.class);
    int start = start(lv, row);
    long[] out = new long[end(lv, row) - start];
    for (int i = 0; i < out.length; i++) {
      out[i] = data.get(start + i);
    }
    return out;
  }

  static void setStrings(ListVector lv, int row, List<String> values) {
    VarCharVector data = (VarCharVector) lv.getDataVector();
    int off = lv.startNewValue(row);
    for (int i = 0; i < values.size(); i++) {
      setString(data, off + i, values.get(i));
    }
    lv.endValue(row, values.size());
  }

  static List<String> getStrings(ListVector lv, int row) {
    VarCharVector data = child(lv, VarCharVector.class);
    int start = start(lv, row);
    int end = end(lv, row);
    List<String> out = new ArrayList<>(end - start);
    for (int i = start; i < end; i++) {
      out.add(getString(data, i));
    }
    return out;
  }

  static int start(ListVector lv, int row) {
    return lv.getOffsetBuffer().getInt((long) row * ListVector.OFFSET_WIDTH);
  }

  static int end(ListVector lv, int row) {
    return lv.getOffsetBuffer().getInt((long) (row + 1) * ListVector.OFFSET_WIDTH);
  }

  /** The child {@code name} of struct {@code sv}, checked to be of {@code type}. */
  static <T extends FieldVector> T field(org.apache.arrow.vector.complex.StructVector sv,
      String name, Class<T> type) {
    FieldVector v = sv.getChild(name);
    if (v == null) {
      throw new IllegalStateException("struct column '" + sv.getName() + "' has no field '" + name
          + "'");
    }
    if (!type.isInstance(v)) {
      throw new IllegalStateException("field '" + sv.getName() + "." + name + "' is "
          + v.getField().getType() + "; expected " + type.getSimpleName());
    }
    return type.cast(v);
  }

  static <T> T child(ListVector lv, Class<T> type) {
    Object d = lv.getDataVector();
    if (!type.isInstance(d)) {
      throw new IllegalStateException("list column '" + lv.getName() + "' holds "
          + lv.getDataVector().getField().getType() + "; expected " + type.getSimpleName());
    }
    return type.cast(d);
  }

  static String metadata(Map<String, String> meta, String key) {
    return meta == null ? null : meta.get(key);
  }
}
