package io.florets.prompt.facade.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.florets.datasets.Window;
import io.florets.engine.EngineConfig;
import io.florets.engine.EngineModel;
import io.florets.engine.VocabSpec;
import io.florets.engine.checkpoint.CheckpointException;
import io.florets.engine.checkpoint.Checkpoints;
import io.florets.engine.checkpoint.Provenance;
import io.florets.engine.series.SeriesFrontEnd;
import io.florets.engine.series.SeriesFrontEndConfig;
import io.florets.prompt.PromptHead;
import io.florets.prompt.calibration.Calibration;
import io.florets.prompt.calibration.ModelFingerprint;
import io.florets.prompt.card.ModelCard;
import io.florets.prompt.facade.NumericScaling;
import io.florets.prompt.grammar.CaptionLexicon;
import io.florets.prompt.vocab.Quantizer;
import io.florets.prompt.vocab.Vocabulary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A model folder: everything needed to answer prompts, with its provenance.
 *
 * <pre>
 *   DIR/bundle.json        format, vocabulary hash, class names, numeric scaling, front-end
 *                          settings, provenance (recipe, command, data hash, seed, steps, ...),
 *                          the caption lexicon when captions are not free text, and a SHA-256
 *                          checksum of its own content (absent in folders saved before it existed)
 *   DIR/vocabulary.json    the vocabulary (its own hash is checked when read)
 *   DIR/engine/            the engine checkpoint (config, parameters, versions, file hashes)
 *   DIR/calibration.json   optional: per-task isotonic maps of item confidences, bound to this
 *                          model's vocabulary hash and parameter hash, with its own SHA-256
 *                          checksum (written by {@code florets calibrate} or {@link #save})
 *   DIR/card.json          optional: the model card (figures beside the labelers', training data,
 *                          what it was not trained on), bound to the same fingerprint, with its own
 *                          SHA-256 checksum (written by {@code florets card} or {@link #save})
 * </pre>
 *
 * <p>Loading checks that the vocabulary file, {@code bundle.json} and the checkpoint name the same
 * vocabulary hash, so a folder mixed from two vocabularies is refused with a
 * {@link BundleException}. A {@code bundle.json} whose checksum does not match its content, or
 * whose fields contradict each other or the checkpoint (channels outside 0..maxChannels, an
 * {@code engineConfig} other than the checkpoint's or of another width than the front end, a
 * parameter count the checkpoint does not have), is refused naming the file and the field. A
 * {@code calibration.json} that was edited, is corrupt or was fitted to
 * other weights is refused the same way, naming the file; a folder without one loads exactly as
 * before calibrations existed. So is a {@code card.json} that was edited, is corrupt or was
 * measured with other weights. Holds native memory: close it (or hand it to a facade that does).
 */
public final class ModelBundle implements AutoCloseable {
  /** Format version of {@code bundle.json}. */
  public static final int FORMAT = 1;
  static final String MANIFEST = "bundle.json";
  static final String VOCAB = "vocabulary.json";
  static final String ENGINE = "engine";
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  private final EngineModel<Window> model;
  private final PromptHead head;
  private final BundleProvenance provenance;
  private final int channels;
  /** The confidence calibration, or null. */
  private final Calibration calibration;
  /**
   * SHA-256 of the parameter file the calibration was read with (it holds for those weights only),
   * or null for a calibration attached in memory by {@link #withCalibration}.
   */
  private final String calibratedParameters;
  /** The model card, or null; it names the weights it was measured with ({@link ModelCard#model}). */
  private final ModelCard card;

  private ModelBundle(EngineModel<Window> model, PromptHead head, BundleProvenance provenance,
      int channels) {
    this(model, head, provenance, channels, null, null);
  }

  private ModelBundle(EngineModel<Window> model, PromptHead head, BundleProvenance provenance,
      int channels, Calibration calibration, String calibratedParameters) {
    this(model, head, provenance, channels, calibration, calibratedParameters, null);
  }

  private ModelBundle(EngineModel<Window> model, PromptHead head, BundleProvenance provenance,
      int channels, Calibration calibration, String calibratedParameters, ModelCard card) {
    this.model = model;
    this.head = head;
    this.provenance = provenance;
    this.channels = channels;
    this.calibration = calibration;
    this.calibratedParameters = calibratedParameters;
    this.card = card;
  }

  /**
   * A freshly initialised model over {@code head}'s vocabulary, with the series front end.
   *
   * @param config engine shape
   * @param frontEnd front-end settings ({@code dModel} must match the config's)
   * @param head the output contract
   * @param seed initialisation seed
   */
  public static ModelBundle create(EngineConfig config, SeriesFrontEndConfig frontEnd,
      PromptHead head, long seed) {
    if (frontEnd.pointer() && (frontEnd.pointerFirstId() != head.vocabulary().timeId(0)
        || frontEnd.pointerBins() != Quantizer.BINS)) {
      throw new IllegalArgumentException("front-end pointer over ids " + frontEnd.pointerFirstId()
          + " +" + frontEnd.pointerBins() + " does not cover the vocabulary's time tokens (from id "
          + head.vocabulary().timeId(0) + ", " + Quantizer.BINS + " bins)");
    }
    if (frontEnd.types() > 0) {
      java.util.BitSet g = head.vocabulary().group(io.florets.prompt.vocab.TokenGroup.EVENT_TYPE);
      int first = g.nextSetBit(0);
      if (frontEnd.typeFirstId() != first || frontEnd.types() != g.cardinality()
          || g.nextClearBit(Math.max(first, 0)) != first + g.cardinality()) {
        throw new IllegalArgumentException("front-end type scores over ids "
            + frontEnd.typeFirstId() + " +" + frontEnd.types() + " are not the vocabulary's "
            + "event types " + g);
      }
    }
    if (frontEnd.numberCopy() && !head.vocabulary().hasNumberBins()) {
      throw new IllegalArgumentException("the front end's number copy needs a vocabulary with "
          + "magnitude-bin numbers; this one writes numbers as digits");
    }
    EngineModel<Window> m = EngineModel.create(config, SeriesFrontEnd.of(frontEnd),
        vocabSpec(head.vocabulary()), seed);
    return new ModelBundle(m, head, BundleProvenance.untrained(seed), 0);
  }

  /** The engine's view of a vocabulary. */
  public static VocabSpec vocabSpec(Vocabulary v) {
    return v.hasNumberBins()
        ? new VocabSpec(v.size(), Vocabulary.PAD, Vocabulary.BOS, Vocabulary.EOS, v.hash(),
            v.numberBinId(0), io.florets.prompt.vocab.NumberCodec.BINS,
            new int[] {v.numZeroId(), v.numPosId(), v.numNegId()})
        : new VocabSpec(v.size(), Vocabulary.PAD, Vocabulary.BOS, Vocabulary.EOS, v.hash());
  }

  /**
   * The same model and head with new provenance (after training), without a calibration: new
   * provenance means new weights, and a calibration holds for the weights it was fitted to.
   */
  public ModelBundle withProvenance(BundleProvenance p) {
    return new ModelBundle(model, head, Objects.requireNonNull(p, "provenance"), channels);
  }

  /**
   * The same model (shared, not copied: close only one of the two) whose head decodes captions as
   * whole words of {@code lexicon}; a calibration and a card are kept (the weights are the same).
   */
  public ModelBundle withCaptionLexicon(CaptionLexicon lexicon) {
    return new ModelBundle(model, head.withCaptionLexicon(lexicon), provenance, channels,
        calibration, calibratedParameters, card);
  }

  /**
   * The same model (shared, not copied: close only one of the two) whose item confidences the
   * facade maps through {@code c}. The caller vouches that {@code c} was fitted to these weights;
   * {@link #save} writes it bound to them.
   */
  public ModelBundle withCalibration(Calibration c) {
    return new ModelBundle(model, head, provenance, channels, Objects.requireNonNull(c, "calibration"),
        null);
  }

  /** The same model (shared, not copied: close only one of the two) with its raw confidences. */
  public ModelBundle withoutCalibration() {
    return new ModelBundle(model, head, provenance, channels);
  }

  /** The confidence calibration the facade applies, if the folder had one or one was attached. */
  public Optional<Calibration> calibration() {
    return Optional.ofNullable(calibration);
  }

  /**
   * The model card (figures beside the labelers', training data, caveats), if the folder had one
   * or one was attached with {@link #withCard}.
   */
  public Optional<ModelCard> card() {
    return Optional.ofNullable(card);
  }

  /**
   * The same model (shared, not copied: close only one of the two) with {@code c} as its card.
   * {@link #save} writes it only if it names the saved weights ({@link ModelCard#model}).
   */
  public ModelBundle withCard(ModelCard c) {
    return new ModelBundle(model, head, provenance, channels, calibration, calibratedParameters,
        Objects.requireNonNull(c, "card"));
  }

  /**
   * A copy of this model over a vocabulary that extends this one's by appended tokens (see
   * {@code EngineModel.withVocabulary}: every weight copied, new embedding rows at the mean row).
   * Same provenance and channel count, no calibration (new weights); this bundle is left untouched
   * and both must be closed.
   *
   * @param larger the new vocabulary: this one's tokens at ids {@code 0..size-1}, then new ones
   * @param seed seed of the new rows' noise
   * @throws IllegalArgumentException if {@code larger} is not such an extension, naming the first
   *     id whose token differs
   */
  public ModelBundle withVocabulary(Vocabulary larger, long seed) {
    Vocabulary old = head.vocabulary();
    VocabularyExtension.check(old, larger);
    EngineModel<Window> m = model.withVocabulary(vocabSpec(larger), seed);
    PromptHead h = PromptHead.of(larger);
    h = head.captionLexicon().map(h::withCaptionLexicon).orElse(h);
    return new ModelBundle(m, h, provenance, channels);
  }

  /**
   * A copy of this model whose {@code <CLASSIFY>} answers are exactly {@code names}
   * ({@link Vocabulary#withOnlyClassNames}: new names appended to the vocabulary, former class
   * names left as plain words), ready to be trained on a user's classes.
   *
   * @param names the class names, in the order they get their ids
   * @param seed seed of the new embedding rows' noise
   * @throws IllegalArgumentException if a name is invalid or collides with a non-word token
   */
  public ModelBundle withClassNames(List<String> names, long seed) {
    return withVocabulary(head.vocabulary().withOnlyClassNames(names), seed);
  }

  /**
   * A copy of this model with other series front-end settings that only add parts (for example
   * {@link SeriesFrontEndConfig#withConvFeatures}): every weight of this model is copied, the new
   * parts keep their initial values (zero for the optional front-end parts, so the copy first
   * answers as this model does). Same provenance and channel count, no calibration; this bundle is
   * left untouched and both must be closed.
   *
   * @param frontEnd the new settings
   * @param seed initialisation seed of the new parts
   * @throws IllegalArgumentException if a weight of this model changes shape in the new settings
   */
  public ModelBundle withFrontEnd(SeriesFrontEndConfig frontEnd, long seed) {
    Objects.requireNonNull(frontEnd, "frontEnd");
    EngineModel<Window> m = EngineModel.create(model.config(), SeriesFrontEnd.of(frontEnd),
        model.vocab(), seed);
    try {
      m.copyMatchingFrom(model);
    } catch (RuntimeException e) {
      m.close();
      throw e;
    }
    return new ModelBundle(m, head, provenance, channels);
  }

  /** The same model declaring the channel count it was trained on (0 = any). */
  public ModelBundle withChannels(int c) {
    if (c < 0) {
      throw new IllegalArgumentException("channels must be >= 0, got " + c);
    }
    return new ModelBundle(model, head, provenance, c, calibration, calibratedParameters, card);
  }

  /** Channels per window the model was trained on; 0 = any count its front end takes. */
  public int channels() {
    return channels;
  }

  /** The engine model (thread-safe for inference; train it only while nobody asks). */
  public EngineModel<Window> model() {
    return model;
  }

  /** The output contract (tokenizer, grammars, serializer, parser). */
  public PromptHead head() {
    return head;
  }

  /** How this model was made. */
  public BundleProvenance provenance() {
    return provenance;
  }

  /** The series front end's settings. */
  public SeriesFrontEndConfig frontEndConfig() {
    return ((SeriesFrontEnd) model.frontEnd()).config();
  }

  /**
   * Writes the folder (replacing an older model folder there). The calibration is written with it
   * when it holds for the saved weights (it was attached in memory, or read with these very
   * weights); otherwise, and when there is none, an older folder's {@code calibration.json} is
   * removed, since it belonged to other weights. The card likewise: written when it names the
   * saved weights, otherwise an older {@code card.json} is removed.
   *
   * @throws BundleException if a file cannot be written
   */
  public void save(Path dir) throws BundleException {
    try {
      Files.createDirectories(dir);
      {
        Provenance p = Provenance.of(provenance.dataHash(), provenance.seed(), provenance.steps(),
            provenance.command());
        Checkpoints.save(model, dir.resolve(ENGINE), p);
      }
      head.vocabulary().save(dir.resolve(VOCAB));
      String params = Checkpoints.parametersHash(dir.resolve(ENGINE));
      boolean calibrated = calibration != null
          && (calibratedParameters == null || calibratedParameters.equals(params));
      if (calibrated) {
        calibration.write(dir.resolve(Calibration.FILE),
            new ModelFingerprint(head.vocabulary().hash(), params));
      } else {
        Files.deleteIfExists(dir.resolve(Calibration.FILE));
      }
      boolean carded = card != null
          && card.model().equals(new ModelFingerprint(head.vocabulary().hash(), params));
      if (carded) {
        card.write(dir.resolve(ModelCard.FILE));
      } else {
        Files.deleteIfExists(dir.resolve(ModelCard.FILE));
      }
      ObjectNode m = JSON.createObjectNode();
      m.put("format", FORMAT);
      m.put("vocabularyHash", head.vocabulary().hash());
      ArrayNode classes = m.putArray("classNames");
      head.vocabulary().classNames().forEach(classes::add);
      m.put("numericScaling", NumericScaling.NAME);
      if (head.captionLexicon().isPresent()) {
        ArrayNode lexicon = m.putArray("captionLexicon");
        head.captionLexicon().get().entries().forEach(lexicon::add);
      }
      m.put("channels", channels);
      m.set("frontEnd", JSON.valueToTree(frontEndConfig()));
      m.set("engineConfig", JSON.valueToTree(model.config()));
      m.put("parameterCount", model.parameterCount());
      m.set("provenance", JSON.valueToTree(provenance));
      ArrayNode files = m.putArray("files");
      for (String f : fileList(dir)) {
        files.add(f);
      }
      if (calibrated) {
        files.add(Calibration.FILE);
      }
      if (carded) {
        files.add(ModelCard.FILE);
      }
      BundleManifest.seal(m, JSON);
      Files.writeString(dir.resolve(MANIFEST), JSON.writeValueAsString(m));
    } catch (IOException | CheckpointException e) {
      throw new BundleException("cannot save model folder " + dir + ": " + e.getMessage(), e);
    }
  }

  private static List<String> fileList(Path dir) throws IOException {
    List<String> out = new ArrayList<>();
    out.add(VOCAB);
    try (var s = Files.list(dir.resolve(ENGINE))) {
      s.map(p -> ENGINE + "/" + p.getFileName()).sorted().forEach(out::add);
    }
    return out;
  }

  /**
   * Reads a model folder.
   *
   * @throws BundleException if a file is missing or corrupt, or the vocabulary, bundle manifest
   *     and checkpoint disagree
   */
  public static ModelBundle load(Path dir) throws BundleException {
    Path manifest = dir.resolve(MANIFEST);
    if (!Files.isRegularFile(manifest)) {
      throw new BundleException(dir + " is not a Florets model folder: " + MANIFEST + " is missing");
    }
    JsonNode m;
    try {
      m = JSON.readTree(manifest.toFile());
    } catch (IOException e) {
      throw new BundleException(manifest + ": not readable JSON: " + e.getMessage(), e);
    }
    if (!m.isObject()) {
      throw new BundleException(manifest + ": expected a JSON object, found " + m.getNodeType());
    }
    BundleManifest.verifyChecksum(manifest, m);
    int format = m.path("format").asInt(-1);
    if (format != FORMAT) {
      throw new BundleException(manifest + ": format " + format + ", this version reads " + FORMAT);
    }
    if (!NumericScaling.NAME.equals(m.path("numericScaling").asText())) {
      throw new BundleException(manifest + ": numeric scaling '" + m.path("numericScaling").asText()
          + "', this version uses '" + NumericScaling.NAME + "'");
    }
    Vocabulary vocab;
    try {
      vocab = Vocabulary.load(dir.resolve(VOCAB));
    } catch (IOException e) {
      throw new BundleException(dir.resolve(VOCAB) + ": " + e.getMessage(), e);
    }
    String expected = m.path("vocabularyHash").asText();
    if (!vocab.hash().equals(expected)) {
      throw new BundleException(dir + ": " + VOCAB + " has vocabulary hash " + vocab.hash()
          + " but the model was trained with vocabulary " + expected
          + "; the folder mixes files of two models");
    }
    List<String> classes = new ArrayList<>();
    m.path("classNames").forEach(n -> classes.add(n.asText()));
    if (!classes.equals(vocab.classNames())) {
      throw new BundleException(dir + ": class names " + classes + " in " + MANIFEST
          + " differ from the vocabulary's " + vocab.classNames());
    }
    for (String field : List.of("frontEnd", "provenance")) {
      if (!m.path(field).isObject()) {
        throw new BundleException(manifest + ": field " + field + " is "
            + (m.has(field) ? m.get(field).getNodeType().toString().toLowerCase(java.util.Locale.ROOT)
                : "missing") + "; expected an object");
      }
    }
    try {
      SeriesFrontEndConfig fe = JSON.treeToValue(m.get("frontEnd"), SeriesFrontEndConfig.class);
      BundleManifest.checkFields(manifest, m, fe, JSON);
      BundleProvenance prov = JSON.treeToValue(m.get("provenance"), BundleProvenance.class);
      EngineModel<Window> model = Checkpoints.load(dir.resolve(ENGINE), SeriesFrontEnd.of(fe),
          vocabSpec(vocab));
      PromptHead head;
      try {
        BundleManifest.checkAgainstModel(manifest, m, model, JSON);
        head = PromptHead.of(vocab);
        if (m.has("captionLexicon")) {
          List<String> lexicon = new ArrayList<>();
          m.get("captionLexicon").forEach(n -> lexicon.add(n.asText()));
          head = head.withCaptionLexicon(CaptionLexicon.of(lexicon));
        }
      } catch (BundleException | RuntimeException e) {
        model.close();
        throw e;
      }
      return withCardFile(dir, withCalibrationFile(dir,
          new ModelBundle(model, head, prov, m.path("channels").asInt(0))));
    } catch (CheckpointException e) {
      throw new BundleException(dir + ": engine checkpoint: " + e.getMessage(), e);
    } catch (IOException | IllegalArgumentException | NullPointerException e) {
      throw new BundleException(manifest + ": invalid content: " + e.getMessage(), e);
    }
  }

  /** {@code b} with the folder's calibration, if it has one (closes {@code b} if that fails). */
  private static ModelBundle withCalibrationFile(Path dir, ModelBundle b) throws BundleException {
    Path file = dir.resolve(Calibration.FILE);
    if (!Files.exists(file)) {
      return b;
    }
    try {
      String params = Checkpoints.parametersHash(dir.resolve(ENGINE));
      Calibration c = Calibration.read(file,
          new ModelFingerprint(b.head.vocabulary().hash(), params));
      return new ModelBundle(b.model, b.head, b.provenance, b.channels, c, params);
    } catch (IOException | CheckpointException | RuntimeException e) {
      b.close();
      String msg = e.getMessage() == null ? e.toString() : e.getMessage();
      throw new BundleException(msg.contains(file.toString()) ? msg : file + ": " + msg, e);
    }
  }

  /** {@code b} with the folder's model card, if it has one (closes {@code b} if that fails). */
  private static ModelBundle withCardFile(Path dir, ModelBundle b) throws BundleException {
    Path file = dir.resolve(ModelCard.FILE);
    if (!Files.exists(file)) {
      return b;
    }
    try {
      ModelCard c = ModelCard.read(file, new ModelFingerprint(b.head.vocabulary().hash(),
          Checkpoints.parametersHash(dir.resolve(ENGINE))));
      return new ModelBundle(b.model, b.head, b.provenance, b.channels, b.calibration,
          b.calibratedParameters, c);
    } catch (IOException | CheckpointException | RuntimeException e) {
      b.close();
      String msg = e.getMessage() == null ? e.toString() : e.getMessage();
      throw new BundleException(msg.contains(file.toString()) ? msg : file + ": " + msg, e);
    }
  }

  /**
   * The identity of the model saved in {@code dir} that a calibration is bound to: the vocabulary
   * hash named by its {@code bundle.json} and the SHA-256 of its engine parameters.
   *
   * @throws BundleException if the folder is not a model folder or its manifests are unreadable
   */
  public static ModelFingerprint fingerprint(Path dir) throws BundleException {
    Path manifest = dir.resolve(MANIFEST);
    if (!Files.isRegularFile(manifest)) {
      throw new BundleException(dir + " is not a Florets model folder: " + MANIFEST + " is missing");
    }
    try {
      String vocab = JSON.readTree(manifest.toFile()).path("vocabularyHash").asText();
      return new ModelFingerprint(vocab, Checkpoints.parametersHash(dir.resolve(ENGINE)));
    } catch (IOException | IllegalArgumentException e) {
      throw new BundleException(manifest + ": " + e.getMessage(), e);
    } catch (CheckpointException e) {
      throw new BundleException(dir + ": engine checkpoint: " + e.getMessage(), e);
    }
  }

  /**
   * Writes {@code c} as the calibration of the model saved in {@code dir} (replacing an older one),
   * bound to that model's {@link #fingerprint}.
   *
   * @return the SHA-256 checksum recorded in the file
   * @throws BundleException if the folder is not a model folder or the file cannot be written
   */
  public static String writeCalibration(Path dir, Calibration c) throws BundleException {
    Objects.requireNonNull(c, "calibration");
    ModelFingerprint fp = fingerprint(dir);
    Path file = dir.resolve(Calibration.FILE);
    try {
      return c.write(file, fp);
    } catch (IOException e) {
      throw new BundleException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a model folder shipped on the class path (e.g. {@code io/florets/prompt/models/default}):
   * copies its files to a temporary folder, loads it and deletes the copy.
   *
   * @throws BundleException if the resource is missing or invalid
   */
  public static ModelBundle loadResource(String resourceDir, ClassLoader loader)
      throws BundleException {
    String base = resourceDir.endsWith("/") ? resourceDir : resourceDir + "/";
    Path tmp = null;
    try {
      tmp = Files.createTempDirectory("florets-model");
      List<String> files = new ArrayList<>();
      files.add(MANIFEST);
      copy(loader, base + MANIFEST, tmp.resolve(MANIFEST));
      JSON.readTree(tmp.resolve(MANIFEST).toFile()).path("files").forEach(n -> files.add(n.asText()));
      for (String f : files.subList(1, files.size())) {
        Path target = tmp.resolve(f).normalize();
        if (!target.startsWith(tmp)) {
          throw new BundleException(base + MANIFEST + ": file '" + f + "' leaves the folder");
        }
        Files.createDirectories(target.getParent());
        copy(loader, base + f, target);
      }
      if (!files.contains(Calibration.FILE) && loader.getResource(base + Calibration.FILE) != null) {
        copy(loader, base + Calibration.FILE, tmp.resolve(Calibration.FILE));
      }
      if (!files.contains(ModelCard.FILE) && loader.getResource(base + ModelCard.FILE) != null) {
        copy(loader, base + ModelCard.FILE, tmp.resolve(ModelCard.FILE));
      }
      return load(tmp);
    } catch (IOException e) {
      throw new BundleException("cannot read model resource " + base + ": " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        deleteQuietly(tmp);
      }
    }
  }

  private static void copy(ClassLoader loader, String name, Path target)
      throws IOException, BundleException {
    try (InputStream in = loader.getResourceAsStream(name)) {
      if (in == null) {
        throw new BundleException("model resource " + name + " is not on the class path");
      }
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var s = Files.walk(dir)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // best effort: a leftover temporary copy is harmless
    }
  }

  /** The provenance of the engine checkpoint (versions, git commit) of a saved folder. */
  public static Optional<Provenance> engineProvenance(Path dir) {
    try {
      return Optional.of(Checkpoints.provenance(dir.resolve(ENGINE)));
    } catch (CheckpointException e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    model.close();
  }
}
