package io.florets.dataengine.train;

import io.florets.datasets.DenseDataset;
import io.florets.datasets.Window;
import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.Event;
import io.florets.datasets.target.EventType;
import io.florets.datasets.target.Target;
import io.florets.engine.EngineConfig;
import io.florets.engine.FrontEnd;
import io.florets.engine.OutputMapping;
import io.florets.engine.train.TrainingBatch;
import io.florets.prompt.PromptHead;
import io.florets.prompt.facade.NumericScaling;
import io.florets.prompt.serial.SeriesSerializer;
import io.florets.prompt.serial.TrainingPair;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The multitask training set of a {@link DenseDataset}: for every window, the (prompt ids,
 * answer ids) pairs of every time-series task its targets can answer, made by the prompt-head's
 * {@link SeriesSerializer} (numeric properties in the model's units, see {@link NumericScaling}).
 * Pairs are grouped by task, so that sampling picks a task first and frequent per-item prompts
 * ({@code <PROPERTY>}, {@code <REGION_TO_DESCRIPTION>}) do not crowd out the others. Answers longer
 * than the engine's {@code maxTargetLength} and prompts longer than {@code maxPromptLength} are
 * left out. Immutable and thread-safe.
 */
public final class MultitaskData {
  private static final Logger LOG = LoggerFactory.getLogger(MultitaskData.class);

  /** One example: window index, prompt ids, answer ids without the final EOS. */
  record Example(int window, String task, int[] prompt, int[] target) {
  }

  /**
   * Classes of the dense per-sample labels: 0 = no event, {@code 1 + EventType.ordinal()} = the
   * sample lies inside an event of that type (the shortest event wins where events overlap).
   */
  public static final int DENSE_CLASSES = 1 + EventType.values().length;

  private final List<Window> windows;
  private final List<int[]> dense;
  private final List<String> tasks;
  private final Map<String, List<List<Example>>> byTask;
  private final Map<String, Integer> perTask;
  private final String hash;

  private MultitaskData(List<Window> windows, List<int[]> dense, List<List<List<Example>>> groups,
      Map<String, Integer> perTask, String hash) {
    this.windows = windows;
    this.dense = dense;
    Map<String, List<List<Example>>> m = new java.util.TreeMap<>();
    for (List<List<Example>> g : groups) {
      for (List<Example> l : g) {
        m.computeIfAbsent(l.get(0).task(), k -> new ArrayList<>()).add(l);
      }
    }
    this.byTask = m;
    this.tasks = List.copyOf(m.keySet());
    this.perTask = perTask;
    this.hash = hash;
  }

  /**
   * Builds the examples.
   *
   * @param data windows with annotations (truth, consensus, human, ...)
   * @param head the output contract (its vocabulary must contain every class name of the data)
   * @param frontEnd the model's front end (gives the normalisation of each window)
   * @param config the model's shape (length limits)
   * @param sources annotation sources to use; empty = all
   * @throws IllegalArgumentException if no window yields any example
   */
  public static MultitaskData build(DenseDataset data, PromptHead head, FrontEnd<Window> frontEnd,
      EngineConfig config, Set<String> sources) {
    SeriesSerializer ser = head.series();
    List<Window> ws = new ArrayList<>();
    List<int[]> dense = new ArrayList<>();
    List<List<List<Example>>> gs = new ArrayList<>();
    Map<String, Integer> perTask = new LinkedHashMap<>();
    MessageDigest md = sha256();
    int skipped = 0;
    for (DenseDataset.Entry e : data.entries()) {
      Window w = e.window();
      if (w.length() == 0 || w.isAllMissing()) {
        skipped++;
        continue;
      }
      List<Annotation> as = new ArrayList<>();
      for (Annotation a : e.annotations()) {
        if (sources.isEmpty() || sources.contains(a.source())) {
          as.add(a);
        }
      }
      OutputMapping m = frontEnd.prepare(List.of(w)).mappings().get(0);
      List<Target> targets = NumericScaling.toModel(SeriesSerializer.resolve(as), m);
      List<TrainingPair> pairs;
      try {
        pairs = ser.pairs(targets, w.length());
      } catch (IllegalArgumentException ex) {
        LOG.warn("{}: targets left out of training: {}", w, ex.getMessage());
        skipped++;
        continue;
      }
      Map<String, List<Example>> byTask = new LinkedHashMap<>();
      int index = ws.size();
      for (TrainingPair p : pairs) {
        int[] prompt = p.promptTokens();
        int[] target = p.targetTokens();
        if (prompt.length > config.maxPromptLength() || target.length > config.maxTargetLength()) {
          continue;
        }
        int[] t = Arrays.copyOf(target, target.length - 1);
        String task = p.prompt().task().name();
        byTask.computeIfAbsent(task, k -> new ArrayList<>()).add(new Example(index, task, prompt, t));
        perTask.merge(task, 1, Integer::sum);
        digest(md, prompt);
        digest(md, t);
      }
      if (byTask.isEmpty()) {
        skipped++;
        continue;
      }
      for (int c = 0; c < w.channels(); c++) {
        ByteBuffer b = ByteBuffer.allocate(4 * w.length());
        for (float v : w.channelView(c)) {
          b.putFloat(v);
        }
        md.update(b.array());
      }
      ws.add(w);
      dense.add(denseLabels(targets, w.length()));
      List<List<Example>> g = new ArrayList<>();
      byTask.values().forEach(l -> g.add(List.copyOf(l)));
      gs.add(List.copyOf(g));
    }
    if (ws.isEmpty()) {
      throw new IllegalArgumentException("dataset of " + data.size() + " windows yields no "
          + "training example (sources " + (sources.isEmpty() ? "all" : sources) + ")");
    }
    if (skipped > 0) {
      LOG.info("{} of {} windows gave no training example", skipped, data.size());
    }
    md.update(head.vocabulary().hash().getBytes(StandardCharsets.UTF_8));
    return new MultitaskData(List.copyOf(ws), List.copyOf(dense), List.copyOf(gs), Map.copyOf(perTask),
        HexFormat.of().formatHex(md.digest()));
  }

  /** Windows that have at least one example. */
  public int windows() {
    return windows.size();
  }

  /** The windows that have at least one example, in dataset order. */
  public List<Window> windowList() {
    return windows;
  }

  /** Examples per task name (e.g. {@code EVENTS -> 3000}). */
  public Map<String, Integer> examplesPerTask() {
    return perTask;
  }

  /** SHA-256 over the windows' samples, the example ids and the vocabulary hash. */
  public String hash() {
    return hash;
  }

  /**
   * The batch of a step: one task drawn among the tasks present (weights in {@link #weight}) (so every task gets the
   * same share of steps, and a batch of short answers is not padded to the longest task's length),
   * then {@code size} rows, each a uniformly drawn window that answers the task and one of its
   * prompts of that task. A pure function of {@code (seed, step, size)}.
   */
  public TrainingBatch<Window> sample(long seed, long step, int size) {
    return sample(seed, step, size, Map.of());
  }

  /**
   * {@link #sample(long, long, int)} with each task's share multiplied by its factor in
   * {@code factors} (tasks not named keep factor 1).
   */
  public TrainingBatch<Window> sample(long seed, long step, int size, Map<String, Double> factors) {
    Random r = new Random(seed * 0x9E3779B97F4A7C15L + step * 0xBF58476D1CE4E5B9L + 17);
    List<Window> in = new ArrayList<>(size);
    int[][] prompts = new int[size][];
    int[][] targets = new int[size][];
    int[][] labels = new int[size][];
    List<List<Example>> pool = byTask.get(drawTask(r, factors));
    for (int i = 0; i < size; i++) {
      List<Example> choices = pool.get(r.nextInt(pool.size()));
      Example e = choices.get(r.nextInt(choices.size()));
      in.add(windows.get(e.window()));
      prompts[i] = e.prompt();
      targets[i] = e.target();
      labels[i] = dense.get(e.window());
    }
    return new TrainingBatch<>(in, prompts, targets, labels);
  }

  /**
   * Per-sample labels of one window's events ({@link #DENSE_CLASSES}): longer events are painted
   * first, so a spike inside a level shift keeps its own label.
   */
  static int[] denseLabels(List<Target> targets, int length) {
    int[] out = new int[length];
    List<Event> events = new ArrayList<>();
    for (Target t : targets) {
      if (t instanceof Event e) {
        events.add(e);
      }
    }
    events.sort(java.util.Comparator.comparingInt((Event e) -> e.start() - e.end()));
    for (Event e : events) {
      for (int t = Math.max(0, e.start()); t <= Math.min(length - 1, e.end()); t++) {
        out[t] = 1 + e.type().ordinal();
      }
    }
    return out;
  }

  /** Task shares: the dense-target tasks that most answers build on get more steps. */
  static double weight(String task) {
    switch (task) {
      case "EVENTS":
        return 3;
      case "SHAPE":
      case "PROPERTIES":
        return 2;
      case "SEGMENTS":
      case "ALERT":
        return 1.5;
      default:
        return 1;
    }
  }

  private String drawTask(Random r, Map<String, Double> factors) {
    double total = 0;
    for (String t : tasks) {
      total += weight(t) * factors.getOrDefault(t, 1.0);
    }
    double u = r.nextDouble() * total;
    for (String t : tasks) {
      u -= weight(t) * factors.getOrDefault(t, 1.0);
      if (u < 0) {
        return t;
      }
    }
    return tasks.get(tasks.size() - 1);
  }

  private static void digest(MessageDigest md, int[] ids) {
    ByteBuffer b = ByteBuffer.allocate(4 * ids.length + 4);
    b.putInt(ids.length);
    for (int id : ids) {
      b.putInt(id);
    }
    md.update(b.array());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
