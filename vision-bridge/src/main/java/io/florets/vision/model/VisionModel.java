package io.florets.vision.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.florets.engine.EngineModel;
import io.florets.engine.checkpoint.CheckpointException;
import io.florets.engine.checkpoint.Checkpoints;
import io.florets.engine.checkpoint.Provenance;
import io.florets.engine.decode.DecodeOptions;
import io.florets.engine.decode.Decoded;
import io.florets.prompt.facade.spi.InputModel;
import io.florets.prompt.grammar.Grammar;
import io.florets.prompt.grammar.GrammarConstraint;
import io.florets.prompt.grammar.Grammars;
import io.florets.prompt.readout.Readout;
import io.florets.prompt.serial.Extent;
import io.florets.prompt.serial.ReadoutParser;
import io.florets.prompt.task.Modality;
import io.florets.prompt.task.Prompt;
import io.florets.prompt.task.PromptParser;
import io.florets.prompt.vocab.Vocabulary;
import io.florets.vision.frontend.ImageFrontEnd;
import io.florets.vision.frontend.ImageFrontEndConfig;
import io.florets.vision.image.RasterImage;
import io.florets.vision.ood.OodCheck;
import io.florets.vision.ood.OodVerdict;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A vision model that answers image prompts: the engine with the image front end, the vision vocabulary,
 * the contract's grammars (constrained decoding is always on, so every answer parses) and its parsers.
 * Coordinates in answers are pixels of the image that was asked about.
 *
 * <p>A model folder holds {@code vision.json} (front-end settings and recipe), {@code vocabulary.json}
 * and {@code engine/} (the engine checkpoint with provenance). Thread-safe for asking; close it to free
 * native memory.
 *
 * <p>It is also the {@link InputModel} through which the {@code Florets} facade serves images:
 * {@code Florets.of(VisionModel.defaultModel()).ask(image, Tasks.OD)}, or {@code Florets.load(dir)} on a
 * vision model folder ({@link VisionModelFolderLoader}).
 */
public final class VisionModel implements InputModel<RasterImage> {
  /** Classpath folder of the shipped default model. */
  public static final String DEFAULT_RESOURCE = "/io/florets/vision/model/default/";
  private static final String[] DEFAULT_FILES = {"vision.json", "vocabulary.json", "engine/manifest.json",
      "engine/params.bin"};
  /** Files of the default model that an older copy may lack. */
  private static final String[] OPTIONAL_DEFAULT_FILES = {OodCheck.FILE};
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(VisionModel.class);

  private final EngineModel<RasterImage> engine;
  private final Vocabulary vocab;
  private final Grammars grammars;
  private final ReadoutParser parser;
  private final String recipeJson;
  private final int beamSize;
  private final OodCheck ood;

  private VisionModel(EngineModel<RasterImage> engine, Vocabulary vocab, String recipeJson, int beamSize,
      OodCheck ood) {
    this.ood = ood;
    this.engine = engine;
    this.vocab = vocab;
    this.grammars = new Grammars(vocab);
    this.parser = new ReadoutParser(vocab);
    this.recipeJson = recipeJson;
    this.beamSize = beamSize;
  }

  /** A freshly initialised (untrained) model for a recipe, with the vision vocabulary. */
  public static VisionModel create(VisionRecipe recipe) {
    Vocabulary v = VisionVocabulary.build();
    EngineModel<RasterImage> e = EngineModel.create(recipe.engine(), ImageFrontEnd.of(recipe.frontEnd()),
        VisionVocabulary.spec(v), recipe.seed());
    return new VisionModel(e, v, recipe.toJson(), 1, null);
  }

  /**
   * This model with another recipe recorded in its folder's {@code vision.json} (the same engine and
   * vocabulary, not copied: close only one of the two). For a model trained further from this one.
   *
   * @throws IllegalArgumentException if the recipe's front end or engine shape differs from this model's
   */
  public VisionModel withRecipe(VisionRecipe recipe) {
    ImageFrontEnd fe = (ImageFrontEnd) engine.frontEnd();
    if (!fe.config().equals(recipe.frontEnd()) || !sameShape(engine.config(), recipe.engine())) {
      throw new IllegalArgumentException("vision recipe '" + recipe.name() + "' (front end "
          + recipe.frontEnd().toJson() + ", engine " + recipe.engine() + ") does not fit the model it would"
          + " continue (front end " + fe.config().toJson() + ", engine " + engine.config() + ")");
    }
    return new VisionModel(engine, vocab, recipe.toJson(), beamSize, null);
  }

  private static boolean sameShape(io.florets.engine.EngineConfig a, io.florets.engine.EngineConfig b) {
    return a.dModel() == b.dModel() && a.heads() == b.heads() && a.encoderLayers() == b.encoderLayers()
        && a.decoderLayers() == b.decoderLayers() && a.ffnDim() == b.ffnDim() && a.embedDim() == b.embedDim();
  }

  /** {@link RasterImage}: the input type of the image front end. */
  @Override
  public Class<RasterImage> inputType() {
    return RasterImage.class;
  }

  /** {@link Modality#IMAGE}. */
  @Override
  public Modality modality() {
    return Modality.IMAGE;
  }

  /** The engine model (for training). */
  public EngineModel<RasterImage> engine() {
    return engine;
  }

  /** The vocabulary. */
  public Vocabulary vocabulary() {
    return vocab;
  }

  /** The same model decoding with another beam width (1 = greedy, the default). */
  public VisionModel withBeamSize(int beam) {
    if (beam < 1) {
      throw new IllegalArgumentException("beam size must be >= 1, got " + beam);
    }
    return new VisionModel(engine, vocab, recipeJson, beam, ood);
  }

  /** The same model with an out-of-distribution check (for example one just calibrated). */
  public VisionModel withOodCheck(OodCheck check) {
    return new VisionModel(engine, vocab, recipeJson, beamSize, Objects.requireNonNull(check, "check"));
  }

  /**
   * The out-of-distribution check answers go through: the folder's {@value OodCheck#FILE}, or one
   * attached with {@link #withOodCheck}; empty for a model without one (its answers carry no caveat).
   */
  public Optional<OodCheck> oodCheck() {
    return Optional.ofNullable(ood);
  }

  /**
   * The out-of-distribution verdicts on images, in order.
   *
   * @throws IllegalStateException if the model has no check ({@link #oodCheck()} is empty)
   */
  public List<OodVerdict> checkAll(List<? extends RasterImage> images) {
    if (ood == null) {
      throw new IllegalStateException("this vision model has no out-of-distribution check ("
          + OodCheck.FILE + "); write one with florets calibrate-vision");
    }
    return ood.verdicts(engine, oodPrompt(ood), images);
  }

  /** The verdict on one image; see {@link #checkAll}. */
  public OodVerdict check(RasterImage image) {
    return checkAll(List.of(image)).get(0);
  }

  /** The tokens of the prompt the check's encoder feature is taken under. */
  public int[] oodPrompt(OodCheck check) {
    return PromptParser.parse(check.prompt(), Modality.IMAGE).tokens(vocab);
  }

  /** Asks an argument-free image task ({@code Tasks.OD}, {@code Tasks.IMAGE_CAPTION}, ...) about one image. */
  public <R extends Readout> R ask(RasterImage image, io.florets.prompt.task.Task<R> task) {
    return ask(image, task.prompt());
  }

  /** Asks one prompt about one image. */
  public <R extends Readout> R ask(RasterImage image, Prompt<R> prompt) {
    return askAll(List.of(image), prompt).get(0);
  }

  /**
   * Asks a prompt given as text ({@code "<OD>"}, {@code "<CAPTION_TO_PHRASE_GROUNDING>red circle"}, or a
   * task's natural-language expansion).
   *
   * @throws io.florets.prompt.task.PromptException for an unknown or malformed prompt
   */
  public Readout ask(RasterImage image, String prompt) {
    return ask(image, PromptParser.parse(prompt, Modality.IMAGE));
  }

  /**
   * Asks the same prompt about several images in one batch; answers in input order. When the model
   * has an out-of-distribution check ({@link #oodCheck()}), the answer about an image it flags
   * carries {@link OodCheck#CAVEAT} and its confidences are capped at the check's
   * {@link OodCheck#confidenceCap()}; answers about other images are the model's own.
   *
   * @throws IllegalStateException if an answer does not parse (constrained decoding should prevent it)
   */
  @Override
  public <R extends Readout> List<R> askAll(List<? extends RasterImage> images, Prompt<R> prompt) {
    List<R> out = new ArrayList<>(images.size());
    int i = 0;
    for (java.util.Optional<R> r : tryAskAll(images, prompt)) {
      final int row = i++;
      out.add(r.orElseThrow(() -> new IllegalStateException("the answer about image " + row + " to " + prompt
          + " did not parse")));
    }
    if (ood != null && !images.isEmpty()) {
      List<OodVerdict> v = checkAll(images);
      for (int k = 0; k < out.size(); k++) {
        if (v.get(k).flagged()) {
          out.set(k, ood.caveated(out.get(k)));
        }
      }
    }
    return out;
  }

  /**
   * Like {@link #askAll} but an answer that fails to parse is empty (and logged) instead of throwing,
   * and answers are the model's own, without the out-of-distribution caveat; the evaluation counts
   * these for its parse rate.
   */
  public <R extends Readout> List<java.util.Optional<R>> tryAskAll(List<? extends RasterImage> images,
      Prompt<R> prompt) {
    Objects.requireNonNull(prompt, "prompt");
    if (prompt.task().modality() != Modality.IMAGE) {
      throw new IllegalArgumentException("prompt " + prompt + " is not an image task");
    }
    if (images.isEmpty()) {
      return List.of();
    }
    Grammar g = grammars.forPrompt(prompt);
    GrammarConstraint gc = GrammarConstraint.of(g);
    int[] p = prompt.tokens(vocab);
    int[][] prompts = new int[images.size()][];
    for (int i = 0; i < prompts.length; i++) {
      prompts[i] = p;
    }
    int max = Math.min(g.maxLength(), engine.config().maxTargetLength());
    DecodeOptions opts = new DecodeOptions(beamSize, max, gc::allowed, true);
    List<Decoded> answers = engine.decode(images, prompts, opts);
    List<java.util.Optional<R>> out = new ArrayList<>(images.size());
    for (int i = 0; i < images.size(); i++) {
      Decoded d = answers.get(i);
      int[] tokens = d.tokens();
      float[] lp = d.logProbs();
      if (!d.finished()) {
        // cut at the length limit: keep the longest prefix after which the grammar allows the end
        int k = tokens.length;
        while (k > 0 && !gc.allowed(0, java.util.Arrays.copyOf(tokens, k)).get(Vocabulary.EOS)) {
          k--;
        }
        tokens = java.util.Arrays.copyOf(tokens, k);
        lp = java.util.Arrays.copyOf(lp, k);
      }
      double[] logProbs = new double[lp.length];
      for (int k = 0; k < lp.length; k++) {
        logProbs[k] = lp[k];
      }
      RasterImage img = images.get(i);
      try {
        out.add(java.util.Optional.of(parser.parse(prompt, tokens, logProbs,
            Extent.image(img.width(), img.height()))));
      } catch (RuntimeException e) {
        LOG.warn("answer of {} tokens to {} did not parse: {}", tokens.length, prompt, e.getMessage());
        out.add(java.util.Optional.empty());
      }
    }
    return out;
  }

  /**
   * Saves the model folder.
   *
   * @throws IOException if a file cannot be written
   */
  public void save(Path dir, Provenance provenance) throws IOException {
    Files.createDirectories(dir);
    ImageFrontEnd fe = (ImageFrontEnd) engine.frontEnd();
    String json = "{\"frontEnd\":" + fe.config().toJson() + ",\"recipe\":" + recipeJson + "}\n";
    Files.writeString(dir.resolve("vision.json"), json, StandardCharsets.UTF_8);
    vocab.save(dir.resolve("vocabulary.json"));
    try {
      Checkpoints.save(engine, dir.resolve("engine"), provenance);
    } catch (CheckpointException e) {
      throw new IOException("vision model " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Loads a model folder.
   *
   * @throws IOException if a file is missing or corrupt, or the parts do not match each other
   */
  public static VisionModel load(Path dir) throws IOException {
    Path visionJson = dir.resolve("vision.json");
    if (!Files.isRegularFile(visionJson)) {
      throw new IOException("vision model folder " + dir + " has no vision.json");
    }
    JsonNode fe;
    JsonNode root;
    try {
      root = JSON.readTree(visionJson.toFile());
      fe = root.get("frontEnd");
    } catch (IOException e) {
      throw new IOException(visionJson + " is not valid JSON: " + e.getMessage(), e);
    }
    if (fe == null || !fe.has("dModel") || !fe.has("side") || !fe.has("stem1") || !fe.has("stem2")) {
      throw new IOException(visionJson + ": 'frontEnd' must have dModel, side, stem1 and stem2");
    }
    ImageFrontEndConfig cfg = new ImageFrontEndConfig(fe.get("dModel").asInt(), fe.get("side").asInt(),
        fe.get("stem1").asInt(), fe.get("stem2").asInt());
    Vocabulary v = Vocabulary.load(dir.resolve("vocabulary.json"));
    try {
      OodCheck ood = boundCheck(dir).orElse(null);  // before the engine: a refused check leaks nothing
      EngineModel<RasterImage> e = Checkpoints.load(dir.resolve("engine"), ImageFrontEnd.of(cfg),
          VisionVocabulary.spec(v));
      return new VisionModel(e, v, root.path("recipe").toString(), 1, ood);
    } catch (CheckpointException e) {
      throw new IOException("vision model " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * The folder's out-of-distribution check, if it has one, after checking it was fitted on this
   * folder's weights (its {@value OodCheck#PARAMETERS_HASH} fact, when present).
   *
   * @throws IOException if it is corrupt or was fitted on other weights (the file named)
   */
  private static Optional<OodCheck> boundCheck(Path dir) throws IOException, CheckpointException {
    Optional<OodCheck> c = OodCheck.load(dir);
    if (c.isPresent() && c.get().facts().containsKey(OodCheck.PARAMETERS_HASH)) {
      String mine = Checkpoints.parametersHash(dir.resolve("engine"));
      Object theirs = c.get().facts().get(OodCheck.PARAMETERS_HASH);
      if (!mine.equals(theirs)) {
        throw new IOException(dir.resolve(OodCheck.FILE) + " was fitted on other weights (parameters "
            + "hash " + theirs + ", this model's is " + mine + "); rerun florets calibrate-vision --model "
            + dir);
      }
    }
    return c;
  }

  /** The provenance of a model folder. */
  public static Provenance provenance(Path dir) throws IOException {
    try {
      return Checkpoints.provenance(dir.resolve("engine"));
    } catch (CheckpointException e) {
      throw new IOException("vision model " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Whether the default model is on the classpath. */
  public static boolean hasDefaultModel() {
    return VisionModel.class.getResource(DEFAULT_RESOURCE + "vision.json") != null;
  }

  /**
   * Loads the shipped default model from the classpath (copied to a temporary folder first).
   *
   * @throws IOException if it is not on the classpath or cannot be read
   */
  public static VisionModel defaultModel() throws IOException {
    Path tmp = Files.createTempDirectory("florets-vision-model");
    try {
      exportDefaultModel(tmp);
      return load(tmp);
    } finally {
      deleteTree(tmp);
    }
  }

  /**
   * Writes the shipped default model's folder into {@code dir} (created if needed), e.g. to open it
   * with {@code Florets.load(dir)}.
   *
   * @throws IOException if it is not on the classpath or a file cannot be written
   */
  public static void exportDefaultModel(Path dir) throws IOException {
    for (String f : DEFAULT_FILES) {
      try (InputStream in = VisionModel.class.getResourceAsStream(DEFAULT_RESOURCE + f)) {
        if (in == null) {
          throw new IOException("the default vision model is not on the classpath (missing "
              + DEFAULT_RESOURCE + f + ")");
        }
        Path out = dir.resolve(f);
        Files.createDirectories(out.getParent());
        Files.copy(in, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    for (String f : OPTIONAL_DEFAULT_FILES) {
      try (InputStream in = VisionModel.class.getResourceAsStream(DEFAULT_RESOURCE + f)) {
        if (in != null) {
          Files.copy(in, dir.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  @Override
  public void close() {
    engine.close();
  }
}
