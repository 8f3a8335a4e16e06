package io.florets.labelers.nab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One NAB application profile: the weights of the cost matrix.
 *
 * @param name the profile's key in NAB's {@code profiles.json} (e.g. {@code standard})
 * @param tpWeight weight of a window's first detection (scaled by the sigmoid of its position)
 * @param fpWeight weight of a detection outside every window
 * @param fnWeight cost of a window without any detection
 */
public record NabProfile(String name, double tpWeight, double fpWeight, double fnWeight) {

  /** Validates: a non-blank name and finite, non-negative weights. */
  public NabProfile {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("profile name must be non-blank, got '" + name + "'");
    }
    checkWeight(name, "tpWeight", tpWeight);
    checkWeight(name, "fpWeight", fpWeight);
    checkWeight(name, "fnWeight", fnWeight);
  }

  private static void checkWeight(String profile, String key, double w) {
    if (!(w >= 0) || Double.isInfinite(w)) {
      throw new IllegalArgumentException(
          "profile '" + profile + "': " + key + " must be finite and >= 0, got " + w);
    }
  }

  /** NAB's standard profile: TP 1, FP 0.11, FN 1. */
  public static NabProfile standard() {
    return new NabProfile("standard", 1.0, 0.11, 1.0);
  }

  /** NAB's reward_low_FP_rate profile: TP 1, FP 0.22, FN 1. */
  public static NabProfile rewardLowFpRate() {
    return new NabProfile("reward_low_FP_rate", 1.0, 0.22, 1.0);
  }

  /** NAB's reward_low_FN_rate profile: TP 1, FP 0.11, FN 2. */
  public static NabProfile rewardLowFnRate() {
    return new NabProfile("reward_low_FN_rate", 1.0, 0.11, 2.0);
  }

  /** The three published profiles, in the order standard, reward_low_FP_rate, reward_low_FN_rate. */
  public static List<NabProfile> published() {
    return List.of(standard(), rewardLowFpRate(), rewardLowFnRate());
  }

  /**
   * Reads the profiles of a NAB {@code config/profiles.json} file, in file order.
   *
   * @throws IOException when the file cannot be read or a profile lacks a weight
   */
  public static List<NabProfile> read(Path profilesJson) throws IOException {
    JsonNode root = new ObjectMapper().readTree(profilesJson.toFile());
    if (root == null || !root.isObject()) {
      throw new IOException(profilesJson + ": expected a JSON object of profiles");
    }
    List<NabProfile> out = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> it = root.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode cm = e.getValue().get("CostMatrix");
      if (cm == null) {
        throw new IOException(profilesJson + ": profile '" + e.getKey() + "' has no CostMatrix");
      }
      out.add(new NabProfile(e.getKey(), weight(profilesJson, e.getKey(), cm, "tpWeight"),
          weight(profilesJson, e.getKey(), cm, "fpWeight"), weight(profilesJson, e.getKey(), cm, "fnWeight")));
    }
    return List.copyOf(out);
  }

  private static double weight(Path file, String profile, JsonNode cm, String key) throws IOException {
    JsonNode v = cm.get(key);
    if (v == null || !v.isNumber()) {
      throw new IOException(file + ": profile '" + profile + "' has no numeric " + key);
    }
    return v.doubleValue();
  }
}
