package io.florets.spark;

import io.florets.datasets.io.AnnotationFields;
import io.florets.datasets.target.Annotation;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The row layouts of labelled windows, the same fields as the Arrow dense dataset
 * ({@code DenseDatasetArrow}): a window (series id, start, channel count, values channel after
 * channel, timestamps, channel names, class label) with a list of annotation structs (the
 * annotation fields of layout 2, {@link AnnotationFields}); and the flat layout, one row per
 * annotation. Stateless.
 */
public final class DenseRows {
  /**
   * One annotation: the fields of the dense-dataset layout 2 ({@link AnnotationFields}, the Arrow
   * file's annotation struct), nullable where they do not apply to the annotation's kind.
   */
  public static final StructType ANNOTATION = new StructType(new StructField[] {
      DataTypes.createStructField("kind", DataTypes.StringType, false),
      DataTypes.createStructField("channel", DataTypes.IntegerType, true),
      DataTypes.createStructField("class_label", DataTypes.StringType, true),
      DataTypes.createStructField("property", DataTypes.StringType, true),
      DataTypes.createStructField("value", DataTypes.DoubleType, true),
      DataTypes.createStructField("unit", DataTypes.StringType, true),
      DataTypes.createStructField("facet", DataTypes.StringType, true),
      DataTypes.createStructField("tag", DataTypes.StringType, true),
      DataTypes.createStructField("event_type", DataTypes.StringType, true),
      DataTypes.createStructField("segment_label", DataTypes.StringType, true),
      DataTypes.createStructField("start", DataTypes.IntegerType, true),
      DataTypes.createStructField("end", DataTypes.IntegerType, true),
      DataTypes.createStructField("caption", DataTypes.StringType, true),
      DataTypes.createStructField("detailed", DataTypes.BooleanType, true),
      DataTypes.createStructField("source", DataTypes.StringType, false),
      DataTypes.createStructField("source_version", DataTypes.StringType, false),
      DataTypes.createStructField("confidence", DataTypes.DoubleType, false)});

  /**
   * One window with its annotations; {@code window_index} is the window's position in the whole
   * dataset (series in {@link SeriesRows} order, then by start), which also seeds its captions.
   */
  public static final StructType WINDOW = new StructType(new StructField[] {
      DataTypes.createStructField("window_index", DataTypes.LongType, false),
      DataTypes.createStructField("series_id", DataTypes.StringType, false),
      DataTypes.createStructField("window_start", DataTypes.IntegerType, false),
      DataTypes.createStructField("channels", DataTypes.IntegerType, false),
      DataTypes.createStructField("values", DataTypes.createArrayType(DataTypes.FloatType, false), false),
      DataTypes.createStructField("timestamps", DataTypes.createArrayType(DataTypes.LongType, false), true),
      DataTypes.createStructField("channel_names", DataTypes.createArrayType(DataTypes.StringType, false), false),
      DataTypes.createStructField("class_label", DataTypes.StringType, true),
      DataTypes.createStructField("annotations", DataTypes.createArrayType(ANNOTATION, false), false)});

  /** Column names of the flat layout, one row per annotation, in order. */
  public static final List<String> FLAT_COLUMNS = flatColumns();

  private static List<String> flatColumns() {
    List<String> c = new ArrayList<>(List.of("series_id", "window_start", "window_index",
        "annotation_index"));
    c.addAll(AnnotationFields.NAMES);
    return List.copyOf(c);
  }

  static final int W_INDEX = 0;
  static final int W_SERIES = 1;
  static final int W_START = 2;
  static final int W_CHANNELS = 3;
  static final int W_VALUES = 4;
  static final int W_TIMESTAMPS = 5;
  static final int W_NAMES = 6;
  static final int W_LABEL = 7;
  static final int W_ANNOTATIONS = 8;

  private DenseRows() {
  }

  /** An annotation as a row of {@link #ANNOTATION}. */
  public static Row row(Annotation a) {
    return RowFactory.create(AnnotationFields.of(a).values());
  }

  /** The annotations as a list of {@link #ANNOTATION} rows. */
  public static List<Row> rows(List<Annotation> annotations) {
    List<Row> out = new ArrayList<>(annotations.size());
    for (Annotation a : annotations) {
      out.add(row(a));
    }
    return out;
  }

  /**
   * A row of {@link #ANNOTATION} as an annotation.
   *
   * @throws IllegalArgumentException if the kind or a token is unknown
   */
  public static Annotation annotation(Row r) {
    return new AnnotationFields(r.getString(0), integer(r, 1), r.getString(2), r.getString(3),
        r.isNullAt(4) ? null : r.getDouble(4), r.getString(5), r.getString(6), r.getString(7),
        r.getString(8), r.getString(9), integer(r, 10), integer(r, 11), r.getString(12),
        r.isNullAt(13) ? null : r.getBoolean(13), r.getString(14), r.getString(15),
        r.getDouble(16)).toAnnotation();
  }

  private static Integer integer(Row r, int i) {
    return r.isNullAt(i) ? null : r.getInt(i);
  }

  /** The annotations of a {@link #WINDOW} row. */
  static List<Annotation> annotations(Row window) {
    List<Row> rows = Cells.rows(window, W_ANNOTATIONS);
    List<Annotation> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      out.add(annotation(r));
    }
    return out;
  }

  /** A copy of a {@link #WINDOW} row with other annotations. */
  static Row withAnnotations(Row window, List<Annotation> annotations) {
    Object[] v = new Object[WINDOW.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = window.get(i);
    }
    v[W_ANNOTATIONS] = Cells.seq(rows(annotations));
    return RowFactory.create(v);
  }
}
