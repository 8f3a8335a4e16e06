package io.florets.engine.decode;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import io.florets.engine.EngineModel;
import io.florets.engine.FrontEndBatch;
import io.florets.engine.GradMode;
import io.florets.engine.nn.EncoderDecoder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Greedy and beam-search decoding over a batch. The encoder runs once; each step runs the decoder
 * on all rows (batch &times; beams), copies the logits [R, V] to the host, and applies the
 * constraint, the log-softmax over allowed ids and the search there (no extra native ops).
 *
 * <p>Thread-safe: each call has its own child manager and scope; gradient recording is switched
 * off on the calling thread for the duration of the call.
 */
public final class Generator {
  private Generator() {
  }

  /** Decodes a prepared batch; see {@link EngineModel#decode}. */
  public static List<Decoded> generate(EngineModel<?> model, FrontEndBatch batch, int[][] prompts,
      DecodeOptions options) {
    int maxLen = Math.min(options.maxLength(), model.config().maxTargetLength());
    boolean prev = GradMode.off();
    try (NDManager m = model.manager().newSubManager(); NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      EncoderDecoder.Encoded e = model.encodeForInference(m, batch, prompts);
      Search search = new Search(model, batch.size(), options, maxLen);
      int k = options.beamSize();
      int[] source = new int[batch.size() * k];
      for (int r = 0; r < source.length; r++) {
        source[r] = r / k;
      }
      StepRunner runner = new StepRunner(model.network(), m, e, source, options.useCache());
      return search.run(runner);
    } finally {
      GradMode.restore(prev);
    }
  }

  /** Host-side search state for B items &times; K beams. */
  private static final class Search {
    private final int b;
    private final int k;
    private final int v;
    private final int bos;
    private final int eos;
    private final int maxLen;
    private final TokenConstraint constraint;
    private Hyp[] beams;            // [b * k]; null = dead row
    private final List<List<Hyp>> finished = new ArrayList<>();
    private final boolean[] done;

    Search(EngineModel<?> model, int b, DecodeOptions o, int maxLen) {
      this.b = b;
      this.k = o.beamSize();
      this.v = model.vocab().size();
      this.bos = model.vocab().bosId();
      this.eos = model.vocab().eosId();
      this.maxLen = maxLen;
      this.constraint = o.constraint();
      this.beams = new Hyp[b * k];
      this.done = new boolean[b];
      for (int i = 0; i < b; i++) {
        beams[i * k] = new Hyp(new int[0], new float[0], 0.0);
        finished.add(new ArrayList<>());
      }
    }

    List<Decoded> run(StepRunner runner) {
      long[] last = new long[b * k];
      Arrays.fill(last, bos);
      for (int t = 0; t < maxLen; t++) {
        float[] logits = runner.step(last, t);
        Hyp[] next = new Hyp[b * k];
        int[] from = new int[b * k];
        for (int i = 0; i < b; i++) {
          if (!done[i]) {
            advance(i, t, logits, next, from);
          }
          for (int j = 0; j < k; j++) {
            if (next[i * k + j] == null) {
              from[i * k + j] = i * k; // any live row; its output is ignored
            }
          }
        }
        beams = next;
        boolean all = true;
        for (int i = 0; i < b; i++) {
          all &= done[i];
        }
        if (all || t == maxLen - 1) {
          break;
        }
        runner.reorder(from);
        for (int r = 0; r < b * k; r++) {
          Hyp h = beams[r];
          last[r] = h == null ? eos : h.tokens[h.tokens.length - 1];
        }
      }
      List<Decoded> out = new ArrayList<>(b);
      for (int i = 0; i < b; i++) {
        out.add(best(i));
      }
      return out;
    }

    /** Expands item i's live beams by one token; fills next/from for rows i*k..i*k+k-1. */
    private void advance(int i, int t, float[] logits, Hyp[] next, int[] from) {
      Cand[] top = new Cand[2 * k + 1];
      int n = 0;
      for (int j = 0; j < k; j++) {
        Hyp h = beams[i * k + j];
        if (h == null) {
          continue;
        }
        int row = i * k + j;
        BitSet allowed = constraint.allowed(i, h.tokens.clone());
        if (allowed != null && allowed.isEmpty()) {
          throw new IllegalStateException("constraint allows no token after prefix "
              + Arrays.toString(h.tokens) + " for item " + i);
        }
        double[] lp = logSoftmax(logits, row * v, v, allowed);
        for (int id = 0; id < v; id++) {
          if (lp[id] == Double.NEGATIVE_INFINITY) {
            continue;
          }
          double s = h.sum + lp[id];
          if (n < top.length) {
            top[n++] = new Cand(j, id, lp[id], s);
            siftUp(top, n - 1);
          } else if (s > top[0].score) {
            top[0] = new Cand(j, id, lp[id], s);
            siftDown(top, n);
          }
        }
      }
      Cand[] sorted = Arrays.copyOf(top, n);
      Arrays.sort(sorted, (x, y) -> Double.compare(y.score, x.score));
      int filled = 0;
      for (int rank = 0; rank < sorted.length && filled < k; rank++) {
        Cand c = sorted[rank];
        Hyp h = beams[i * k + c.beam];
        if (c.id == eos) {
          if (rank < k) { // as usual in beam search: EOS ends a hypothesis only from the top k
            finished.get(i).add(h.finish((float) c.lp));
          }
        } else {
          next[i * k + filled] = h.extend(c.id, (float) c.lp);
          from[i * k + filled] = i * k + c.beam;
          filled++;
        }
      }
      List<Hyp> fin = finished.get(i);
      double bestAlive = filled == 0 ? Double.NEGATIVE_INFINITY : next[i * k].sum / (t + 2);
      double bestFin = Double.NEGATIVE_INFINITY;
      for (Hyp f : fin) {
        bestFin = Math.max(bestFin, f.score());
      }
      if (filled == 0 || (k == 1 && !fin.isEmpty()) || fin.size() >= k || bestFin >= bestAlive) {
        done[i] = true;
        for (int j = 0; j < k; j++) {
          next[i * k + j] = null;
        }
      }
    }

    private Decoded best(int i) {
      List<Hyp> pool = new ArrayList<>(finished.get(i));
      if (pool.isEmpty()) {
        for (int j = 0; j < k; j++) {
          if (beams[i * k + j] != null) {
            pool.add(beams[i * k + j]);
          }
        }
      }
      Hyp best = null;
      for (Hyp h : pool) {
        if (best == null || h.score() > best.score()) {
          best = h;
        }
      }
      if (best == null) {
        throw new IllegalStateException("decoding produced no hypothesis for item " + i);
      }
      return new Decoded(best.tokens, best.lps, best.eosLp, best.score());
    }

    /** log-softmax of logits[off .. off+v) over the allowed ids (others -inf). */
    private static double[] logSoftmax(float[] logits, int off, int v, BitSet allowed) {
      double max = Double.NEGATIVE_INFINITY;
      for (int id = 0; id < v; id++) {
        if (allowed == null || allowed.get(id)) {
          max = Math.max(max, logits[off + id]);
        }
      }
      double sum = 0;
      for (int id = 0; id < v; id++) {
        if (allowed == null || allowed.get(id)) {
          sum += Math.exp(logits[off + id] - max);
        }
      }
      double norm = max + Math.log(sum);
      double[] lp = new double[v];
      for (int id = 0; id < v; id++) {
        lp[id] = (allowed == null || allowed.get(id)) ? logits[off + id] - norm
            : Double.NEGATIVE_INFINITY;
      }
      return lp;
    }

    private static void siftUp(Cand[] h, int i) {
      while (i > 0) {
        int p = (i - 1) / 2;
        if (h[p].score <= h[i].score) {
          return;
        }
        Cand tmp = h[p];
        h[p] = h[i];
        h[i] = tmp;
        i = p;
      }
    }

    private static void siftDown(Cand[] h, int n) {
      int i = 0;
      while (true) {
        int l = 2 * i + 1;
        int r = l + 1;
        int s = i;
        if (l < n && h[l].score < h[s].score) {
          s = l;
        }
        if (r < n && h[r].score < h[s].score) {
          s = r;
        }
        if (s == i) {
          return;
        }
        Cand tmp = h[s];
        h[s] = h[i];
        h[i] = tmp;
        i = s;
      }
    }
  }

  private static final class Cand {
    final int beam;
    final int id;
    final double lp;
    final double score;

    Cand(int beam, int id, double lp, double score) {
      this.beam = beam;
      this.id = id;
      this.lp = lp;
      this.score = score;
    }
  }

  private static final class Hyp {
    final int[] tokens;
    final float[] lps;
    final double sum;
    final float eosLp;

    Hyp(int[] tokens, float[] lps, double sum) {
      this(tokens, lps, sum, Float.NaN);
    }

    Hyp(int[] tokens, float[] lps, double sum, float eosLp) {
      this.tokens = tokens;
      this.lps = lps;
      this.sum = sum;
      this.eosLp = eosLp;
    }

    Hyp extend(int id, float lp) {
      int[] t = Arrays.copyOf(tokens, tokens.length + 1);
      float[] l = Arrays.copyOf(lps, lps.length + 1);
      t[tokens.length] = id;
      l[lps.length] = lp;
      return new Hyp(t, l, sum + lp);
    }

    Hyp finish(float lp) {
      return new Hyp(tokens, lps, sum + lp, lp);
    }

    /** Sum of log-probs over the length (EOS counted when finished). */
    double score() {
      int len = tokens.length + (Float.isNaN(eosLp) ? 0 : 1);
      return len == 0 ? sum : sum / len;
    }
  }
}
