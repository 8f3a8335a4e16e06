package io.florets.prompt.facade;

import io.florets.datasets.Window;
import io.florets.datasets.target.EventType;
import io.florets.datasets.target.ShapeFacet;
import io.florets.engine.EngineModel;
import io.florets.prompt.PromptHead;
import io.florets.prompt.readout.Embedding;
import io.florets.prompt.task.EmbedFacet;
import io.florets.prompt.task.Prompt;
import io.florets.prompt.task.Tasks;
import io.florets.prompt.vocab.Vocabulary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Facet-conditioned {@code <EMBED>} vectors read from what the one model answers about the facet.
 * For a shape facet, the decoder's distribution over that facet's tag values in its {@code <SHAPE>}
 * answer (the tags before it in contract order fixed to the model's own most likely values); for
 * {@code events}, per event type the probability that {@code <EVENTS_OF>type} names at least one
 * event (its first answer token is a time token rather than the end); for {@code class}, the
 * distribution over the model's class names under {@code <CLASSIFY>}. A distribution {@code p}
 * becomes the unit vector {@code sqrt(p)}, so the cosine of two windows is the Bhattacharyya
 * coefficient of their answers (1 when the model says the same thing with the same certainty);
 * events average it over the event types. Stateless; the caller holds the facade open.
 */
final class FacetEmbedder {
  private static final List<ShapeFacet> SHAPE_ORDER = List.of(ShapeFacet.values());

  private FacetEmbedder() {
  }

  /** One window's vector (unit length) and tags. */
  record Row(float[] vector, List<FacetTag> tags) {
  }

  /**
   * The facet vectors of one batch of windows.
   *
   * @param facet any facet but {@link EmbedFacet#GENERAL}
   * @throws IllegalStateException if the model's vocabulary lacks the facet's answer tokens (e.g.
   *     {@code class} on a model without class names)
   */
  static List<Row> rows(EngineModel<Window> model, PromptHead head, List<Window> ws, EmbedFacet facet) {
    return switch (facet) {
      case TREND -> shape(model, head, ws, ShapeFacet.TREND);
      case SEASONALITY -> shape(model, head, ws, ShapeFacet.SEASONALITY);
      case NOISE -> shape(model, head, ws, ShapeFacet.NOISE);
      case STATIONARITY -> shape(model, head, ws, ShapeFacet.STATIONARITY);
      case EVENTS -> events(model, head, ws);
      case CLASS -> classes(model, head, ws);
      case GENERAL -> throw new IllegalArgumentException("the general <EMBED> is the pooled encoder "
          + "state, not a facet answer");
    };
  }

  private static List<Row> shape(EngineModel<Window> model, PromptHead head, List<Window> ws,
      ShapeFacet facet) {
    Vocabulary v = head.vocabulary();
    int[][] prompts = same(head.promptTokens(Tasks.SHAPE.prompt()), ws.size());
    List<List<Integer>> prefix = new ArrayList<>();
    for (int i = 0; i < ws.size(); i++) {
      prefix.add(new ArrayList<>());
    }
    for (ShapeFacet g : SHAPE_ORDER) {
      int[] values = ids(v, g.allowed(), "shape facet " + g.token());
      for (List<Integer> p : prefix) {
        p.add(v.id(g.token()));
      }
      double[][] dist = distributions(model, ws, prompts, prefix, values);
      if (g == facet) {
        List<Row> out = new ArrayList<>(ws.size());
        for (double[] d : dist) {
          out.add(new Row(sqrtUnit(d), argmaxTags(d, g.allowed())));
        }
        return out;
      }
      for (int i = 0; i < ws.size(); i++) {
        prefix.get(i).add(values[argmax(dist[i])]);
      }
    }
    throw new IllegalStateException("shape facet " + facet + " is not in the contract order " + SHAPE_ORDER);
  }

  private static List<Row> events(EngineModel<Window> model, PromptHead head, List<Window> ws) {
    Vocabulary v = head.vocabulary();
    EventType[] types = EventType.values();
    int[] times = new int[1000];
    for (int q = 0; q < times.length; q++) {
      times[q] = v.timeId(q);
    }
    double[][] present = new double[ws.size()][types.length];
    List<List<Integer>> empty = new ArrayList<>();
    for (int i = 0; i < ws.size(); i++) {
      empty.add(List.of());
    }
    for (int k = 0; k < types.length; k++) {
      int[][] prompts = same(head.promptTokens(Prompt.eventsOf(types[k])), ws.size());
      float[][][] logits = model.teacherForcedLogits(ws, prompts, toArrays(empty));
      for (int i = 0; i < ws.size(); i++) {
        float[] l = logits[i][0];
        double lt = logSumExp(l, times);
        double le = l[Vocabulary.EOS];
        // P(a time token first | time token or end): the answer names at least one event
        present[i][k] = 1 / (1 + Math.exp(le - lt));
      }
    }
    List<Row> out = new ArrayList<>(ws.size());
    double scale = 1 / Math.sqrt(types.length);
    for (double[] p : present) {
      float[] vec = new float[2 * types.length];
      List<FacetTag> tags = new ArrayList<>();
      double none = 1;
      for (int k = 0; k < types.length; k++) {
        vec[2 * k] = (float) (Math.sqrt(p[k]) * scale);
        vec[2 * k + 1] = (float) (Math.sqrt(1 - p[k]) * scale);
        if (p[k] >= 0.5) {
          tags.add(tag(types[k].token(), p[k]));
        }
        none *= 1 - p[k];
      }
      if (tags.isEmpty()) {
        tags.add(tag("none", none));
      }
      tags.sort(Comparator.comparingDouble(FacetTag::confidence).reversed());
      out.add(new Row(vec, tags));
    }
    return out;
  }

  private static List<Row> classes(EngineModel<Window> model, PromptHead head, List<Window> ws) {
    Vocabulary v = head.vocabulary();
    List<String> names = v.classNames();
    if (names.isEmpty()) {
      throw new IllegalStateException("<EMBED>class needs a model with class names; this model's "
          + "vocabulary has none (adapt it with florets train --data ... --classes)");
    }
    int[] ids = ids(v, names, "class names");
    int[][] prompts = same(head.promptTokens(Tasks.CLASSIFY.prompt()), ws.size());
    List<List<Integer>> empty = new ArrayList<>();
    for (int i = 0; i < ws.size(); i++) {
      empty.add(List.of());
    }
    List<Row> out = new ArrayList<>(ws.size());
    for (double[] d : distributions(model, ws, prompts, empty, ids)) {
      out.add(new Row(sqrtUnit(d), argmaxTags(d, names)));
    }
    return out;
  }

  /** Per row, the softmax of the last position's logits restricted to {@code ids}. */
  private static double[][] distributions(EngineModel<Window> model, List<Window> ws, int[][] prompts,
      List<List<Integer>> prefix, int[] ids) {
    float[][][] logits = model.teacherForcedLogits(ws, prompts, toArrays(prefix));
    double[][] out = new double[ws.size()][];
    for (int i = 0; i < ws.size(); i++) {
      float[] l = logits[i][prefix.get(i).size()];
      double m = Double.NEGATIVE_INFINITY;
      for (int id : ids) {
        m = Math.max(m, l[id]);
      }
      double[] p = new double[ids.length];
      double s = 0;
      for (int j = 0; j < ids.length; j++) {
        p[j] = Math.exp(l[ids[j]] - m);
        s += p[j];
      }
      for (int j = 0; j < ids.length; j++) {
        p[j] /= s;
      }
      out[i] = p;
    }
    return out;
  }

  private static double logSumExp(float[] l, int[] ids) {
    double m = Double.NEGATIVE_INFINITY;
    for (int id : ids) {
      m = Math.max(m, l[id]);
    }
    double s = 0;
    for (int id : ids) {
      s += Math.exp(l[id] - m);
    }
    return m + Math.log(s);
  }

  private static int[] ids(Vocabulary v, List<String> words, String what) {
    int[] ids = new int[words.size()];
    for (int j = 0; j < ids.length; j++) {
      String w = words.get(j);
      ids[j] = v.find(w).orElseThrow(() -> new IllegalStateException("the model's vocabulary lacks '"
          + w + "' of the " + what));
    }
    return ids;
  }

  private static float[] sqrtUnit(double[] p) {
    float[] out = new float[p.length];
    for (int j = 0; j < p.length; j++) {
      out[j] = (float) Math.sqrt(p[j]);
    }
    return out;
  }

  private static List<FacetTag> argmaxTags(double[] p, List<String> names) {
    int j = argmax(p);
    return List.of(tag(names.get(j), p[j]));
  }

  /** A tag at {@code float} precision (as an index stores it), clamped to [0, 1]. */
  private static FacetTag tag(String value, double p) {
    return new FacetTag(value, Math.min(1, Math.max(0, (float) p)));
  }

  private static int argmax(double[] p) {
    int best = 0;
    for (int j = 1; j < p.length; j++) {
      if (p[j] > p[best]) {
        best = j;
      }
    }
    return best;
  }

  private static int[][] same(int[] row, int n) {
    int[][] out = new int[n][];
    Arrays.fill(out, row);
    return out;
  }

  private static int[][] toArrays(List<List<Integer>> rows) {
    int[][] out = new int[rows.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = rows.get(i).stream().mapToInt(Integer::intValue).toArray();
    }
    return out;
  }

  /** The general embedding as a row without tags. */
  static Row general(float[] v) {
    return new Row(v, List.of());
  }

  /** The readout of a row. */
  static Embedding embedding(Row r) {
    return new Embedding(r.vector());
  }
}
