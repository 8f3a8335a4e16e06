package io.florets.prompt.calibration;

import io.florets.datasets.target.EventType;
import io.florets.prompt.readout.Readout;
import io.florets.prompt.task.Modality;
import io.florets.prompt.task.Prompt;
import io.florets.prompt.task.Task;
import io.florets.prompt.task.Tasks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Per-task confidence calibration of one trained model: for each calibrated task (by name, e.g.
 * {@code "EVENTS"}), an isotonic {@link CalibrationMap} from the decoder's raw item confidence to
 * the share of such items that were right when it was fitted. The facade passes every item
 * confidence of a calibrated task's answers through that task's map; answers to other tasks, and
 * every other part of an answer (labels, values, positions), are left as they are. A map belongs to
 * one task only: {@code <EVENTS_OF>} answers are not mapped by the {@code EVENTS} map.
 *
 * <p>A task whose answers are lists of items that stand alone ({@link #THRESHOLD_TASKS}: the events
 * of {@code EVENTS}) may also have a minimum confidence, a decision threshold chosen on held-out
 * data as an object detector's is: after mapping, the facade drops every item whose
 * <em>calibrated</em> confidence is below it, so the answer trades recall for precision where that
 * raised the event F1 on the data it was chosen on. Only items are dropped; what remains of the
 * answer is kept as it is. {@code Florets.askAllUncalibrated} neither maps nor drops: it gives every
 * item the decoder produced, with its own confidence.
 *
 * <p>Saved as {@value #FILE} in a model folder by {@link #write}, with the
 * {@link ModelFingerprint} of the model it was fitted to and a SHA-256 checksum of its content;
 * {@link #read} checks both. Immutable and thread-safe.
 *
 * @param tasks the map of each calibrated task, by task name (a series task that is decoded)
 * @param minConfidence the least calibrated confidence of a kept item, by task name; only for
 *     names in {@link #THRESHOLD_TASKS} that also have a map, each in {@code [0, 1]}; empty for no
 *     thresholds (a threshold of 0 drops nothing). A key {@code TASK:type} (e.g.
 *     {@code EVENTS:trend_change}) is the threshold of that event type, which overrides the task's
 *     for events of that type
 * @param source how the maps were fitted (e.g. the command, windows and seed), for provenance
 */
public record Calibration(Map<String, CalibrationMap> tasks, Map<String, Double> minConfidence,
    String source) {
  /** The file name of a calibration in a model folder. */
  public static final String FILE = "calibration.json";
  /**
   * Names of the tasks that may have a minimum confidence: those whose answers are lists of events,
   * each of which can be dropped without changing the others. {@code ALERT} (its events) and
   * {@code SEGMENTS} (its segments) could join once {@code ReadoutConfidences.dropBelow} knows
   * their readouts and a fit chooses their thresholds.
   */
  public static final Set<String> THRESHOLD_TASKS = Set.of("EVENTS");
  /**
   * Between a task name and an event type in a per-type minimum confidence's key, as in
   * {@code EVENTS:trend_change}.
   */
  public static final String TYPE_SEPARATOR = ":";

  /**
   * Checks and copies (keeping the order).
   *
   * @throws IllegalArgumentException if a key of {@code tasks} is not the name of a decoded series
   *     task, or a minimum confidence is not in {@code [0, 1]} (NaN fails), names a task outside
   *     {@link #THRESHOLD_TASKS} or a task without a map
   */
  public Calibration {
    Objects.requireNonNull(tasks, "tasks");
    Objects.requireNonNull(minConfidence, "minConfidence");
    Objects.requireNonNull(source, "source");
    for (Map.Entry<String, CalibrationMap> e : tasks.entrySet()) {
      Optional<Task<?>> t = Tasks.byName(Objects.requireNonNull(e.getKey(), "task name"));
      if (t.isEmpty() || t.get().modality() != Modality.SERIES || !t.get().decoded()) {
        throw new IllegalArgumentException("calibration for '" + e.getKey() + "': not the name of a "
            + "decoded time-series task (e.g. EVENTS, SHAPE, PROPERTIES, CLASSIFY)");
      }
      Objects.requireNonNull(e.getValue(), "map of " + e.getKey());
    }
    for (Map.Entry<String, Double> e : minConfidence.entrySet()) {
      checkThreshold(e.getKey(), e.getValue(), tasks);
    }
    tasks = Collections.unmodifiableMap(new LinkedHashMap<>(tasks));
    minConfidence = Collections.unmodifiableMap(new LinkedHashMap<>(minConfidence));
  }

  /**
   * Maps only, no minimum confidence: every item is kept. The form of calibrations made before
   * thresholds existed.
   *
   * @throws IllegalArgumentException if a key is not the name of a decoded series task
   */
  public Calibration(Map<String, CalibrationMap> tasks, String source) {
    this(tasks, Map.of(), source);
  }

  private static void checkThreshold(String key, Double min, Map<String, CalibrationMap> tasks) {
    Objects.requireNonNull(key, "task name of a minimum confidence");
    int colon = key.indexOf(TYPE_SEPARATOR);
    String task = colon < 0 ? key : key.substring(0, colon);
    if (colon >= 0 && EventType.fromToken(key.substring(colon + 1)).isEmpty()) {
      throw new IllegalArgumentException("minimum confidence " + min + " for '" + key + "': '"
          + key.substring(colon + 1) + "' is not an event type");
    }
    if (!THRESHOLD_TASKS.contains(task)) {
      throw new IllegalArgumentException("minimum confidence " + min + " for '" + task + "': only "
          + "tasks whose answers are item lists of events can have one " + THRESHOLD_TASKS);
    }
    if (min == null || !(min >= 0 && min <= 1)) {
      throw new IllegalArgumentException("minimum confidence of " + task + " must be a number in "
          + "[0,1], got " + min);
    }
    if (!tasks.containsKey(task)) {
      throw new IllegalArgumentException("minimum confidence " + min + " for " + task + ", which "
          + "has no calibration map (the threshold applies to mapped confidences)");
    }
  }

  /**
   * The minimum calibrated confidence of a kept event of type {@code type} in {@code task}'s
   * answers: the type's own (key {@code TASK:type}) if it has one, else the task's.
   */
  public OptionalDouble minConfidence(Task<?> task, EventType type) {
    String name = Objects.requireNonNull(task, "task").name();
    Double min = minConfidence.get(name + TYPE_SEPARATOR + Objects.requireNonNull(type, "type")
        .token());
    if (min == null) {
      min = minConfidence.get(name);
    }
    return min == null ? OptionalDouble.empty() : OptionalDouble.of(min);
  }

  /** The map of {@code task}, if it is calibrated. */
  public Optional<CalibrationMap> map(Task<?> task) {
    return Optional.ofNullable(tasks.get(Objects.requireNonNull(task, "task").name()));
  }

  /**
   * The minimum calibrated confidence of a kept item of {@code task}'s answers, if it has one.
   */
  public OptionalDouble minConfidence(Task<?> task) {
    Double min = minConfidence.get(Objects.requireNonNull(task, "task").name());
    return min == null ? OptionalDouble.empty() : OptionalDouble.of(min);
  }

  /**
   * The answer to {@code prompt} with every item confidence mapped, if its task is calibrated, and
   * then without the items whose mapped confidence is below the task's {@link #minConfidence(Task)}, if
   * it has one (for {@code EVENTS}: the events below it; everything else of the answer is kept);
   * otherwise {@code readout} itself.
   */
  public <R extends Readout> R apply(Prompt<R> prompt, R readout) {
    Objects.requireNonNull(readout, "readout");
    String name = prompt.task().name();
    CalibrationMap m = tasks.get(name);
    if (m == null) {
      return readout;
    }
    Readout mapped = ReadoutConfidences.map(readout, m::apply);
    if (THRESHOLD_TASKS.contains(name)) {
      Task<?> task = prompt.task();
      mapped = ReadoutConfidences.dropBelow(mapped,
          item -> minConfidence(task, item.type()).orElse(0));
    }
    return prompt.task().readoutType().cast(mapped);
  }

  /**
   * {@link #apply} over a list of answers to one prompt; a {@code null} entry (an answer that did
   * not parse, from a lenient caller) stays {@code null}.
   */
  public <R extends Readout> List<R> applyAll(Prompt<R> prompt, List<R> readouts) {
    List<R> out = new ArrayList<>(readouts.size());
    for (R r : readouts) {
      out.add(r == null ? null : apply(prompt, r));
    }
    return out;
  }

  /**
   * Writes this calibration as JSON to {@code file} (replacing it), bound to {@code model}.
   *
   * @return the SHA-256 checksum recorded in the file
   * @throws IOException if the file cannot be written
   */
  public String write(Path file, ModelFingerprint model) throws IOException {
    return CalibrationJson.write(this, Objects.requireNonNull(model, "model"), file);
  }

  /**
   * Reads a calibration written by {@link #write}, checking its format, checksum, knots and that it
   * was fitted to {@code expected}.
   *
   * @throws CalibrationFormatException naming the file and the offending value when the file is
   *     not a calibration, was edited or corrupted, or belongs to another model
   * @throws IOException if the file cannot be read
   */
  public static Calibration read(Path file, ModelFingerprint expected) throws IOException {
    return CalibrationJson.read(file, Objects.requireNonNull(expected, "expected"));
  }
}
