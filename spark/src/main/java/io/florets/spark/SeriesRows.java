package io.florets.spark;

import io.florets.datasets.Series;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The normalised layout of series that {@link SparkLabeling} and {@link SparkAsk} read: one row per
 * series, values channel after channel, or an error that says why the input row is not a series.
 *
 * <p>A series is identified by its {@code source} (the file it came from, or {@code ""}), its
 * {@code position} in that source and its {@code series_id}; datasets are ordered by these three
 * (as the command line reads a file: series in file order), and that order numbers the windows.
 * Stateless.
 */
public final class SeriesRows {
  /** Series rows: {@code error} is null for a series, else the reason and the other fields may be null. */
  public static final StructType SCHEMA = new StructType(new StructField[] {
      DataTypes.createStructField("source", DataTypes.StringType, false),
      DataTypes.createStructField("position", DataTypes.IntegerType, false),
      DataTypes.createStructField("series_id", DataTypes.StringType, true),
      DataTypes.createStructField("channels", DataTypes.IntegerType, true),
      DataTypes.createStructField("values", DataTypes.createArrayType(DataTypes.FloatType, false), true),
      DataTypes.createStructField("timestamps", DataTypes.createArrayType(DataTypes.LongType, false), true),
      DataTypes.createStructField("channel_names", DataTypes.createArrayType(DataTypes.StringType, false), true),
      DataTypes.createStructField("class_label", DataTypes.StringType, true),
      DataTypes.createStructField("error", DataTypes.StringType, true)});

  /** Errors: where the bad row came from, its id, and why it was left out. */
  public static final StructType ERRORS = new StructType(new StructField[] {
      DataTypes.createStructField("source", DataTypes.StringType, false),
      DataTypes.createStructField("position", DataTypes.IntegerType, false),
      DataTypes.createStructField("series_id", DataTypes.StringType, true),
      DataTypes.createStructField("error", DataTypes.StringType, false)});

  static final int SOURCE = 0;
  static final int POSITION = 1;
  static final int ID = 2;
  static final int CHANNELS = 3;
  static final int VALUES = 4;
  static final int TIMESTAMPS = 5;
  static final int NAMES = 6;
  static final int LABEL = 7;
  static final int ERROR = 8;

  private SeriesRows() {
  }

  /** A series as a row. */
  public static Row row(String source, int position, Series s) {
    return RowFactory.create(source, position, s.id(), s.channels(), flatten(s.values()),
        s.timestamps().orElse(null), Cells.seq(s.channelNames()), s.classLabel().orElse(null), null);
  }

  /** A bad input row: its place, its id if known, and why. */
  public static Row error(String source, int position, String id, String error) {
    return RowFactory.create(source, position, id, null, null, null, null, null, error);
  }

  /** The errors layout of a bad row of {@link #SCHEMA}. */
  static Row errorRow(Row r) {
    return RowFactory.create(r.getString(SOURCE), r.getInt(POSITION), r.getString(ID), r.getString(ERROR));
  }

  /** Channels one after another. */
  static float[] flatten(float[][] v) {
    int n = 0;
    for (float[] c : v) {
      n += c.length;
    }
    float[] out = new float[n];
    int k = 0;
    for (float[] c : v) {
      System.arraycopy(c, 0, out, k, c.length);
      k += c.length;
    }
    return out;
  }

  /**
   * The series of a good row.
   *
   * @throws IllegalArgumentException if the row does not describe a valid series (the message says why)
   */
  public static Series series(Row r) {
    int channels = r.getInt(CHANNELS);
    float[] flat = Cells.floats(r, VALUES);
    if (channels < 1 || flat.length % channels != 0) {
      throw new IllegalArgumentException(flat.length + " values do not split into " + channels + " channels");
    }
    int n = flat.length / channels;
    float[][] v = new float[channels][n];
    for (int c = 0; c < channels; c++) {
      System.arraycopy(flat, c * n, v[c], 0, n);
    }
    Series.Builder b = Series.builder(r.getString(ID), v);
    if (!r.isNullAt(TIMESTAMPS)) {
      b.timestamps(longs(Cells.list(r, TIMESTAMPS)));
    }
    if (!r.isNullAt(NAMES)) {
      b.channelNames(Cells.strings(r, NAMES));
    }
    if (!r.isNullAt(LABEL)) {
      b.classLabel(r.getString(LABEL));
    }
    return b.build();
  }

  /**
   * Why a series cannot be labelled, or null if it can: shorter than {@code minLength} samples, or
   * every value missing.
   */
  static String problem(Series s, int minLength) {
    if (s.length() < minLength) {
      return "too short: " + s.length() + " samples, need at least " + minLength;
    }
    if (s.missingCount() == (long) s.length() * s.channels()) {
      return "every value is missing (NaN): " + s.length() + " samples of " + s.channels() + " channel(s)";
    }
    return null;
  }

  static float[] floats(List<?> list) {
    float[] out = new float[list.size()];
    for (int i = 0; i < out.length; i++) {
      Object o = list.get(i);
      out[i] = o == null ? Float.NaN : ((Number) o).floatValue();
    }
    return out;
  }

  static long[] longs(List<?> list) {
    long[] out = new long[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = SeriesSources.epochMillis(list.get(i));
    }
    return out;
  }
}
