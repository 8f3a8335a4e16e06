package io.florets.prompt.facade;

import io.florets.datasets.Window;
import io.florets.engine.EngineModel;
import io.florets.engine.OutputMapping;
import io.florets.engine.decode.DecodeOptions;
import io.florets.engine.decode.Decoded;
import io.florets.engine.series.SeriesFrontEnd;
import io.florets.prompt.PromptHead;
import io.florets.prompt.grammar.GrammarConstraint;
import io.florets.prompt.readout.Numeric;
import io.florets.prompt.readout.NumericProperties;
import io.florets.prompt.readout.Readout;
import io.florets.prompt.serial.Extent;
import io.florets.prompt.task.Prompt;
import java.util.ArrayList;
import java.util.List;

/**
 * One prompt asked of a batch of windows: greedy decoding under the task's grammar, parsing with
 * confidences, numbers mapped back to each window's units. Shared by the {@link Florets} facade
 * (which refuses an answer that does not parse) and the data engine's model labeler (which lets the
 * model abstain on that window).
 */
public final class SeriesDecoding {
  private SeriesDecoding() {
  }

  /**
   * Decodes {@code prompt} for every window of {@code ws} in one batch.
   *
   * @param lenient {@code true}: an answer that does not parse (cut at the maximum answer length)
   *     becomes {@code null}; {@code false}: it is an {@link IllegalStateException}
   * @param offset index of {@code ws.get(0)} in the caller's list, for error messages
   * @return one readout per window, in series units
   */
  public static <R extends Readout> List<R> decode(EngineModel<Window> model, PromptHead head,
      List<Window> ws, Prompt<R> prompt, boolean lenient, int offset) {
    int n = ws.size();
    int[] ids = head.promptTokens(prompt);
    int[][] prompts = new int[n][];
    List<Prompt<R>> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      prompts[i] = ids;
      rows.add(prompt);
    }
    GrammarConstraint gc = head.constraint(rows, model.config().maxTargetLength());
    DecodeOptions opts = DecodeOptions.greedy(model.config().maxTargetLength())
        .withConstraint(gc::allowed);
    List<Decoded> decoded = model.decode(ws, prompts, opts);
    List<OutputMapping> maps = model.frontEnd().prepare(ws).mappings();
    boolean copies = model.frontEnd() instanceof SeriesFrontEnd sf && sf.config().numberCopy();
    List<R> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Decoded d = decoded.get(i);
      float[] lp = d.logProbs();
      double[] logProbs = new double[lp.length];
      for (int j = 0; j < lp.length; j++) {
        logProbs[j] = lp[j];
      }
      R r;
      try {
        r = head.parse(prompt, d.tokens(), logProbs, Extent.series(ws.get(i).length()));
      } catch (IllegalArgumentException e) {
        if (lenient) {
          out.add(null);
          continue;
        }
        throw new IllegalStateException("answer to " + prompt + " for " + ws.get(i) + " (index "
            + (offset + i) + ") does not parse" + (d.finished() ? "" : " (cut at the maximum "
            + "answer length " + model.config().maxTargetLength() + ")") + ": " + e.getMessage(), e);
      }
      Readout modelUnits = copies ? exactInBins(r, ws.get(i), maps.get(i)) : r;
      out.add(prompt.task().readoutType().cast(toSeriesUnits(modelUnits, maps.get(i))));
    }
    return out;
  }

  /**
   * Numeric answers (model units) with the number copy's exact values
   * ({@link NumericScaling#exactInBin}) of window {@code w}.
   */
  static Readout exactInBins(Readout r, Window w, OutputMapping m) {
    if (r instanceof Numeric x) {
      return exact(x, w, m);
    }
    if (r instanceof NumericProperties p) {
      List<Numeric> vs = new ArrayList<>(p.values().size());
      p.values().forEach(x -> vs.add(exact(x, w, m)));
      return new NumericProperties(vs);
    }
    return r;
  }

  private static Numeric exact(Numeric x, Window w, OutputMapping m) {
    int c = x.channel() == io.florets.datasets.target.Target.WHOLE_WINDOW ? 0 : x.channel();
    if (c < 0 || c >= w.channels() || c >= m.location().length) {
      return x;
    }
    double v = NumericScaling.exactInBin(x.property(), x.value(), w.channelView(c),
        m.location()[c], m.scale()[c]);
    return v == x.value() ? x : new Numeric(x.property(), v, x.channel(), x.confidence());
  }

  /** Numeric answers from model units back to the series' units. */
  static Readout toSeriesUnits(Readout r, OutputMapping m) {
    if (r instanceof Numeric x) {
      return rescale(x, m);
    }
    if (r instanceof NumericProperties p) {
      List<Numeric> vs = new ArrayList<>(p.values().size());
      p.values().forEach(x -> vs.add(rescale(x, m)));
      return new NumericProperties(vs);
    }
    return r;
  }

  private static Numeric rescale(Numeric x, OutputMapping m) {
    double v = NumericScaling.fromModel(x.property(), x.value(), x.channel(), m);
    return new Numeric(x.property(), Double.isFinite(v) ? v : x.value(), x.channel(),
        x.confidence());
  }
}
