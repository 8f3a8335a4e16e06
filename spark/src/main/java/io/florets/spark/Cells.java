package io.florets.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * Reads array cells of rows whether Spark decoded them (Scala sequences) or this package built them
 * (Java arrays and lists): Spark hands an object from one typed step to the next without encoding
 * it in between, so a step can see either. Stateless.
 */
final class Cells {
  private Cells() {
  }

  /** A list as the Scala sequence Spark's row encoder takes for an array cell. */
  @SuppressWarnings("deprecation")
  static scala.collection.Seq<Object> seq(List<?> list) {
    return scala.collection.JavaConverters.asScalaBuffer(new ArrayList<Object>(list));
  }


  /** The array cell {@code i} as a list, or null. */
  static List<?> list(Row r, int i) {
    Object o = r.get(i);
    if (o == null) {
      return null;
    }
    if (o instanceof List<?> l) {
      return l;
    }
    if (o instanceof scala.collection.Seq<?>) {
      return r.getList(i);
    }
    if (o instanceof Object[] a) {
      return Arrays.asList(a);
    }
    if (o instanceof float[] f) {
      List<Float> out = new ArrayList<>(f.length);
      for (float x : f) {
        out.add(x);
      }
      return out;
    }
    if (o instanceof long[] f) {
      List<Long> out = new ArrayList<>(f.length);
      for (long x : f) {
        out.add(x);
      }
      return out;
    }
    throw new IllegalArgumentException("cell " + i + " holds " + o.getClass().getName() + ", not an array");
  }

  /** The float array cell {@code i} (null elements are NaN). */
  static float[] floats(Row r, int i) {
    Object o = r.get(i);
    if (o instanceof float[] f) {
      return f.clone();
    }
    if (o instanceof scala.collection.mutable.ArraySeq.ofFloat a) {
      return a.array().clone();
    }
    return SeriesRows.floats(list(r, i));
  }

  /** The string array cell {@code i} as a new list. */
  static List<String> strings(Row r, int i) {
    List<String> out = new ArrayList<>();
    for (Object o : list(r, i)) {
      out.add((String) o);
    }
    return out;
  }

  /** The struct array cell {@code i}. */
  static List<Row> rows(Row r, int i) {
    List<Row> out = new ArrayList<>();
    for (Object o : list(r, i)) {
      out.add((Row) o);
    }
    return out;
  }
}
