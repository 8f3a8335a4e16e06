package io.florets.spark;

import io.florets.datasets.DenseDataset;
import io.florets.datasets.io.AnnotationFields;
import io.florets.datasets.target.Annotation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * Annotation rows as plain lists in the column order of {@link DenseRows#FLAT_COLUMNS}, for
 * comparing what Spark wrote with what one machine wrote. Stateless.
 */
public final class FlatRows {
  private FlatRows() {
  }

  /** The annotations of a one-machine dense dataset, window {@code i} numbered {@code i}, in order. */
  public static List<List<Object>> of(DenseDataset d) {
    List<List<Object>> out = new ArrayList<>();
    for (int i = 0; i < d.size(); i++) {
      DenseDataset.Entry e = d.get(i);
      List<Annotation> anns = e.annotations();
      for (int k = 0; k < anns.size(); k++) {
        Annotation a = anns.get(k);
        List<Object> row = new ArrayList<>(Arrays.asList(e.window().seriesId(), e.window().start(),
            (long) i, k));
        row.addAll(Arrays.asList(AnnotationFields.of(a).values()));
        out.add(row);
      }
    }
    return out;
  }

  /** Rows of the flat layout as lists, ordered by window number and annotation index. */
  public static List<List<Object>> of(List<Row> rows) {
    List<List<Object>> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      List<Object> l = new ArrayList<>(r.size());
      for (int i = 0; i < r.size(); i++) {
        l.add(r.get(i));
      }
      out.add(l);
    }
    out.sort((a, b) -> {
      int c = Long.compare((Long) a.get(2), (Long) b.get(2));
      return c != 0 ? c : Integer.compare((Integer) a.get(3), (Integer) b.get(3));
    });
    return out;
  }
}
