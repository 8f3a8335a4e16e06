package io.florets.prompt.facade.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.florets.engine.EngineConfig;
import io.florets.engine.EngineModel;
import io.florets.engine.series.SeriesFrontEndConfig;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Integrity of a model folder's {@code bundle.json}: its content checksum and the agreement of its
 * fields with each other and with the engine checkpoint. Package-private; used by
 * {@link ModelBundle#save} and {@link ModelBundle#load}.
 *
 * <p>The checksum ({@code "checksum": "sha256:<hex>"}) is the SHA-256 of the manifest's content
 * without the checksum key, written as compact JSON after a round trip through text (so numbers
 * hash as they read back, and re-indenting the file does not change it). A manifest without the key
 * (saved before checksums existed, such as older shipped models) is loaded without one; one with a
 * checksum that does not match is refused, naming the file.
 */
final class BundleManifest {
  /** The manifest key holding the content checksum. */
  static final String CHECKSUM = "checksum";
  private static final String PREFIX = "sha256:";
  private static final ObjectMapper COMPACT = new ObjectMapper();

  private BundleManifest() {
  }

  /**
   * Adds the content checksum to a manifest about to be written with {@code writer}.
   *
   * @throws JsonProcessingException if the manifest cannot be written as JSON
   */
  static void seal(ObjectNode manifest, ObjectMapper writer) throws JsonProcessingException {
    manifest.remove(CHECKSUM);
    JsonNode reread = COMPACT.readTree(writer.writeValueAsString(manifest));
    manifest.put(CHECKSUM, checksum(reread));
  }

  /** {@code sha256:<hex>} of {@code content} written as compact JSON. */
  static String checksum(JsonNode content) throws JsonProcessingException {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] bytes = COMPACT.writeValueAsString(content).getBytes(StandardCharsets.UTF_8);
      return PREFIX + HexFormat.of().formatHex(md.digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }

  /**
   * Checks the manifest's checksum, if it has one.
   *
   * @param file the manifest file (for messages)
   * @param manifest its parsed content
   * @throws BundleException if the checksum is not a string or does not match the content
   */
  static void verifyChecksum(Path file, JsonNode manifest) throws BundleException {
    if (!manifest.has(CHECKSUM)) {
      return; // saved before bundle.json carried a checksum: loaded as before
    }
    JsonNode recorded = manifest.get(CHECKSUM);
    if (!recorded.isTextual() || !recorded.asText().startsWith(PREFIX)) {
      throw new BundleException(file + ": field " + CHECKSUM + " is " + recorded
          + "; expected a string \"" + PREFIX + "<64 hex digits>\"");
    }
    ObjectNode content = ((ObjectNode) manifest).deepCopy();
    content.remove(CHECKSUM);
    String actual;
    try {
      actual = checksum(content);
    } catch (JsonProcessingException e) {
      throw new BundleException(file + ": content cannot be checksummed: " + e.getOriginalMessage(), e);
    }
    if (!actual.equals(recorded.asText())) {
      throw new BundleException(file + ": content checksum " + actual + " does not match the "
          + "recorded " + CHECKSUM + " " + recorded.asText() + ": the file was edited or damaged "
          + "after it was saved (save the model again to write a new one)");
    }
  }

  /**
   * Checks the fields that must agree before the engine is loaded: {@code channels} is a whole
   * number from 0 (any count) to the front end's {@code maxChannels}, and {@code engineConfig}
   * (when present) is a valid engine config of the front end's width.
   *
   * @throws BundleException naming the file and the field
   */
  static void checkFields(Path file, JsonNode manifest, SeriesFrontEndConfig frontEnd,
      ObjectMapper json) throws BundleException {
    JsonNode ch = manifest.get("channels");
    String range = "a whole number from 0 (any channel count) to frontEnd.maxChannels "
        + frontEnd.maxChannels();
    if (ch == null || !ch.isIntegralNumber() || !ch.canConvertToInt()) {
      throw new BundleException(file + ": field channels is " + (ch == null ? "missing" : ch)
          + "; expected " + range);
    }
    if (ch.asInt() < 0 || ch.asInt() > frontEnd.maxChannels()) {
      throw new BundleException(file + ": field channels is " + ch.asInt() + "; expected " + range);
    }
    EngineConfig config = engineConfig(file, manifest, json);
    if (config != null && config.dModel() != frontEnd.dModel()) {
      throw new BundleException(file + ": field engineConfig.dModel is " + config.dModel()
          + " but frontEnd.dModel is " + frontEnd.dModel() + "; the engine and its front end "
          + "work at one width, so one of the two fields was changed");
    }
  }

  /**
   * Checks the fields that describe the loaded engine: {@code engineConfig} equals the checkpoint's
   * config component by component, and {@code parameterCount} its parameter count.
   *
   * @throws BundleException naming the file, the field and both values
   */
  static void checkAgainstModel(Path file, JsonNode manifest, EngineModel<?> model,
      ObjectMapper json) throws BundleException {
    EngineConfig stated = engineConfig(file, manifest, json);
    EngineConfig actual = model.config();
    if (stated != null && !stated.equals(actual)) {
      for (RecordComponent rc : EngineConfig.class.getRecordComponents()) {
        Object a = component(rc, stated);
        Object b = component(rc, actual);
        if (!Objects.equals(a, b)) {
          throw new BundleException(file + ": field engineConfig." + rc.getName() + " is " + a
              + " but the engine checkpoint (" + ModelBundle.ENGINE + "/) was saved with " + b);
        }
      }
    }
    JsonNode count = manifest.get("parameterCount");
    if (count != null && (!count.isIntegralNumber() || count.asLong() != model.parameterCount())) {
      throw new BundleException(file + ": field parameterCount is " + count + " but the engine "
          + "checkpoint (" + ModelBundle.ENGINE + "/) has " + model.parameterCount() + " parameters");
    }
  }

  private static EngineConfig engineConfig(Path file, JsonNode manifest, ObjectMapper json)
      throws BundleException {
    JsonNode node = manifest.get("engineConfig");
    if (node == null) {
      return null; // informational field; the checkpoint's own config is what loads
    }
    try {
      return json.treeToValue(node, EngineConfig.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      String msg = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
      throw new BundleException(file + ": field engineConfig is not a valid engine config: " + msg, e);
    }
  }

  private static Object component(RecordComponent rc, EngineConfig c) {
    try {
      return rc.getAccessor().invoke(c);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read EngineConfig." + rc.getName(), e);
    }
  }
}
