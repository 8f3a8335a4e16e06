package io.florets.cli;

import io.florets.dataengine.DataEngineResult;
import io.florets.dataengine.ModelQuality;
import io.florets.dataengine.RoundReport;
import io.florets.dataengine.train.TrainSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code rounds} of {@code florets train --data ... --json}: one short object per data-engine
 * round, without the fields that are empty for a user's data. A user's series carry no truth to
 * score labels against, so the label-quality figures ({@code null} there) are left out, as is the
 * per-labeler vote analysis ({@code florets label} prints it). A figure that cannot be measured
 * (e.g. {@code eventF1} when neither the targets nor the model hold an event) is left out rather
 * than written as {@code null}.
 *
 * <p>Per round: {@code round} (0 = labelers and consensus, no model yet), {@code targetsKept},
 * {@code targetsDropped} (by consensus), {@code targetsChanged} (since the previous round),
 * {@code flagged} (targets where the model confidently disagreed), {@code overridden} (flagged shape
 * tags replaced by the model's answer), {@code seconds}, and from round 1 {@code trainingSteps},
 * {@code finalLoss} and {@code modelQuality}: the model on the held-out windows, {@code classAccuracy} of
 * {@code classHeldOut} windows with a class label, and against the consensus targets it was trained
 * toward {@code shapeTagAccuracy}, {@code eventF1} and {@code numericScore} (each 0 to 1, higher is
 * better).
 */
final class TrainJson {
  /** What the keys mean, printed as the JSON's {@code "about"} entry. */
  static final String ABOUT = "rounds[0] is the labelers + consensus; rounds[k>=1] trained the "
      + "model and measured it on held-out windows (modelQuality: classAccuracy over classHeldOut "
      + "labelled windows; shapeTagAccuracy, eventF1, numericScore against the consensus targets, "
      + "0..1); heldOutClassAccuracy is that of the last model not trained on those windows (the final model's; "
      + "with --refit-all the last round's; with a class readout, it is fitted without those windows, the one "
      + "factor on the decoder's class logits fitted on them); a figure that cannot be measured is "
      + "left out; see florets train --help";

  private TrainJson() {
  }

  /** The rounds of {@code r}, one lean object each, in order. */
  static List<Map<String, Object>> rounds(DataEngineResult r) {
    List<Map<String, Object>> out = new ArrayList<>();
    List<TrainSummary> training = r.training();
    for (RoundReport rr : r.rounds()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("round", rr.round());
      m.put("targetsKept", rr.kept());
      m.put("targetsDropped", rr.dropped());
      m.put("targetsChanged", rr.changed());
      m.put("flagged", rr.flagged());
      m.put("overridden", rr.overridden());
      if (rr.round() >= 1 && rr.round() <= training.size()) {
        TrainSummary t = training.get(rr.round() - 1);
        m.put("trainingSteps", t.steps());
        m.put("finalLoss", round4(t.finalLoss()));
      }
      rr.modelQuality().ifPresent(q -> m.put("modelQuality", model(q)));
      m.put("seconds", Math.round(rr.seconds() * 10) / 10.0);
      out.add(m);
    }
    return out;
  }

  private static Map<String, Object> model(ModelQuality q) {
    Map<String, Object> m = new LinkedHashMap<>();
    putIf(m, "classAccuracy", q.classAccuracy());
    m.put("classHeldOut", q.classHeldOut());
    putIf(m, "shapeTagAccuracy", q.scores().shapeTagAccuracy());
    putIf(m, "eventF1", q.scores().eventF1());
    putIf(m, "numericScore", q.scores().numericScore());
    return m;
  }

  private static void putIf(Map<String, Object> m, String key, Double v) {
    if (v != null && !v.isNaN()) {
      m.put(key, round4(v));
    }
  }

  static double round4(double v) {
    return Math.round(v * 1e4) / 1e4;
  }
}
