package io.florets.dataengine.eval;

import io.florets.datasets.Window;
import io.florets.prompt.facade.Florets;
import io.florets.prompt.facade.RetrievalIndex;
import io.florets.prompt.task.EmbedFacet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * Retrieval quality of the {@code <EMBED>} readout: precision@k, the mean fraction of a window's
 * {@code k} nearest neighbours (cosine similarity of the embeddings) that share its label. Two
 * references are reported beside it so the figure can be read: the precision a random ranking
 * would have (from the label frequencies), and the precision of the same ranking on the raw
 * samples (Euclidean distance between z-normalised windows of equal length), which is what a user
 * gets without any model.
 */
public final class EmbeddingEvaluation {
  private EmbeddingEvaluation() {
  }

  /**
   * Leave-one-out precision@k within one set: every window queries all the others.
   *
   * @param florets the model
   * @param windows the windows
   * @param labels the label of each window
   * @param k neighbours per query
   * @return the precisions
   * @throws IllegalArgumentException if sizes differ or there are not more than {@code k} windows
   */
  public static Precision leaveOneOut(Florets florets, List<Window> windows,
      List<String> labels, int k) {
    check(windows, labels, k);
    return leaveOneOut(florets.index(windows), windows, labels, k);
  }

  /**
   * As {@link #leaveOneOut(Florets, List, List, int)} over an index already built on
   * {@code windows} (so several labelings can share one embedding pass).
   */
  public static Precision leaveOneOut(RetrievalIndex index, List<Window> windows,
      List<String> labels, int k) {
    check(windows, labels, k);
    if (index.size() != windows.size()) {
      throw new IllegalArgumentException("the index holds " + index.size() + " windows, not the "
          + windows.size() + " given");
    }
    double hit = 0;
    for (int i = 0; i < windows.size(); i++) {
      for (RetrievalIndex.Neighbour n : index.nearestTo(i, k)) {
        if (labels.get(n.index()).equals(labels.get(i))) {
          hit++;
        }
      }
    }
    return new Precision(k, windows.size(), round(hit / ((double) k * windows.size())),
        raw(windows, labels, windows, labels, k, true), round(chance(labels, labels, true)));
  }

  /**
   * Precision@k of queries against a separate indexed set (e.g. a UCR test split against its
   * training split).
   *
   * @return the precisions, as {@link #leaveOneOut}
   */
  public static Precision queries(Florets florets, List<Window> indexed,
      List<String> indexedLabels, List<Window> queries, List<String> queryLabels, int k) {
    return queries(florets, EmbedFacet.GENERAL, indexed, indexedLabels, queries, queryLabels, k);
  }

  /**
   * As {@link #queries(Florets, List, List, List, List, int)} with {@code <EMBED>facet} vectors.
   *
   * @return the precisions, as {@link #leaveOneOut}
   */
  public static Precision queries(Florets florets, EmbedFacet facet, List<Window> indexed,
      List<String> indexedLabels, List<Window> queries, List<String> queryLabels, int k) {
    check(indexed, indexedLabels, k - 1);
    if (queries.size() != queryLabels.size()) {
      throw new IllegalArgumentException(queries.size() + " query windows but "
          + queryLabels.size() + " labels");
    }
    RetrievalIndex index = florets.index(indexed, facet);
    List<List<RetrievalIndex.Neighbour>> found = index.nearestAll(queries, k);
    double hit = 0;
    for (int i = 0; i < queries.size(); i++) {
      for (RetrievalIndex.Neighbour n : found.get(i)) {
        if (indexedLabels.get(n.index()).equals(queryLabels.get(i))) {
          hit++;
        }
      }
    }
    return new Precision(k, queries.size(),
        round(hit / ((double) k * Math.max(1, queries.size()))),
        raw(indexed, indexedLabels, queries, queryLabels, k, false),
        round(chance(indexedLabels, queryLabels, false)));
  }

  /**
   * Precision@k of a retrieval, 4 decimals.
   *
   * @param k neighbours per query
   * @param queries number of queries
   * @param precisionAtK share of {@code <EMBED>} neighbours that share the query's label
   * @param rawPrecisionAtK the same with z-normalised Euclidean distance on the raw samples
   *     ({@code null} when lengths or channel counts differ)
   * @param chancePrecisionAtK the expected precision of a random ranking
   * @param generalPrecisionAtK for a facet's embedding, the precision of the general
   *     {@code <EMBED>} on the same queries ({@code null}, and left out of JSON, otherwise)
   */
  public record Precision(int k, int queries, double precisionAtK, Double rawPrecisionAtK,
      double chancePrecisionAtK,
      @com.fasterxml.jackson.annotation.JsonInclude(
          com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) Double generalPrecisionAtK) {
    /** The figures of one embedding, without a general-embedding figure beside them. */
    public Precision(int k, int queries, double precisionAtK, Double rawPrecisionAtK,
        double chancePrecisionAtK) {
      this(k, queries, precisionAtK, rawPrecisionAtK, chancePrecisionAtK, null);
    }

    /** These figures with the general {@code <EMBED>}'s precision on the same queries beside them. */
    public Precision withGeneral(double general) {
      return new Precision(k, queries, precisionAtK, rawPrecisionAtK, chancePrecisionAtK, general);
    }
  }

  private static void check(List<Window> windows, List<String> labels, int k) {
    Objects.requireNonNull(windows, "windows");
    if (windows.size() != labels.size()) {
      throw new IllegalArgumentException(windows.size() + " windows but " + labels.size()
          + " labels");
    }
    if (k < 1 || windows.size() <= k) {
      throw new IllegalArgumentException("precision@" + k + " needs more than " + k
          + " windows, got " + windows.size());
    }
  }

  /** Expected precision of a random ranking. */
  private static double chance(List<String> indexed, List<String> queries, boolean self) {
    Map<String, Integer> counts = new HashMap<>();
    for (String l : indexed) {
      counts.merge(l, 1, Integer::sum);
    }
    double sum = 0;
    int n = indexed.size();
    for (String q : queries) {
      int c = counts.getOrDefault(q, 0);
      sum += self ? (c - 1) / (double) (n - 1) : c / (double) n;
    }
    return sum / Math.max(1, queries.size());
  }

  private static Double raw(List<Window> indexed, List<String> indexedLabels, List<Window> queries,
      List<String> queryLabels, int k, boolean self) {
    int len = indexed.get(0).length();
    int ch = indexed.get(0).channels();
    for (List<Window> l : List.of(indexed, queries)) {
      for (Window w : l) {
        if (w.length() != len || w.channels() != ch) {
          return null;
        }
      }
    }
    double[][] a = znorm(indexed);
    double[][] b = self ? a : znorm(queries);
    double hit = 0;
    for (int i = 0; i < b.length; i++) {
      PriorityQueue<double[]> heap = new PriorityQueue<>((x, y) -> Double.compare(y[0], x[0]));
      for (int j = 0; j < a.length; j++) {
        if (self && j == i) {
          continue;
        }
        double d = 0;
        for (int t = 0; t < a[j].length; t++) {
          double e = a[j][t] - b[i][t];
          d += e * e;
        }
        heap.add(new double[] {d, j});
        if (heap.size() > k) {
          heap.poll();
        }
      }
      for (double[] n : heap) {
        if (indexedLabels.get((int) n[1]).equals(queryLabels.get(i))) {
          hit++;
        }
      }
    }
    return round(hit / ((double) k * Math.max(1, b.length)));
  }

  /** Each window flattened, every channel z-normalised (NaN samples count as 0 after scaling). */
  private static double[][] znorm(List<Window> ws) {
    double[][] out = new double[ws.size()][];
    for (int i = 0; i < ws.size(); i++) {
      Window w = ws.get(i);
      double[] v = new double[w.length() * w.channels()];
      for (int c = 0; c < w.channels(); c++) {
        float[] x = w.channelView(c);
        double s = 0;
        double s2 = 0;
        int n = 0;
        for (float f : x) {
          if (!Float.isNaN(f)) {
            s += f;
            s2 += (double) f * f;
            n++;
          }
        }
        double mean = n == 0 ? 0 : s / n;
        double sd = n == 0 ? 1 : Math.sqrt(Math.max(0, s2 / n - mean * mean));
        double scale = sd > 1e-12 ? sd : 1;
        for (int t = 0; t < x.length; t++) {
          v[c * w.length() + t] = Float.isNaN(x[t]) ? 0 : (x[t] - mean) / scale;
        }
      }
      out[i] = v;
    }
    return out;
  }

  private static double round(double x) {
    return Math.round(x * 1e4) / 1e4;
  }
}
