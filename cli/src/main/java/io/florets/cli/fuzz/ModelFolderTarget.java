package io.florets.cli.fuzz;

import java.io.IOException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.florets.engine.EngineConfig;
import io.florets.engine.series.SeriesFrontEndConfig;
import io.florets.prompt.PromptHead;
import io.florets.prompt.calibration.Calibration;
import io.florets.prompt.calibration.CalibrationMap;
import io.florets.prompt.calibration.SealedJson;
import io.florets.prompt.facade.bundle.BundleException;
import io.florets.prompt.facade.bundle.ModelBundle;
import io.florets.prompt.vocab.Vocabulary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model-folder loader ({@link ModelBundle#load}). The seed is a tiny untrained model (the tiny
 * engine, seed 3, two class names, one channel, an identity calibration with an EVENTS minimum
 * confidence) made at run time, as its weights are not small enough to commit. Each input replaces
 * one of its JSON files ({@code bundle.json}, {@code vocabulary.json}, {@code engine/manifest.json},
 * {@code calibration.json}; the weights are never changed); a mutated {@code bundle.json} or
 * {@code calibration.json} that is still a JSON object is usually re-sealed with a fresh checksum,
 * so that the checks behind the checksum are reached. The loader's own failure is a
 * {@link BundleException} whose message names the folder.
 */
final class ModelFolderTarget implements FuzzTarget {
  /** The roles, i.e. the seed names, and the files they replace. */
  private static final Map<String, String> FILES = Map.of(
      "bundle.json", "bundle.json",
      "vocabulary.json", "vocabulary.json",
      "engine_manifest.json", "engine/manifest.json",
      "calibration.json", "calibration.json");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private static Map<String, byte[]> pristine;

  @Override
  public String name() {
    return "model-folder";
  }

  @Override
  public String description() {
    return "model folders: bundle.json, vocabulary.json, engine/manifest.json, calibration.json "
        + "(ModelBundle.load)";
  }

  /** Every file of the tiny model folder, by relative path (made once per JVM). */
  private static synchronized Map<String, byte[]> pristine(Path work) throws IOException {
    if (pristine == null) {
      Path dir = work.resolve("seed-model");
      EngineConfig e = EngineConfig.tiny().withMaxLengths(32, 128);
      PromptHead head = PromptHead.of(Vocabulary.standard().withClassNames(List.of("up", "down")));
      try (ModelBundle b = ModelBundle.create(e, SeriesFrontEndConfig.defaults(e.dModel()), head, 3)
          .withChannels(1)) {
        b.save(dir);
        ModelBundle.writeCalibration(dir, new Calibration(Map.of("EVENTS", CalibrationMap.identity()),
            Map.of("EVENTS", 0.25), "fuzz seed"));
      } catch (io.florets.prompt.facade.bundle.BundleException ex) {
        // the seed folder is made here from known-good parts: failing is a bug of the harness
        throw new IllegalStateException("could not write the seed model folder " + dir, ex);
      }
      Map<String, byte[]> files = new LinkedHashMap<>();
      try (var s = Files.walk(dir)) {
        for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile).sorted()::iterator) {
          files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
        }
      }
      pristine = files;
    }
    return pristine;
  }

  @Override
  public List<Input> seeds(Path work) throws IOException {
    Map<String, byte[]> files = pristine(work);
    return FILES.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(en -> new Input(en.getKey(), files.get(en.getValue()))).toList();
  }

  @Override
  public List<String> dictionary() {
    return List.of("\"format\"", "\"channels\"", "\"dModel\"", "\"engineConfig\"", "\"frontEnd\"",
        "\"classNames\"", "\"captionLexicon\"", "\"vocabularyHash\"", "\"tokens\"", "\"size\"",
        "\"hash\"", "\"sha256\"", "\"checksum\"", "\"tasks\"", "\"minConfidence\"", "\"model\"",
        "{}", "[]", "null", "[null]", "\"\"", "-7", "1e400", "65536", "\"<pad>\"", "\"EVENTS\"");
  }

  /** Re-seals a mutated sealed JSON file in three cases of four (chosen by its content). */
  @Override
  public byte[] afterMutation(Input base, byte[] mutated) {
    String checksumField = base.name().equals("bundle.json") ? "checksum"
        : base.name().equals("calibration.json") ? "sha256" : null;
    if (checksumField == null || (Arrays.hashCode(mutated) & 3) == 0) {
      return mutated;
    }
    try {
      JsonNode n = JSON.readTree(mutated);
      if (!(n instanceof ObjectNode o)) {
        return mutated;
      }
      o.remove(checksumField);
      if (checksumField.equals("sha256")) {
        SealedJson.seal(o);
      } else {
        byte[] d = MessageDigest.getInstance("SHA-256")
            .digest(JSON.writeValueAsString(o).getBytes(StandardCharsets.UTF_8));
        o.put("checksum", "sha256:" + HexFormat.of().formatHex(d));
      }
      return PRETTY.writeValueAsBytes(o);
    } catch (Exception e) {
      return mutated;
    }
  }

  private static Path folder(Path work, int generation) {
    return work.resolve("model-" + generation);
  }

  @Override
  public void execute(Input in, Path work, int generation) throws Throwable {
    Path dir = folder(work, generation);
    Map<String, byte[]> files = pristine(work);
    if (!Files.isDirectory(dir)) {
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        Path p = dir.resolve(f.getKey());
        Files.createDirectories(p.getParent());
        Files.write(p, f.getValue());
      }
    }
    String rel = FILES.get(in.name());
    if (rel == null) {
      throw new IllegalArgumentException("unknown model file role '" + in.name() + "'; expected one of "
          + FILES.keySet());
    }
    Path file = dir.resolve(rel);
    Files.write(file, in.data());
    try {
      ModelBundle.load(dir).close();
    } finally {
      Files.write(file, files.get(rel));
    }
  }

  @Override
  public String violation(Throwable e, Input in, Path work, int generation) {
    return FuzzTargets.violation(e, BundleException.class, folder(work, generation).toString(), "the folder");
  }

  @Override
  public String extension(Input in) {
    return ".json";
  }
}
