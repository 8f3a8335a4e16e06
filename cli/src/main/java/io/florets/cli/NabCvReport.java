package io.florets.cli;

import io.florets.labelers.nab.CategoryCrossValidation;
import io.florets.labelers.nab.CategoryCrossValidation.Fold;
import io.florets.labelers.nab.CategoryCrossValidation.ProfileCv;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The report of {@code florets eval nab --cv categories}: JSON maps and the text lines. */
final class NabCvReport {
  private NabCvReport() {}

  /** The JSON key of a profile's cross-validated score: {@code cvStandard}, {@code cvRewardLowFP}, .... */
  static String key(String profile) {
    switch (profile) {
      case "standard":
        return "cvStandard";
      case "reward_low_FP_rate":
        return "cvRewardLowFP";
      case "reward_low_FN_rate":
        return "cvRewardLowFN";
      default:
        return "cv_" + profile;
    }
  }

  /** The cross-validated normalised score per profile, under {@link #key}. */
  static Map<String, Object> summary(List<ProfileCv> cvs) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (ProfileCv c : cvs) {
      m.put(key(c.profile().name()), c.normalisedScore());
    }
    return m;
  }

  /** Per profile: the pooled raw, null and perfect scores and every fold's choice and held-out score. */
  static Map<String, Object> details(List<ProfileCv> cvs) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("split", "leave one category out");
    for (ProfileCv c : cvs) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("normalised", c.normalisedScore());
      p.put("raw", c.rawScore());
      p.put("null", c.nullScore());
      p.put("perfect", c.perfectScore());
      List<Map<String, Object>> folds = new ArrayList<>();
      for (Fold f : c.folds()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("heldOut", f.heldOut());
        row.put("files", f.files().size());
        row.put("heldOutRaw", f.heldOutRaw());
        row.put("heldOutNormalised", Double.isNaN(f.heldOutNormalised()) ? null : f.heldOutNormalised());
        row.put("threshold", f.threshold());
        row.put("trainRaw", f.trainScore());
        row.put("candidate", f.candidate());
        row.put("settings", f.settings());
        folds.add(row);
      }
      p.put("folds", folds);
      p.put("votes", CategoryCrossValidation.votes(c));
      m.put(c.profile().name(), p);
    }
    return m;
  }

  /** The text lines: pooled held-out scores first, then per category. */
  static void print(PrintWriter w, List<ProfileCv> cvs) {
    if (cvs.isEmpty()) {
      return;
    }
    w.printf("NAB, leave-one-category-out (settings and thresholds chosen on the other categories)%n");
    for (ProfileCv c : cvs) {
      w.printf("  %-20s cross-validated %7.2f  raw %9.4f%n", c.profile().name(), c.normalisedScore(), c.rawScore());
    }
    for (Fold f : cvs.get(0).folds()) {
      w.printf("    held out %-24s %2d files  raw %8.4f  normalised %s  candidate %d  threshold %.6f%n",
          f.heldOut(), f.files().size(), f.heldOutRaw(),
          Double.isNaN(f.heldOutNormalised()) ? "  (no windows)" : String.format("%7.2f", f.heldOutNormalised()),
          f.candidate(), f.threshold());
    }
  }
}
