package io.florets.prompt.card;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.florets.prompt.calibration.ModelFingerprint;
import io.florets.prompt.calibration.SealedJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

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
  private static final ObjectMapper COMPACT = SealedJson.COMPACT;

  private ModelCardJson() {
  }

  /** The card's file content: its fields after format and version, then the checksum. */
  static String render(ModelCard card) {
    try {
      return SealedJson.pretty(sealed(card));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write a model card as JSON: " + e.getMessage(), e);
    }
  }

  private static ObjectNode sealed(ModelCard card) throws JsonProcessingException {
    return SealedJson.seal(unsealed(card));
  }

  private static ObjectNode unsealed(ModelCard card) {
    ObjectNode root = COMPACT.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    root.setAll((ObjectNode) COMPACT.valueToTree(card));
    return root;
  }

  static String write(ModelCard card, Path file) throws IOException {
    return SealedJson.write(unsealed(card), file);
  }

  static ModelCard read(Path file, ModelFingerprint expected) throws IOException {
    ObjectNode root = SealedJson.read(file, FORMAT, VERSION, ModelCardFormatException::new);
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

}
