package io.florets.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.florets.datasets.Series;
import io.florets.datasets.io.SeriesFiles;
import io.florets.datasets.io.SeriesFormat;
import io.florets.datasets.io.csv.CsvSeriesReader;
import io.florets.datasets.io.csv.TimeOrder;
import io.florets.engine.GradMode;
import io.florets.engine.series.SeriesFrontEndConfig;
import io.florets.labelers.Labelers;
import io.florets.prompt.PromptHead;
import io.florets.dataengine.Adaptation;
import io.florets.dataengine.DataEngineConfig;
import io.florets.dataengine.DataEngineListener;
import io.florets.dataengine.ModelQuality;
import io.florets.dataengine.RoundReport;
import io.florets.dataengine.UserWindows;
import io.florets.prompt.facade.Florets;
import io.florets.prompt.facade.bundle.BundleException;
import io.florets.prompt.facade.bundle.BundleProvenance;
import io.florets.prompt.facade.bundle.ModelBundle;
import io.florets.prompt.vocab.Vocabulary;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The data mode of {@code florets train}: reads the user's series, cuts windows, takes the class
 * labels (from the file or a CSV column), adapts a copy of the initial model with the data engine
 * ({@link Adaptation}) and writes the model folder with provenance. Progress goes to standard
 * error, the summary to standard output.
 */
final class DataTraining {
  /** Training steps before round 1 when {@code --steps} is not given. */
  static final long DEFAULT_STEPS = 400;
  /** Batch size when {@code --batch} is not given. */
  static final int DEFAULT_BATCH = 16;
  /** Peak learning rate when {@code --lr} is not given and no window has a class label. */
  static final double DEFAULT_LR = 2e-3;
  /**
   * Peak learning rate when {@code --lr} is not given and windows have class labels: a quarter of
   * {@link #DEFAULT_LR}. Chosen on development splits cut from training files only (halves of the
   * ArrowHead and GunPoint training splits and the unofficial Coffee split; data-engine/RECIPES.md,
   * fourth study): with the transfer set it answered 59 of 71 development series correctly against
   * 56 for the earlier default (2e-3, no transfer set).
   */
  static final double CLASSIFY_LR = 5e-4;
  private static final String FROM_FILE = "from-file";

  private final TrainCommand c;
  private final PrintWriter out;
  private final PrintWriter err;

  DataTraining(TrainCommand c) {
    this.c = c;
    this.out = c.spec.commandLine().getOut();
    this.err = c.spec.commandLine().getErr();
  }

  int run() throws IOException, BundleException {
    checkOptions();
    GradMode.setIntraOpThreads(c.threads);
    long t0 = System.nanoTime();
    Path file = c.data;
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString(), null, "no such data file (--data)");
    }
    int stride = c.stride == null ? c.window : c.stride;
    long first = c.steps == null ? DEFAULT_STEPS : c.steps;
    long later = c.roundSteps == null ? Math.max(1, first / 2) : c.roundSteps;
    long seed = c.seed == null ? 0 : c.seed;
    String sha = sha256(file);
    int[] seriesCount = new int[1];
    UserWindows uw = readWindows(file, c.window, stride, seriesCount);
    err.printf(Locale.ROOT, "read %s: %d series, %d windows of %d samples (stride %d), %d "
        + "labelled, classes %s%n", file, seriesCount[0], uw.size(), c.window, stride,
        uw.labelledCount(), uw.classNames());
    err.flush();
    if (uw.labelledCount() > 0) {
      first = c.adaptation.perMember(first);
      later = c.adaptation.perMember(later);
    }
    DataEngineConfig cfg = DataEngineConfig.defaults(c.rounds, seed).withSteps(first, later, later)
        .withOptimizer(c.batch == null ? DEFAULT_BATCH : c.batch,
            c.learningRate != null ? c.learningRate
                : uw.labelledCount() > 0 ? CLASSIFY_LR : DEFAULT_LR)
        .withThreads(Math.max(1, c.threads));
    if (c.classifyWeight != null) {
      if (!(c.classifyWeight > 0) || c.classifyWeight.isInfinite()) {
        throw new IllegalArgumentException("--classify-weight must be finite and > 0, got "
            + c.classifyWeight);
      }
      cfg = cfg.withTaskWeights(Map.of("CLASSIFY", c.classifyWeight));
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    String initDescription;
    Adaptation.Adapted a;
    try (ModelBundle init = initial(seed)) {
      initDescription = describeInit(init);
      err.printf(Locale.ROOT, "initial model: %s (%d parameters)%n", initDescription,
          init.model().parameterCount());
      err.flush();
      a = uw.labelledCount() > 0
          ? Adaptation.adaptForClassification(init, uw.windows(), uw.labels(),
              Labelers.defaultSuite(), cfg, progress(t0),
              c.adaptation.options())
          : Adaptation.adaptUnlabelled(init, uw.windows(), Labelers.defaultSuite(), cfg,
              progress(t0));
    }
    try (ModelBundle b = a.bundle()) {
      BundleProvenance p = b.provenance();
      Map<String, String> details = new LinkedHashMap<>(p.details());
      details.put("dataFile", file.toAbsolutePath().normalize().toString());
      details.put("dataSha256", sha);
      details.put("window", String.valueOf(c.window));
      details.put("stride", String.valueOf(stride));
      details.put("classes", c.classes == null ? "none" : c.classes);
      details.put("classNames", String.join(", ", a.classNames()));
      details.put("init", initDescription);
      BundleProvenance full = new BundleProvenance(p.recipe(), c.commandLine(), p.dataHash(),
          file.getFileName() + " (sha256 " + sha.substring(0, 16) + "...): " + p.data()
          + ", window " + c.window + ", stride " + stride, p.seed(), p.steps(), p.trainSeconds(),
          p.windows(), p.examplesPerTask(), p.finalLoss(), details);
      b.withProvenance(full).save(c.out);
      summary.put("out", c.out.toString());
      summary.put("data", file.toString());
      summary.put("dataSha256", sha);
      summary.put("series", seriesCount[0]);
      summary.put("window", c.window);
      summary.put("stride", stride);
      summary.put("windows", uw.size());
      summary.put("labelledWindows", uw.labelledCount());
      summary.put("classes", a.classNames());
      summary.put("classSource", c.classes == null ? "none" : c.classes);
      summary.put("init", initDescription);
      summary.put("parameters", b.model().parameterCount());
      summary.put("steps", p.steps());
      summary.put("heldOutLabelled", a.heldOutLabelled());
      if (!Double.isNaN(a.heldOutClassAccuracy())) {
        summary.put("heldOutClassAccuracy", TrainJson.round4(a.heldOutClassAccuracy()));
      }
      summary.put("rounds", TrainJson.rounds(a.result()));
      summary.put("seconds", Math.round((System.nanoTime() - t0) / 1e8) / 10.0);
      summary.put("about", TrainJson.ABOUT);
    }
    print(summary, a);
    return 0;
  }

  private void checkOptions() {
    for (String n : new String[] {"--recipe", "--windows", "--metrics", "--engine",
        "--save-every", "--front-end", "--task-weight"}) {
      if (c.given(n)) {
        throw new IllegalArgumentException(n + " belongs to recipe mode; data mode (--data) "
            + "takes --window, --stride, --classes, --init, --rounds, --steps, --round-steps, "
            + "--classify-weight, --transfer-set, --conv-features, --batch, --lr, --seed, "
            + "--threads and --json");
      }
    }
    if (c.window == null) {
      throw new IllegalArgumentException("--window is required with --data (window length in "
          + "samples)");
    }
    if (c.window < 2 || (c.stride != null && c.stride < 1) || c.rounds < 1
        || (c.steps != null && c.steps < 1) || (c.roundSteps != null && c.roundSteps < 1)) {
      throw new IllegalArgumentException("need --window >= 2, --stride >= 1, --rounds >= 1 and "
          + "--steps/--round-steps >= 1; got window " + c.window + ", stride " + c.stride
          + ", rounds " + c.rounds + ", steps " + c.steps + ", round steps " + c.roundSteps);
    }
  }

  private UserWindows readWindows(Path file, int window, int stride, int[] seriesCount)
      throws IOException {
    String classes = c.classes;
    TimeOrder order = TimeOrderOption.of(c.spec);
    try {
      if (classes == null || classes.equals(FROM_FILE)) {
        List<Series> series = TimeOrderOption.read(file, order, err).series();
        seriesCount[0] = series.size();
        if (classes == null) {
          return UserWindows.unlabelled(series, window, stride);
        }
        if (series.stream().noneMatch(s -> s.classLabel().isPresent())) {
          throw new IllegalArgumentException("no series has a class label (--classes from-file); "
              + "name a CSV column with --classes COLUMN, or leave --classes out");
        }
        return UserWindows.ofSeriesClasses(series, window, stride);
      }
      if (SeriesFiles.detect(file) != SeriesFormat.CSV) {
        throw new IllegalArgumentException("--classes " + classes + " names a CSV column, but "
            + "this is a " + SeriesFiles.detect(file) + " file; use --classes from-file");
      }
      CsvSeriesReader.Labelled l = CsvSeriesReader.readWithLabels(file, order, classes);
      TimeOrderOption.noteIfDropped(file, l.file().metadata(), err);
      seriesCount[0] = 1;
      if (l.rowLabels().stream().allMatch(String::isEmpty)) {
        throw new IllegalArgumentException("column '" + classes + "' is empty on every row");
      }
      return UserWindows.ofRowLabels(l.file().series().get(0), l.rowLabels(), window, stride);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  /** The starting model: default, none (fresh, default shape) or a model folder. */
  private ModelBundle initial(long seed) throws BundleException {
    String init = c.init;
    if ("default".equals(init) || "none".equals(init)) {
      ModelBundle def = ModelBundle.loadResource(Florets.DEFAULT_MODEL,
          Florets.class.getClassLoader());
      if ("default".equals(init)) {
        return def;
      }
      try (def) {
        return freshLike(def, seed);
      }
    }
    Path dir = Path.of(init);
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("--init '" + init + "' is neither default, none nor a "
          + "model folder");
    }
    return ModelBundle.load(dir);
  }

  /**
   * A fresh (untrained) model of {@code def}'s engine and front end, with the token norm that
   * every new model gets and the series vocabulary.
   */
  static ModelBundle freshLike(ModelBundle def, long seed) {
    SeriesFrontEndConfig fe = def.frontEndConfig();
    return ModelBundle.create(def.model().config(), new SeriesFrontEndConfig(fe.dModel(),
        fe.patchLength(), fe.stride(), fe.maxPatches(), fe.maxChannels(), true, fe.stats(),
        fe.pointerFirstId(), fe.pointerBins(), fe.denseClasses()),
        PromptHead.of(io.florets.dataengine.train.Recipe.seriesVocabulary()), seed);
  }

  private String describeInit(ModelBundle b) {
    String shape = b.model().config().name() + " engine";
    if ("default".equals(c.init)) {
      return "default (shipped model, recipe " + b.provenance().recipe() + ", " + shape
          + ", vocabulary " + b.head().vocabulary().hash().substring(0, 12) + ")";
    }
    if ("none".equals(c.init)) {
      return "none (fresh " + shape + " of the default model's shape, token norm on, seed "
          + b.provenance().seed() + ")";
    }
    return Path.of(c.init).toAbsolutePath().normalize() + " (recipe " + b.provenance().recipe()
        + ", " + shape + ", vocabulary " + b.head().vocabulary().hash().substring(0, 12) + ")";
  }

  private DataEngineListener progress(long t0) {
    return new DataEngineListener() {
      private String last = "";

      @Override
      public void progress(int round, String phase, long done, long total) {
        long step = Math.max(1, total / 5);
        String key = round + phase + "/" + done;
        if (!key.equals(last) && (done == 1 || done % step == 0 || done == total)) {
          last = key;
          err.printf(Locale.ROOT, "round %d %-7s %d/%d  (%.0f s)%n", round, phase, done, total,
              (System.nanoTime() - t0) / 1e9);
          err.flush();
        }
      }

      @Override
      public void roundDone(RoundReport r) {
        err.printf(Locale.ROOT, "round %d done in %.0f s: %d targets kept, %d dropped%s%n",
            r.round(), r.seconds(), r.kept(), r.dropped(), r.round() == 0 ? ""
                : ", held-out class accuracy "
                    + r.modelQuality().map(ModelQuality::classAccuracy).orElse(null));
        err.flush();
      }
    };
  }

  private void print(Map<String, Object> s, Adaptation.Adapted a) throws IOException {
    if (c.json) {
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(s));
      out.flush();
      return;
    }
    out.printf(Locale.ROOT, "wrote %s (%s parameters, %s steps, %.0f s)%n", s.get("out"),
        s.get("parameters"), s.get("steps"), (Double) s.get("seconds"));
    out.printf(Locale.ROOT, "data: %s (sha256 %s), %s series, window %s, stride %s%n",
        s.get("data"), ((String) s.get("dataSha256")).substring(0, 16), s.get("series"),
        s.get("window"), s.get("stride"));
    out.printf(Locale.ROOT, "windows: %s, labelled: %s, classes %s (%s)%n", s.get("windows"),
        s.get("labelledWindows"), s.get("classes"), s.get("classSource"));
    out.printf(Locale.ROOT, "initial model: %s%n", s.get("init"));
    for (RoundReport r : a.result().rounds()) {
      String model = r.modelQuality().map(q -> "; model on held-out windows: class accuracy "
          + q.classAccuracy() + " (of " + q.classHeldOut() + "), event F1 " + q.scores().eventF1()
          + ", shape-tag accuracy " + q.scores().shapeTagAccuracy()).orElse("");
      out.printf(Locale.ROOT, "round %d: targets kept %d, dropped %d, changed %d, flagged %d, "
          + "overridden %d%s  (%.0f s)%n", r.round(), r.kept(), r.dropped(), r.changed(),
          r.flagged(), r.overridden(), model, r.seconds());
    }
    out.printf(Locale.ROOT, "final model on the %s held-out labelled windows (never trained on): "
        + "class accuracy %s%n", s.get("heldOutLabelled"),
        s.getOrDefault("heldOutClassAccuracy", "not measured (no labelled window held out)"));
    out.flush();
  }

  static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }
}
