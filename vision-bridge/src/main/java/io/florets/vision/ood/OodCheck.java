package io.florets.vision.ood;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.florets.engine.EngineModel;
import io.florets.prompt.readout.Boxes;
import io.florets.prompt.readout.Caption;
import io.florets.prompt.readout.Label;
import io.florets.prompt.readout.Readout;
import io.florets.vision.image.RasterImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A calibrated out-of-distribution check of a vision model, stored beside it as {@value #FILE}: for
 * each of its features a {@link ShrinkageGaussian} fitted on freshly generated training-like images
 * and a threshold on the Mahalanobis distance (a high quantile of the distances of other generated
 * images). An image is flagged when any feature's distance exceeds its threshold; with k features
 * each threshold is the {@code 1 - (1 - quantile) / k} quantile, so that about a share
 * {@code 1 - quantile} of training-like images is flagged overall (Bonferroni). Answers about a
 * flagged image carry {@link #CAVEAT} and confidences of at most {@link #confidenceCap()}.
 * Immutable and thread-safe.
 *
 * @param prompt the prompt text the encoder sees for {@link OodFeature#ENCODER}
 * @param quantile the overall share of training-like images left unflagged that the thresholds aim at
 * @param confidenceCap answers about a flagged image have confidences at most this
 * @param components one fitted Gaussian and threshold per feature
 * @param facts the provenance written with it (seed, image counts, command, measured rates);
 *     values are strings, numbers or booleans
 */
public record OodCheck(String prompt, double quantile, double confidenceCap, List<Component> components,
    Map<String, Object> facts) {
  /** File name in a vision model folder. */
  public static final String FILE = "ood.json";
  /** The caveat on every answer about a flagged image. */
  public static final String CAVEAT = "this picture is unlike the synthetic shapes and digits the "
      + "model was trained on; the answer is unreliable";
  /**
   * The default cap on confidences of answers about flagged images: low enough that no such answer
   * reads as confident, whatever the decoder said.
   */
  public static final double DEFAULT_CAP = 0.2;
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One feature's part of the check.
   *
   * @param feature the feature measured
   * @param threshold distances above it are flagged
   * @param gaussian the fitted Gaussian of the feature
   */
  public record Component(OodFeature feature, double threshold, ShrinkageGaussian gaussian) {
    /** Validates. */
    public Component {
      java.util.Objects.requireNonNull(feature, "feature");
      java.util.Objects.requireNonNull(gaussian, "gaussian");
      if (!(threshold > 0) || Double.isInfinite(threshold)) {
        throw new IllegalArgumentException(feature.jsonName() + " threshold must be finite and > 0, got " + threshold);
      }
    }
  }

  /** Validates and copies. */
  public OodCheck {
    if (!(quantile > 0 && quantile < 1)) {
      throw new IllegalArgumentException("quantile must be in (0, 1), got " + quantile);
    }
    if (!(confidenceCap >= 0 && confidenceCap <= 1)) {
      throw new IllegalArgumentException("confidence cap must be in [0, 1], got " + confidenceCap);
    }
    components = List.copyOf(components);
    if (components.isEmpty()) {
      throw new IllegalArgumentException("an out-of-distribution check needs at least one feature");
    }
    facts = Map.copyOf(new java.util.LinkedHashMap<>(facts));
  }

  /** The fact that binds a check to the weights it was fitted on (SHA-256 of the engine parameters). */
  public static final String PARAMETERS_HASH = "parametersHash";

  /** This check with one more fact (or one replaced). */
  public OodCheck withFact(String key, Object value) {
    Map<String, Object> f = new java.util.LinkedHashMap<>(facts);
    f.put(key, value);
    return new OodCheck(prompt, quantile, confidenceCap, components, f);
  }

  /** The quantile each of {@code k} features' thresholds is taken at: {@code 1 - (1 - quantile) / k}. */
  public static double perFeatureQuantile(double quantile, int k) {
    return 1 - (1 - quantile) / k;
  }

  /** The verdict on one image given its feature vector of each component, in order. */
  public OodVerdict verdict(List<double[]> featureVectors) {
    if (featureVectors.size() != components.size()) {
      throw new IllegalArgumentException(featureVectors.size() + " feature vectors for "
          + components.size() + " features");
    }
    List<OodVerdict.Score> scores = new ArrayList<>();
    boolean any = false;
    for (int k = 0; k < components.size(); k++) {
      Component c = components.get(k);
      OodVerdict.Score s = new OodVerdict.Score(c.feature().jsonName(), c.gaussian().distance(featureVectors.get(k)),
          c.threshold());
      any |= s.over();
      scores.add(s);
    }
    return new OodVerdict(any, scores);
  }

  /** The verdicts on images, in order. */
  public List<OodVerdict> verdicts(EngineModel<RasterImage> engine, int[] promptTokens,
      List<? extends RasterImage> images) {
    List<double[][]> f = new ArrayList<>();
    for (Component c : components) {
      f.add(c.feature().of(engine, promptTokens, images));
    }
    List<OodVerdict> out = new ArrayList<>(images.size());
    for (int i = 0; i < images.size(); i++) {
      List<double[]> rows = new ArrayList<>();
      for (double[][] x : f) {
        rows.add(x[i]);
      }
      out.add(verdict(rows));
    }
    return out;
  }

  /**
   * The answer {@code readout} with {@link #CAVEAT} and its confidences capped at
   * {@link #confidenceCap()}: what an answer about a flagged image becomes.
   *
   * @throws IllegalArgumentException for a readout no image task answers with
   */
  @SuppressWarnings("unchecked") // each withCaveat returns its own record type
  public <R extends Readout> R caveated(R readout) {
    if (readout instanceof Boxes b) {
      return (R) b.withCaveat(CAVEAT, confidenceCap);
    }
    if (readout instanceof Label l) {
      return (R) l.withCaveat(CAVEAT, confidenceCap);
    }
    if (readout instanceof Caption c) {
      return (R) c.withCaveat(CAVEAT, confidenceCap);
    }
    throw new IllegalArgumentException("image answers are boxes, labels or captions; got a "
        + readout.kind() + " readout");
  }

  /**
   * The empirical quantile of {@code scores}: the smallest score with at least a share {@code q}
   * of the scores at or below it.
   */
  public static double quantile(double[] scores, double q) {
    if (scores.length == 0) {
      throw new IllegalArgumentException("no scores to take a quantile of");
    }
    if (!(q > 0 && q < 1)) {
      throw new IllegalArgumentException("quantile must be in (0, 1), got " + q);
    }
    double[] s = scores.clone();
    java.util.Arrays.sort(s);
    int k = (int) Math.ceil(q * s.length) - 1;
    return s[Math.max(0, Math.min(s.length - 1, k))];
  }

  /**
   * Writes {@value #FILE} into {@code dir}.
   *
   * @throws IOException if it cannot be written
   */
  public void save(Path dir) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("prompt", prompt);
    root.put("quantile", quantile);
    root.put("confidenceCap", confidenceCap);
    root.put("caveat", CAVEAT);
    ObjectNode f = root.putObject("facts");
    new java.util.TreeMap<>(facts).forEach((k, v) -> f.set(k, JSON.valueToTree(v)));
    ArrayNode comps = root.putArray("features");
    for (Component c : components) {
      ObjectNode g = comps.addObject();
      g.put("feature", c.feature().jsonName());
      g.put("threshold", c.threshold());
      g.put("dimension", c.gaussian().dimension());
      g.put("shrinkage", c.gaussian().shrinkage());
      ArrayNode mean = g.putArray("mean");
      for (double v : c.gaussian().mean()) {
        mean.add((float) v);
      }
      ArrayNode lower = g.putArray("lower");
      for (double[] row : c.gaussian().lower()) {
        ArrayNode r = lower.addArray();
        for (double v : row) {
          r.add((float) v);
        }
      }
    }
    Files.writeString(dir.resolve(FILE), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root)
        .replaceAll("\\[\\s+(?=[-0-9\\[])", "[").replaceAll(",\\s+(?=[-0-9])", ", ")
        .replaceAll("(?<=[0-9])\\s+]", "]") + "\n", StandardCharsets.UTF_8);
  }

  /**
   * Reads {@value #FILE} from {@code dir}, if the folder has one.
   *
   * @throws IOException if the file is there but corrupt (named, with what is wrong)
   */
  public static java.util.Optional<OodCheck> load(Path dir) throws IOException {
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return java.util.Optional.empty();
    }
    try {
      JsonNode root = JSON.readTree(file.toFile());
      List<Component> comps = new ArrayList<>();
      for (JsonNode g : need(root, "features")) {
        JsonNode mean = need(g, "mean");
        JsonNode lower = need(g, "lower");
        double[] m = new double[mean.size()];
        double[][] l = new double[lower.size()][];
        for (int a = 0; a < m.length; a++) {
          m[a] = mean.get(a).asDouble();
        }
        for (int a = 0; a < l.length; a++) {
          JsonNode row = lower.get(a);
          l[a] = new double[row.size()];
          for (int b = 0; b < l[a].length; b++) {
            l[a][b] = row.get(b).asDouble();
          }
        }
        comps.add(new Component(OodFeature.of(need(g, "feature").asText()), need(g, "threshold").asDouble(),
            ShrinkageGaussian.of(m, need(g, "shrinkage").asDouble(), l)));
      }
      Map<String, Object> facts = new java.util.LinkedHashMap<>();
      root.path("facts").fields().forEachRemaining(e -> facts.put(e.getKey(),
          e.getValue().isNumber() ? e.getValue().numberValue() : e.getValue().isBoolean()
              ? (Object) e.getValue().booleanValue() : e.getValue().asText()));
      return java.util.Optional.of(new OodCheck(need(root, "prompt").asText(), need(root, "quantile").asDouble(),
          need(root, "confidenceCap").asDouble(), comps, facts));
    } catch (IOException | IllegalArgumentException e) {
      throw new IOException(file + ": not a valid out-of-distribution check: " + e.getMessage(), e);
    }
  }

  private static JsonNode need(JsonNode n, String key) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("missing '" + key + "'");
    }
    return v;
  }
}
