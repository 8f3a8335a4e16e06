package io.florets.prompt.facade;

import io.florets.datasets.Window;
import io.florets.engine.EngineModel;
import io.florets.prompt.PromptHead;
import io.florets.prompt.calibration.Calibration;
import io.florets.prompt.facade.bundle.BundleException;
import io.florets.prompt.facade.bundle.ModelBundle;
import io.florets.prompt.facade.spi.InputModel;
import io.florets.prompt.facade.spi.ModelFolderLoader;
import io.florets.prompt.readout.Embedding;
import io.florets.prompt.readout.Numeric;
import io.florets.prompt.readout.Readout;
import io.florets.prompt.task.EmbedFacet;
import io.florets.prompt.task.Modality;
import io.florets.prompt.task.Prompt;
import io.florets.prompt.task.PromptParser;
import io.florets.prompt.task.Task;
import io.florets.prompt.task.Tasks;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Supplier;

/**
 * The public entry point: ask a trained model about sensor windows and get typed readouts.
 *
 * <pre>{@code
 * try (Florets f = Florets.defaultModel()) {
 *   Events ev = f.ask(Window.of(samples), Tasks.EVENTS);
 *   Readout r = f.ask(window, "<PROPERTY>mean");
 * }
 * }</pre>
 *
 * <p>The same facade serves models of other modalities through their front end: a model folder that a
 * registered {@link ModelFolderLoader} recognises (the vision bridge registers one for image models)
 * is opened by {@link #load}, and its inputs are asked with the input-typed methods:
 *
 * <pre>{@code
 * try (Florets f = Florets.load(visionModelDir)) {
 *   Boxes boxes = f.ask(image, Tasks.OD);          // image: a RasterImage
 * }
 * }</pre>
 *
 * <p>Every decoded answer is produced under its task's grammar (constrained decoding is always
 * on), so it always parses; every item carries a confidence from the decoder's token
 * log-probabilities. Numeric answers are returned in the series' own units.
 *
 * <p>Confidences: when the model folder has a {@code calibration.json} (written by
 * {@code florets calibrate}; see {@link #calibration()}), every item confidence of a calibrated
 * task's answers is passed through that task's isotonic map, so that among items answered with
 * confidence about {@code c} a share of about {@code c} was right on the data it was fitted to.
 * Without the file, confidences are the decoder's own (the geometric mean of the item's token
 * probabilities), which need not match how often items are right; {@link #askAllUncalibrated}
 * gives those in either case.
 *
 * <p>Thread-safe: any number of threads may ask one instance at once (answers do not depend on
 * what other threads ask). Close it to free native memory. Closing is safe while other threads ask:
 * {@link #close()} refuses asks that arrive after it with an {@link IllegalStateException}
 * ("this Florets is closed"), waits up to {@link #CLOSE_WAIT} for the asks already running to
 * finish, and only then frees the model's native memory. Should asks still be running when the wait
 * ends, the memory is freed by the last of them as it returns, never under a running ask. (Code
 * that takes the engine model out through {@link #bundle()} and asks it directly is outside this
 * protection.)
 */
public final class Florets implements AutoCloseable {
  /** Resource folder of the shipped default model. */
  public static final String DEFAULT_MODEL = "io/florets/prompt/models/default";
  /** Windows decoded together by {@link #askAll}. */
  public static final int BATCH = 32;
  /**
   * How long {@link #close()} waits for asks in flight before it returns and leaves freeing the
   * native memory to the last of them: long enough for any batch of {@link #BATCH} windows of the
   * shipped model on one core, short enough that a service shutting down does not hang.
   */
  public static final Duration CLOSE_WAIT = Duration.ofSeconds(30);
  /** The message of the exception thrown by asks that arrive after {@link #close()}. */
  static final String CLOSED = AskGate.CLOSED;

  private final ModelBundle bundle;
  private final PromptHead head;
  private final EngineModel<Window> model;
  private final int[] embedPrompt;
  /** The bundle's confidence calibration, or null. */
  private final Calibration calibration;
  /** The model of another modality, or null when the facade serves a series bundle. */
  private final InputModel<?> inputModel;
  /** Open/closed state and the asks in flight; frees the model's native memory once. */
  private final AskGate gate = new AskGate(this::freeNative);

  private Florets(ModelBundle bundle) {
    this.bundle = bundle;
    this.head = bundle.head();
    this.model = bundle.model();
    this.embedPrompt = head.promptTokens(Tasks.EMBED.prompt());
    this.calibration = bundle.calibration().orElse(null);
    this.inputModel = null;
  }

  private Florets(InputModel<?> inputModel) {
    this.bundle = null;
    this.head = null;
    this.model = null;
    this.embedPrompt = null;
    this.calibration = null;
    this.inputModel = inputModel;
  }

  /** A facade over an already loaded or freshly trained model (the facade takes ownership). */
  public static Florets of(ModelBundle bundle) {
    return new Florets(Objects.requireNonNull(bundle, "bundle"));
  }

  /**
   * A facade over a model of another modality (e.g. an image model; the facade takes ownership).
   * Ask it with the input-typed methods ({@link #ask(Object, Task)}, {@link #askEach}).
   */
  public static Florets of(InputModel<?> inputModel) {
    return new Florets(Objects.requireNonNull(inputModel, "inputModel"));
  }

  /**
   * Loads a model folder: one that a registered {@link ModelFolderLoader} recognises (e.g. an image
   * model folder, when the vision bridge is on the class path), otherwise a time-series bundle written
   * by {@link ModelBundle#save} (e.g. by {@code florets train}).
   *
   * @throws BundleException if the folder is missing, corrupt or mixes vocabularies
   */
  public static Florets load(Path dir) throws BundleException {
    Objects.requireNonNull(dir, "dir");
    for (ModelFolderLoader loader : ServiceLoader.load(ModelFolderLoader.class,
        Florets.class.getClassLoader())) {
      if (loader.recognises(dir)) {
        return new Florets(Objects.requireNonNull(loader.load(dir), loader.getClass().getName()
            + " returned no model for " + dir));
      }
    }
    return new Florets(ModelBundle.load(dir));
  }

  /**
   * The model shipped with the library (works offline).
   *
   * @throws IllegalStateException if the shipped model is missing from the class path or corrupt
   */
  public static Florets defaultModel() {
    try {
      return new Florets(ModelBundle.loadResource(DEFAULT_MODEL, Florets.class.getClassLoader()));
    } catch (BundleException e) {
      throw new IllegalStateException("the shipped default model cannot be loaded: "
          + e.getMessage(), e);
    }
  }

  /**
   * The model folder behind this facade (provenance, head, engine model).
   *
   * @throws IllegalStateException if the facade serves a model of another modality (no series bundle)
   */
  public ModelBundle bundle() {
    if (bundle == null) {
      throw new IllegalStateException("this Florets instance serves a " + inputModel.modality().jsonName()
          + " model; it has no time-series model bundle");
    }
    return bundle;
  }

  /**
   * The longest window, in samples, this facade's series model takes (its front end's patches);
   * cut longer series into windows of at most this length ({@code Windowing.fixed}).
   *
   * @throws IllegalStateException if the facade serves a model of another modality
   */
  public int maxWindowLength() {
    ModelBundle b = bundle();
    return (b.frontEndConfig().maxPatches() - 1) * b.frontEndConfig().stride()
        + b.frontEndConfig().patchLength();
  }

  /**
   * The per-task confidence calibration this facade applies to its answers: the one in the model
   * folder's {@code calibration.json}, or one attached with {@link ModelBundle#withCalibration};
   * empty for a model without one (its confidences are the decoder's own) and for models of other
   * modalities.
   */
  public Optional<Calibration> calibration() {
    return Optional.ofNullable(calibration);
  }

  /**
   * The model card: what this model measured beside its labelers, what it was trained on and not
   * trained on, and the caveat of a task where it is below them
   * ({@link io.florets.prompt.card.ModelCard#caveat}); from the folder's {@code card.json} (written
   * by {@code florets card}). Empty for a model without one and for models of other modalities.
   */
  public Optional<io.florets.prompt.card.ModelCard> card() {
    return bundle == null ? Optional.empty() : bundle.card();
  }

  /** The input type this facade's model takes: {@link Window} for a series model, else its front end's. */
  public Class<?> inputType() {
    return inputModel == null ? Window.class : inputModel.inputType();
  }

  /**
   * Asks an argument-free task about an input of the model's {@link #inputType()}, e.g.
   * {@code ask(image, Tasks.OD)} on an image model.
   *
   * @throws IllegalArgumentException if the input's type does not match the model's front end, or the
   *     task is of another modality
   */
  public <R extends Readout> R ask(Object input, Task<R> task) {
    return ask(input, promptOf(task));
  }

  /** Asks a prompt about an input of the model's {@link #inputType()}; see {@link #ask(Object, Task)}. */
  public <R extends Readout> R ask(Object input, Prompt<R> prompt) {
    return askEach(List.of(Objects.requireNonNull(input, "input")), prompt).get(0);
  }

  /**
   * Asks a prompt given as text (token form or natural-language expansion, parsed for the model's
   * modality) about an input of the model's {@link #inputType()}.
   */
  public Readout ask(Object input, String prompt) {
    Prompt<?> p = PromptParser.parse(prompt, inputModel == null ? Modality.SERIES : inputModel.modality());
    return ask(input, p);
  }

  /**
   * Asks one prompt about many inputs of the model's {@link #inputType()}: windows go to the series
   * model ({@link #askAll(List, Prompt)}), other inputs to the front end of a model of another modality.
   *
   * @return one readout per input, in order
   * @throws IllegalArgumentException if an input's type does not match the model's front end (the
   *     message names it and its index), or the prompt is of another modality
   */
  public <R extends Readout> List<R> askEach(List<?> inputs, Prompt<R> prompt) {
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(prompt, "prompt");
    return guarded(() -> askEachOpen(inputs, prompt));
  }

  private <R extends Readout> List<R> askEachOpen(List<?> inputs, Prompt<R> prompt) {
    Class<?> type = inputType();
    for (int i = 0; i < inputs.size(); i++) {
      Object x = Objects.requireNonNull(inputs.get(i), "input at index " + i);
      if (!type.isInstance(x)) {
        throw new IllegalArgumentException("input " + i + " is a " + x.getClass().getName() + ", but this "
            + "model's front end takes " + type.getName());
      }
    }
    if (inputModel == null) {
      List<Window> ws = new ArrayList<>(inputs.size());
      inputs.forEach(x -> ws.add((Window) x));
      return askAllOpen(ws, prompt, true);
    }
    return askOther(inputModel, inputs, prompt);
  }

  private static <I, R extends Readout> List<R> askOther(InputModel<I> m, List<?> inputs, Prompt<R> prompt) {
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("no inputs given");
    }
    List<I> typed = new ArrayList<>(inputs.size());
    inputs.forEach(x -> typed.add(m.inputType().cast(x)));
    return m.askAll(typed, inModality(prompt, m.modality()));
  }

  /**
   * The prompt itself if it is of {@code modality}; else, for an argument-free task whose token the
   * other modality also has with the same readout type ({@code Tasks.CLASSIFY} and
   * {@code Tasks.IMAGE_CLASSIFY} are both {@code <CLASSIFY>}), that task's prompt.
   */
  private static <R extends Readout> Prompt<R> inModality(Prompt<R> prompt, Modality modality) {
    Task<R> t = prompt.task();
    if (t.modality() == modality) {
      return prompt;
    }
    if (!t.needsArguments() && prompt.equals(t.prompt())) {
      try {
        Prompt<?> p = PromptParser.parse(t.token(), modality);
        if (p.task().readoutType() == t.readoutType() && !p.task().needsArguments()) {
          @SuppressWarnings("unchecked") // same readout type, checked above
          Prompt<R> same = (Prompt<R>) p;
          return same;
        }
      } catch (IllegalArgumentException e) {
        // no such task in that modality: reported below
      }
    }
    throw new IllegalArgumentException("prompt " + prompt + " is a " + t.modality().jsonName()
        + " task; this model answers " + modality.jsonName() + " tasks");
  }

  /** Asks an argument-free task, e.g. {@code ask(w, Tasks.EVENTS)}. */
  public <R extends Readout> R ask(Window window, Task<R> task) {
    return ask(window, promptOf(task));
  }

  /** Asks a prompt with arguments, e.g. {@code ask(w, Prompt.eventsOf(EventType.SPIKE_UP))}. */
  public <R extends Readout> R ask(Window window, Prompt<R> prompt) {
    return askAll(List.of(window), prompt).get(0);
  }

  /**
   * Asks a prompt given as text: a token form ({@code "<EVENTS_OF>spike_up"}) or its
   * natural-language expansion.
   *
   * @throws io.florets.prompt.task.PromptException (an {@link IllegalArgumentException}) for an
   *     unknown or malformed prompt
   */
  public Readout ask(Window window, String prompt) {
    Prompt<?> p = PromptParser.parse(prompt, Modality.SERIES);
    return ask(window, p);
  }

  /** Asks one task of many windows, decoded in batches of {@link #BATCH}. */
  public <R extends Readout> List<R> askAll(List<Window> windows, Task<R> task) {
    return askAll(windows, promptOf(task));
  }

  /**
   * Asks one prompt of many windows, decoded in batches of {@link #BATCH}.
   *
   * @return one readout per window, in order
   * @throws IllegalArgumentException for an empty, all-missing or wrong-channel-count window (the
   *     message names it and its index), a prompt about a channel that a window does not have
   *     (e.g. {@code <PROPERTY>mean<ch_5>} of a one-channel window), or an image prompt
   */
  public <R extends Readout> List<R> askAll(List<Window> windows, Prompt<R> prompt) {
    return guarded(() -> askAllOpen(windows, prompt, true));
  }

  /**
   * Like {@link #askAll(List, Prompt)}, but every confidence is the decoder's own, before any
   * {@link #calibration()} map: for measuring and fitting calibrations. Same answers otherwise.
   */
  public <R extends Readout> List<R> askAllUncalibrated(List<Window> windows, Prompt<R> prompt) {
    return guarded(() -> askAllOpen(windows, prompt, false));
  }

  /** Asks while the facade is known to be open (inside {@link #guarded}). */
  private <R extends Readout> List<R> askAllOpen(List<Window> windows, Prompt<R> prompt,
      boolean calibrated) {
    List<R> raw = askUncalibratedOpen(windows, prompt);
    return calibrated && calibration != null ? calibration.applyAll(prompt, raw) : raw;
  }

  private <R extends Readout> List<R> askUncalibratedOpen(List<Window> windows, Prompt<R> prompt) {
    Objects.requireNonNull(prompt, "prompt");
    checkWindows(windows);
    if (prompt.task().modality() != Modality.SERIES) {
      throw new IllegalArgumentException("prompt " + prompt + " is an image task; this model "
          + "answers time-series tasks");
    }
    WindowChecks.channel(windows, prompt);
    List<R> out = new ArrayList<>(windows.size());
    if (!prompt.task().decoded()) {
      for (FacetEmbedder.Row r : embedRows(windows, prompt.facet().orElse(EmbedFacet.GENERAL))) {
        out.add(prompt.task().readoutType().cast(FacetEmbedder.embedding(r)));
      }
      return out;
    }
    for (int from = 0; from < windows.size(); from += BATCH) {
      List<Window> part = windows.subList(from, Math.min(windows.size(), from + BATCH));
      out.addAll(SeriesDecoding.decode(model, head, part, prompt, false, from));
    }
    return out;
  }

  /** The {@code <EMBED>} readout: an L2-normalised vector for retrieval. */
  public Embedding embed(Window window) {
    return embed(window, EmbedFacet.GENERAL);
  }

  /**
   * The {@code <EMBED>facet} readout: a unit vector whose neighbours share {@code facet}
   * ({@link EmbedFacet}; {@link EmbedFacet#GENERAL} is the pooled encoder state).
   */
  public Embedding embed(Window window, EmbedFacet facet) {
    return embedAll(List.of(window), facet).get(0).embedding();
  }

  /** General embeddings of many windows, in batches of {@link #BATCH}. */
  public List<Embedding> embedAll(List<Window> windows) {
    List<Embedding> out = new ArrayList<>(windows.size());
    for (FacetEmbedding e : embedAll(windows, EmbedFacet.GENERAL)) {
      out.add(e.embedding());
    }
    return out;
  }

  /**
   * {@code <EMBED>facet} answers of many windows, in batches of {@link #BATCH}: each a unit vector
   * with the facet's tags and the model's confidences in them. A facet vector is read from what the
   * model answers about the facet: the decoder's probabilities over the facet's answer tokens
   * ({@code <SHAPE>} tag values, event types under {@code <EVENTS_OF>}, class names under
   * {@code <CLASSIFY>}), as the square roots of the probabilities, so that the cosine of two
   * windows is the Bhattacharyya coefficient of the model's answers about them.
   *
   * @throws IllegalArgumentException for a bad window (see {@link #askAll(List, Prompt)})
   * @throws IllegalStateException for {@link EmbedFacet#CLASS} on a model without class names
   */
  public List<FacetEmbedding> embedAll(List<Window> windows, EmbedFacet facet) {
    Objects.requireNonNull(facet, "facet");
    return guarded(() -> {
      checkWindows(windows);
      List<FacetEmbedding> out = new ArrayList<>(windows.size());
      for (FacetEmbedder.Row r : embedRows(windows, facet)) {
        out.add(new FacetEmbedding(facet, FacetEmbedder.embedding(r), r.tags()));
      }
      return out;
    });
  }

  private List<FacetEmbedder.Row> embedRows(List<Window> windows, EmbedFacet facet) {
    List<FacetEmbedder.Row> out = new ArrayList<>(windows.size());
    for (int from = 0; from < windows.size(); from += BATCH) {
      List<Window> part = windows.subList(from, Math.min(windows.size(), from + BATCH));
      if (facet != EmbedFacet.GENERAL) {
        out.addAll(FacetEmbedder.rows(model, head, part, facet));
        continue;
      }
      int[][] prompts = new int[part.size()][];
      for (int i = 0; i < prompts.length; i++) {
        prompts[i] = embedPrompt;
      }
      for (float[] v : model.embed(part, prompts)) {
        out.add(FacetEmbedder.general(v));
      }
    }
    return out;
  }

  /** A retrieval index over {@code windows} with general embeddings (embedded now, in batches). */
  public RetrievalIndex index(List<Window> windows) {
    return index(windows, EmbedFacet.GENERAL);
  }

  /** A retrieval index over {@code windows} with {@code <EMBED>facet} vectors (embedded now). */
  public RetrievalIndex index(List<Window> windows, EmbedFacet facet) {
    return RetrievalIndex.of(this, windows, facet);
  }

  /**
   * A stream that cuts windows from pushed samples as {@code spec} says, asks {@code task} of each
   * and hands each answer, typed by the task, to {@code listener}:
   *
   * <pre>{@code
   * WindowStream s = florets.stream(StreamSpec.windowsOf(256).every(64), Tasks.ALERT,
   *     a -> System.out.println(a.windowStart() + ": " + a.readout().abnormal()));
   * s.pushAll(samples);
   * }</pre>
   *
   * The stream asks through this facade: once it is closed, a push that completes a window throws
   * the same {@link IllegalStateException} as any other ask.
   *
   * @throws IllegalArgumentException if the task needs arguments (pass a {@link Prompt} instead)
   * @throws IllegalStateException if this facade is closed
   */
  public <R extends Readout> WindowStream stream(StreamSpec spec, Task<R> task,
      WindowStream.Answers<R> listener) {
    return stream(spec, promptOf(task), listener);
  }

  /**
   * As {@link #stream(StreamSpec, Task, WindowStream.Answers)}, for a prompt with arguments (e.g.
   * {@code Prompt.eventsOf(EventType.SPIKE_UP)}).
   *
   * @throws IllegalStateException if this facade is closed
   */
  public <R extends Readout> WindowStream stream(StreamSpec spec, Prompt<R> prompt,
      WindowStream.Answers<R> listener) {
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(listener, "listener");
    checkOpen();
    Class<R> type = prompt.task().readoutType();
    return new WindowStream(this, spec, List.of(prompt), r -> listener.onAnswer(
        new WindowStream.StreamReadout<>(r.windowStart(), r.window(), prompt, type.cast(r.readout()))));
  }

  /**
   * A stream that asks several prompts of each window; the listener sees each readout with its
   * prompt and narrows the type itself.
   *
   * @throws IllegalStateException if this facade is closed
   */
  public WindowStream stream(StreamSpec spec, List<Prompt<?>> prompts,
      WindowStream.Listener listener) {
    checkOpen();
    return new WindowStream(this, spec, prompts, listener);
  }

  /**
   * A stream of windows of {@code length} samples every {@code stride} samples over {@code channels}
   * channels.
   *
   * @deprecated three numbers in a row are easy to swap; use
   *     {@link #stream(StreamSpec, Task, WindowStream.Answers)} (one task, typed answers) or
   *     {@link #stream(StreamSpec, List, WindowStream.Listener)} (several prompts)
   * @throws IllegalStateException if this facade is closed
   */
  @Deprecated
  public WindowStream stream(int channels, int length, int stride, List<Prompt<?>> prompts,
      WindowStream.Listener listener) {
    return stream(new StreamSpec(length, stride, channels), prompts, listener);
  }

  private static <R extends Readout> Prompt<R> promptOf(Task<R> task) {
    Objects.requireNonNull(task, "task");
    if (task.needsArguments()) {
      throw new IllegalArgumentException("task " + task + " needs arguments; ask it with a Prompt "
          + "(e.g. Prompt.eventsOf, Prompt.property, Prompt.regionOfSamples) or a prompt string");
    }
    return task.prompt();
  }

  private void checkWindows(List<Window> windows) {
    Objects.requireNonNull(windows, "windows");
    if (inputModel != null) {
      throw new IllegalArgumentException("this model's front end takes " + inputModel.inputType().getName()
          + ", not series windows; ask it with ask(input, task) or askEach");
    }
    if (windows.isEmpty()) {
      throw new IllegalArgumentException("no windows given");
    }
    WindowChecks.fit(windows, bundle.channels(), bundle.frontEndConfig().maxChannels(),
        maxWindowLength());
  }

  private void checkOpen() {
    gate.checkOpen();
  }

  /** Runs one ask while holding the facade open (see {@link AskGate#guarded}). */
  private <T> T guarded(Supplier<T> ask) {
    return gate.guarded(ask);
  }

  /** True once {@link #close} has been called (asks are refused from then on). */
  public boolean isClosed() {
    return gate.isClosed();
  }

  /** Asks running now (for tests of closing under load). */
  int asksInFlight() {
    return gate.inFlight();
  }

  /** True once the model's native memory has been freed (for tests of closing under load). */
  boolean nativeMemoryFreed() {
    return gate.freed();
  }

  /**
   * Closes with the default bound {@link #CLOSE_WAIT}: see {@link #close(Duration)}. Idempotent.
   */
  @Override
  public void close() {
    close(CLOSE_WAIT);
  }

  /**
   * Stops new asks, waits up to {@code maxWait} for the asks in flight, then frees the model's
   * native memory. Asks that arrive after this call starts throw {@link IllegalStateException}
   * ("this Florets is closed"); asks already running finish normally with their answers. If some
   * are still running when {@code maxWait} has passed (or the waiting thread is interrupted; its
   * interrupt flag is kept), this method returns without freeing, and the last of those asks frees
   * the memory as it returns. Calling it again waits again for the same asks (up to its own bound).
   *
   * @param maxWait the longest time to wait for asks in flight; zero does not wait
   * @return true if the native memory is freed when this method returns, false if the last ask in
   *     flight will free it
   * @throws IllegalArgumentException if {@code maxWait} is negative
   */
  public boolean close(Duration maxWait) {
    return gate.close(maxWait);
  }

  private void freeNative() {
    if (bundle != null) {
      bundle.close();
    } else {
      inputModel.close();
    }
  }
}
