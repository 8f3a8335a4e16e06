package io.florets.prompt.card;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.florets.prompt.calibration.ModelFingerprint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * JSON persistence of a {@link ModelCard}:
 *
 * <pre>
 *   { "format": "florets-model-card", "version": 1,
 *     "model": { "vocabularyHash": "...", "parametersSha256": "..." },
 *     "measured": { "command": "...", "windows": 1000, "seed": 4242, "date": "...", ... },
 *     "figures": { "eventF1": { "model": 0.36, "labelers": 0.59 }, ..., "eventTypeF1": {...} },
 *     "trainedOn": { "recipe": "default", "data": "...", "steps": 6000, "windows": 20000, ... },
 *     "notTrainedOn": [ "real sensor windows: ...", ... ],
 *     "sha256": "..." }
 * </pre>
 *
 * <p>{@code sha256} is the SHA-256 (hex) of the compact JSON of every other field, in this order,
 * as in {@code calibration.json}: reading recomputes it, so any edited value is refused while
 * re-indenting the file is not.
 */
final class ModelCardJson {
  static final String FORMAT = "florets-model-card";
  static final int VERSION = 1;
  private static final ObjectMapper PRETTY = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);
  private static final ObjectMapper COMPACT = new ObjectMapper();

  private ModelCardJson() {
  }

  /** The card's file content: its fields after format and version, then the checksum. */
  static String render(ModelCard card) {
    try {
      return PRETTY.writeValueAsString(sealed(card));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write a model card as JSON: " + e.getMessage(), e);
    }
  }

  private static ObjectNode sealed(ModelCard card) throws JsonProcessingException {
    ObjectNode root = COMPACT.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    root.setAll((ObjectNode) COMPACT.valueToTree(card));
    root.put("sha256", checksum(root));
    return root;
  }

  static String write(ModelCard card, Path file) throws IOException {
    ObjectNode root = sealed(card);
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, PRETTY.writeValueAsString(root));
    return root.get("sha256").asText();
  }

  static ModelCard read(Path file, ModelFingerprint expected) throws IOException {
    JsonNode tree;
    try {
      tree = COMPACT.readTree(Files.readString(file));
    } catch (JsonProcessingException e) {
      throw new ModelCardFormatException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (!(tree instanceof ObjectNode root) || !FORMAT.equals(root.path("format").asText())
        || root.path("version").asInt(-1) != VERSION) {
      throw new ModelCardFormatException(file + ": not a " + FORMAT + " version " + VERSION
          + " file");
    }
    JsonNode recorded = root.remove("sha256");
    if (recorded == null || !recorded.isTextual()) {
      throw new ModelCardFormatException(file + ": no 'sha256' checksum");
    }
    String actual = checksum(root);
    if (!actual.equals(recorded.asText())) {
      throw new ModelCardFormatException(file + ": content SHA-256 " + actual
          + " does not match the recorded checksum '" + recorded.asText()
          + "' (the file was edited or corrupted)");
    }
    String vocab = root.path("model").path("vocabularyHash").asText();
    String params = root.path("model").path("parametersSha256").asText();
    if (!expected.vocabularyHash().equals(vocab) || !expected.parametersSha256().equals(params)) {
      throw new ModelCardFormatException(file + ": measured with the model of vocabulary hash '"
          + vocab + "' and parameters SHA-256 '" + params + "', but this model has "
          + expected.vocabularyHash() + " and " + expected.parametersSha256()
          + "; a model card holds for one set of weights only (run florets card again)");
    }
    root.remove("format");
    root.remove("version");
    try {
      return COMPACT.treeToValue(root, ModelCard.class);
    } catch (JsonProcessingException e) {
      throw new ModelCardFormatException(file + ": invalid content: " + e.getOriginalMessage(), e);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new ModelCardFormatException(file + ": invalid content: " + e.getMessage(), e);
    }
  }

  /** The SHA-256 (hex) of the compact JSON of {@code withoutSum}, as recorded in {@code sha256}. */
  private static String checksum(ObjectNode withoutSum) throws JsonProcessingException {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] bytes = COMPACT.writeValueAsString(withoutSum).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(md.digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }
}
