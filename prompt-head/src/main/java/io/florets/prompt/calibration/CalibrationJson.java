package io.florets.prompt.calibration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON persistence of a {@link Calibration}:
 *
 * <pre>
 *   { "format": "florets-calibration", "version": 1, "method": "isotonic",
 *     "source": "...", "model": { "vocabularyHash": "...", "parametersSha256": "..." },
 *     "tasks": { "EVENTS": { "x": [...], "y": [...] }, ... },
 *     "minConfidence": { "EVENTS": 0.35 },
 *     "sha256": "..." }
 * </pre>
 *
 * <p>{@code minConfidence} is optional and written only when the calibration has a threshold: a
 * file without it (as every file written before thresholds existed) reads as maps only, and its
 * format version stays {@value #VERSION}. Each value must be a number in {@code [0, 1]} for a task
 * that has a map.
 *
 * <p>{@code sha256} is the SHA-256 (hex) of the compact JSON of every other field, in this order;
 * a vocabulary file carries its content hash the same way. Reading recomputes it, so any edited
 * value is refused while re-indenting the file is not.
 */
final class CalibrationJson {
  static final String FORMAT = "florets-calibration";
  static final int VERSION = 1;
  static final String METHOD = "isotonic";
  private static final ObjectMapper COMPACT = SealedJson.COMPACT;

  private CalibrationJson() {
  }

  static String write(Calibration c, ModelFingerprint model, Path file) throws IOException {
    ObjectNode root = COMPACT.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    root.put("method", METHOD);
    root.put("source", c.source());
    ObjectNode m = root.putObject("model");
    m.put("vocabularyHash", model.vocabularyHash());
    m.put("parametersSha256", model.parametersSha256());
    ObjectNode tasks = root.putObject("tasks");
    for (Map.Entry<String, CalibrationMap> e : c.tasks().entrySet()) {
      ObjectNode t = tasks.putObject(e.getKey());
      ArrayNode x = t.putArray("x");
      ArrayNode y = t.putArray("y");
      for (double v : e.getValue().x()) {
        x.add(v);
      }
      for (double v : e.getValue().y()) {
        y.add(v);
      }
    }
    if (!c.minConfidence().isEmpty()) {
      ObjectNode min = root.putObject("minConfidence");
      for (Map.Entry<String, Double> e : c.minConfidence().entrySet()) {
        min.put(e.getKey(), e.getValue().doubleValue());
      }
    }
    return SealedJson.write(root, file);
  }

  static Calibration read(Path file, ModelFingerprint expected) throws IOException {
    ObjectNode root = SealedJson.read(file, FORMAT, VERSION, CalibrationFormatException::new);
    if (!METHOD.equals(root.path("method").asText())) {
      throw new CalibrationFormatException(file + ": method '" + root.path("method").asText()
          + "', this version applies '" + METHOD + "'");
    }
    String vocab = root.path("model").path("vocabularyHash").asText();
    String params = root.path("model").path("parametersSha256").asText();
    if (!expected.vocabularyHash().equals(vocab) || !expected.parametersSha256().equals(params)) {
      throw new CalibrationFormatException(file + ": fitted to the model with vocabulary hash '"
          + vocab + "' and parameters SHA-256 '" + params + "', but this model has "
          + expected.vocabularyHash() + " and " + expected.parametersSha256()
          + "; a calibration holds for one set of weights only (run florets calibrate again)");
    }
    JsonNode tasks = root.get("tasks");
    if (tasks == null || !tasks.isObject()) {
      throw new CalibrationFormatException(file + ": missing object field 'tasks'");
    }
    Map<String, CalibrationMap> maps = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = tasks.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      try {
        maps.put(e.getKey(), CalibrationMap.of(numbers(e.getValue(), "x", file, e.getKey()),
            numbers(e.getValue(), "y", file, e.getKey())));
      } catch (IllegalArgumentException ex) {
        throw new CalibrationFormatException(file + ": task " + e.getKey() + ": " + ex.getMessage(),
            ex);
      }
    }
    Map<String, Double> min = thresholds(root.get("minConfidence"), file);
    try {
      return new Calibration(maps, min, root.path("source").asText());
    } catch (IllegalArgumentException ex) {
      throw new CalibrationFormatException(file + ": " + ex.getMessage(), ex);
    }
  }

  /** The optional {@code minConfidence} object; no key, no thresholds. */
  private static Map<String, Double> thresholds(JsonNode node, Path file)
      throws CalibrationFormatException {
    Map<String, Double> out = new LinkedHashMap<>();
    if (node == null) {
      return out;
    }
    if (!node.isObject()) {
      throw new CalibrationFormatException(file + ": 'minConfidence' is " + node
          + ", not an object of task name to minimum confidence");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isNumber()) {
        throw new CalibrationFormatException(file + ": minConfidence of " + e.getKey() + " is "
            + e.getValue() + ", not a number in [0,1]");
      }
      out.put(e.getKey(), e.getValue().asDouble());
    }
    return out;
  }

  private static double[] numbers(JsonNode task, String field, Path file, String name)
      throws CalibrationFormatException {
    JsonNode a = task.get(field);
    if (a == null || !a.isArray()) {
      throw new CalibrationFormatException(file + ": task " + name + ": missing array '" + field
          + "'");
    }
    double[] out = new double[a.size()];
    for (int i = 0; i < out.length; i++) {
      if (!a.get(i).isNumber()) {
        throw new CalibrationFormatException(file + ": task " + name + ": " + field + "[" + i
            + "] is " + a.get(i) + ", not a number");
      }
      out[i] = a.get(i).asDouble();
    }
    return out;
  }

  /** The SHA-256 (hex) of the compact JSON of {@code withoutSum}, as recorded in {@code sha256}. */
  static String checksum(ObjectNode withoutSum) throws JsonProcessingException {
    return SealedJson.checksum(withoutSum);
  }

}
