package io.florets.engine.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.florets.engine.EngineConfig;
import io.florets.engine.EngineModel;
import io.florets.engine.FrontEnd;
import io.florets.engine.VocabSpec;
import io.florets.engine.train.Trainer;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Saves and loads checkpoint folders: {@code manifest.json} (format, engine config, front-end kind
 * and config, vocabulary, provenance, size and SHA-256 of each file), {@code params.bin} and, for a
 * trainer, {@code trainer.bin} (step counters and AdamW moments).
 *
 * <p>Saving writes a sibling temporary folder and then moves it into place, replacing an older
 * checkpoint in that folder (a non-checkpoint folder is never replaced). Loading checks everything
 * before it trusts a byte and throws {@link CheckpointException} naming the file and the mismatch.
 */
public final class Checkpoints {
  /** Manifest format version. */
  public static final int FORMAT = 1;
  static final String MANIFEST = "manifest.json";
  static final String PARAMS = "params.bin";
  static final String TRAINER = "trainer.bin";
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  private Checkpoints() {
  }

  /** Saves a model's parameters with provenance. */
  public static void save(EngineModel<?> model, Path dir, Provenance provenance)
      throws CheckpointException {
    write(model, null, dir, provenance);
  }

  /** Saves the trainer's model, optimizer state and counters, with provenance from the run. */
  public static void save(Trainer<?> trainer, Path dir) throws CheckpointException {
    Provenance p = Provenance.of(trainer.source().dataHash(), trainer.config().seed(),
        trainer.stepsDone(), trainer.config().toString());
    write(trainer.model(), trainer, dir, p);
  }

  /**
   * Loads a model saved with this front end and vocabulary.
   *
   * @throws CheckpointException on a missing, truncated or corrupt file, or when the config, the
   *     front end or the vocabulary differ from the saved ones
   */
  public static <I> EngineModel<I> load(Path dir, FrontEnd<I> frontEnd, VocabSpec vocab)
      throws CheckpointException {
    JsonNode manifest = readManifest(dir);
    checkMatches(dir, manifest, frontEnd, vocab);
    EngineConfig config = parse(dir, manifest.get("engineConfig"), EngineConfig.class);
    Provenance prov = parse(dir, manifest.get("provenance"), Provenance.class);
    EngineModel<I> model = EngineModel.create(config, frontEnd, vocab, prov.seed());
    try {
      List<String> names = new ArrayList<>();
      List<NDArray> arrays = new ArrayList<>();
      parameters(model, names, arrays);
      readVerified(dir, manifest, PARAMS, in -> ArrayIO.read(in, dir.resolve(PARAMS).toString(),
          names, arrays));
      return model;
    } catch (CheckpointException | RuntimeException e) {
      model.close();
      throw e;
    }
  }

  /** Restores a trainer's optimizer state and counters from a checkpoint saved by a trainer. */
  public static void loadTrainerState(Trainer<?> trainer, Path dir) throws CheckpointException {
    JsonNode manifest = readManifest(dir);
    checkMatches(dir, manifest, trainer.model().frontEnd(), trainer.model().vocab());
    if (!manifest.path("files").has(TRAINER)) {
      throw new CheckpointException(dir + ": holds no trainer state (saved from a model, not a "
          + "trainer)");
    }
    readVerified(dir, manifest, TRAINER,
        in -> trainer.loadState(in, dir.resolve(TRAINER).toString()));
  }

  /** The provenance stored in a checkpoint (after checking the manifest is readable). */
  public static Provenance provenance(Path dir) throws CheckpointException {
    return parse(dir, readManifest(dir).get("provenance"), Provenance.class);
  }

  /**
   * The SHA-256 (hex) of a saved checkpoint's parameter file as its manifest records it: an
   * identity of the weights (same weights, same bytes, same hash), for files that belong to one
   * trained model only, such as a confidence calibration.
   *
   * @throws CheckpointException if the manifest is unreadable or names no hash for the parameters
   */
  public static String parametersHash(Path dir) throws CheckpointException {
    JsonNode entry = readManifest(dir).path("files").path(PARAMS);
    if (!entry.path("sha256").isTextual()) {
      throw new CheckpointException(dir.resolve(MANIFEST) + ": no hash entry for " + PARAMS);
    }
    return entry.get("sha256").asText();
  }

  private static void write(EngineModel<?> model, Trainer<?> trainer, Path dir, Provenance prov)
      throws CheckpointException {
    Path target = dir.toAbsolutePath().normalize();
    Path parent = target.getParent();
    Path tmp = parent.resolve(target.getFileName() + ".tmp-" + System.nanoTime());
    try {
      Files.createDirectories(parent);
      if (Files.exists(target) && !Files.exists(target.resolve(MANIFEST))) {
        try (Stream<Path> s = Files.list(target)) {
          if (s.findAny().isPresent()) {
            throw new CheckpointException(target + " exists and is not a checkpoint; choose a "
                + "fresh folder");
          }
        }
      }
      Files.createDirectories(tmp);
      ObjectNode files = JSON.createObjectNode();
      List<String> names = new ArrayList<>();
      List<NDArray> arrays = new ArrayList<>();
      parameters(model, names, arrays);
      files.set(PARAMS, writeHashed(tmp.resolve(PARAMS), out -> ArrayIO.write(out, names, arrays)));
      if (trainer != null) {
        files.set(TRAINER, writeHashed(tmp.resolve(TRAINER), trainer::saveState));
      }
      ObjectNode m = JSON.createObjectNode();
      m.put("format", FORMAT);
      m.set("engineConfig", JSON.valueToTree(model.config()));
      ObjectNode fe = m.putObject("frontEnd");
      fe.put("kind", model.frontEnd().kind());
      fe.put("config", model.frontEnd().configJson());
      m.set("vocab", JSON.valueToTree(model.vocab()));
      m.put("parameterCount", model.parameterCount());
      m.set("provenance", JSON.valueToTree(prov));
      m.set("files", files);
      Files.writeString(tmp.resolve(MANIFEST), JSON.writeValueAsString(m));
      if (Files.exists(target)) {
        deleteTree(target);
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new CheckpointException("cannot save checkpoint to " + target + ": " + e.getMessage(),
          e);
    } finally {
      try {
        if (Files.exists(tmp)) {
          deleteTree(tmp);
        }
      } catch (IOException ignored) {
        // best effort: a leftover temporary folder is harmless
      }
    }
  }

  private static void parameters(EngineModel<?> model, List<String> names, List<NDArray> arrays) {
    for (Pair<String, Parameter> p : model.network().getParameters()) {
      names.add(p.getKey());
      arrays.add(p.getValue().getArray());
    }
  }

  private interface Writer {
    void write(DataOutputStream out) throws IOException;
  }

  private interface Reader {
    void read(DataInputStream in) throws IOException;
  }

  private static ObjectNode writeHashed(Path file, Writer w) throws IOException {
    MessageDigest md = sha256();
    try (OutputStream os = Files.newOutputStream(file);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
            new DigestOutputStream(os, md), 1 << 16))) {
      w.write(out);
    }
    ObjectNode n = JSON.createObjectNode();
    n.put("bytes", Files.size(file));
    n.put("sha256", HexFormat.of().formatHex(md.digest()));
    return n;
  }

  private static void readVerified(Path dir, JsonNode manifest, String name, Reader r)
      throws CheckpointException {
    Path file = dir.resolve(name);
    JsonNode entry = manifest.path("files").path(name);
    if (!entry.has("bytes") || !entry.has("sha256")) {
      throw new CheckpointException(dir.resolve(MANIFEST) + ": no size/hash entry for " + name);
    }
    try {
      long size = Files.size(file);
      if (size != entry.get("bytes").asLong()) {
        throw new CheckpointException(file + ": " + size + " bytes, the manifest says "
            + entry.get("bytes").asLong() + " (truncated or replaced file)");
      }
      MessageDigest md = sha256();
      try (InputStream is = Files.newInputStream(file); InputStream dis = new DigestInputStream(is,
          md)) {
        dis.transferTo(OutputStream.nullOutputStream());
      }
      String hash = HexFormat.of().formatHex(md.digest());
      if (!hash.equals(entry.get("sha256").asText())) {
        throw new CheckpointException(file + ": SHA-256 " + hash + " differs from the manifest's "
            + entry.get("sha256").asText() + " (corrupt file)");
      }
      try (DataInputStream in = new DataInputStream(new BufferedInputStream(
          Files.newInputStream(file), 1 << 16))) {
        r.read(in);
      }
    } catch (NoSuchFileException e) {
      throw new CheckpointException(file + ": missing", e);
    } catch (IOException e) {
      throw new CheckpointException(file + ": " + e.getMessage(), e);
    }
  }

  private static JsonNode readManifest(Path dir) throws CheckpointException {
    Path file = dir.resolve(MANIFEST);
    JsonNode m;
    try {
      m = JSON.readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new CheckpointException(file + ": missing; " + dir + " is not a checkpoint", e);
    } catch (IOException e) {
      throw new CheckpointException(file + ": unreadable or not JSON (" + e.getMessage() + ")", e);
    }
    if (m == null || m.path("format").asInt(-1) != FORMAT) {
      throw new CheckpointException(file + ": format " + (m == null ? "none" : m.path("format"))
          + ", expected " + FORMAT);
    }
    for (String key : new String[] {"engineConfig", "frontEnd", "vocab", "provenance", "files"}) {
      if (!m.has(key)) {
        throw new CheckpointException(file + ": missing '" + key + "'");
      }
    }
    return m;
  }

  private static void checkMatches(Path dir, JsonNode m, FrontEnd<?> fe, VocabSpec vocab)
      throws CheckpointException {
    Path file = dir.resolve(MANIFEST);
    String kind = m.path("frontEnd").path("kind").asText();
    if (!kind.equals(fe.kind())) {
      throw new CheckpointException(file + ": saved with front end '" + kind + "', loading with '"
          + fe.kind() + "'");
    }
    String cfg = m.path("frontEnd").path("config").asText();
    if (!cfg.equals(fe.configJson())) {
      throw new CheckpointException(file + ": front-end config " + cfg + " differs from "
          + fe.configJson());
    }
    VocabSpec saved = parse(dir, m.get("vocab"), VocabSpec.class);
    // checkpoints written before sign ids existed name none; the hash fixes the vocabulary, and
    // with it the ids of its sign tokens
    VocabSpec expected = saved.numberSignIds() != null ? vocab : new VocabSpec(vocab.size(),
        vocab.padId(), vocab.bosId(), vocab.eosId(), vocab.hash(), vocab.ordinalFirstId(),
        vocab.ordinalBins());
    if (!saved.equals(expected)) {
      throw new CheckpointException(file + ": saved with vocabulary " + saved
          + ", loading with " + vocab);
    }
  }

  private static <T> T parse(Path dir, JsonNode node, Class<T> type) throws CheckpointException {
    try {
      return JSON.treeToValue(node, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new CheckpointException(dir.resolve(MANIFEST) + ": invalid " + type.getSimpleName()
          + " (" + e.getMessage() + ")", e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }
}
