package io.florets.prompt.calibration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The sealed JSON files a model folder carries beside its weights ({@code calibration.json},
 * {@code card.json}): an object that starts with {@code format} and {@code version} and ends with
 * {@code sha256}, the SHA-256 (hex) of the compact JSON of every other field in order. Reading
 * recomputes it, so any edited value is refused while re-indenting the file is not. Stateless.
 */
public final class SealedJson {
  /** Parses and prints the compact form the checksum is taken over. */
  public static final ObjectMapper COMPACT = new ObjectMapper();
  private static final ObjectMapper PRETTY = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  /** Makes the reader's exception for a file that cannot be used. */
  @FunctionalInterface
  public interface Refusal {
    /** The exception for {@code message} (naming the file), with {@code cause} or null. */
    IOException of(String message, Throwable cause);
  }

  private SealedJson() {
  }

  /** The SHA-256 (hex) of the compact JSON of {@code withoutSum}, as recorded in {@code sha256}. */
  public static String checksum(ObjectNode withoutSum) throws JsonProcessingException {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] bytes = COMPACT.writeValueAsString(withoutSum).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(md.digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }

  /** {@code root} with its checksum appended as {@code sha256} (changed in place and returned). */
  public static ObjectNode seal(ObjectNode root) throws JsonProcessingException {
    root.put("sha256", checksum(root));
    return root;
  }

  /** The indented file content of a sealed {@code root}. */
  public static String pretty(ObjectNode root) throws JsonProcessingException {
    return PRETTY.writeValueAsString(root);
  }

  /**
   * Seals {@code root} and writes it, indented, to {@code file} (creating its folder, replacing
   * the file).
   *
   * @return the checksum recorded in the file
   */
  public static String write(ObjectNode root, Path file) throws IOException {
    seal(root);
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, pretty(root));
    return root.get("sha256").asText();
  }

  /**
   * Reads {@code file}, checks its {@code format} and {@code version} and its checksum, and
   * returns its object without {@code sha256}.
   *
   * @throws IOException from {@code refusal}, naming the file, when it is not JSON, not this
   *     format and version, has no checksum or one that does not match its content
   */
  public static ObjectNode read(Path file, String format, int version, Refusal refusal)
      throws IOException {
    JsonNode tree;
    try {
      tree = COMPACT.readTree(Files.readString(file));
    } catch (JsonProcessingException e) {
      throw refusal.of(file + ": not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (!(tree instanceof ObjectNode root) || !format.equals(root.path("format").asText())
        || root.path("version").asInt(-1) != version) {
      throw refusal.of(file + ": not a " + format + " version " + version + " file", null);
    }
    JsonNode recorded = root.remove("sha256");
    if (recorded == null || !recorded.isTextual()) {
      throw refusal.of(file + ": no 'sha256' checksum", null);
    }
    String actual = checksum(root);
    if (!actual.equals(recorded.asText())) {
      throw refusal.of(file + ": content SHA-256 " + actual + " does not match the recorded "
          + "checksum '" + recorded.asText() + "' (the file was edited or corrupted)", null);
    }
    return root;
  }
}
