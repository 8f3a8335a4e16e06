package io.florets.prompt.calibration;

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

/**
 * Per-task confidence calibration of one trained model: for each calibrated task (by name, e.g.
 * {@code "EVENTS"}), an isotonic {@link CalibrationMap} from the decoder's raw item confidence to
 * the share of such items that were right when it was fitted. The facade passes every item
 * confidence of a calibrated task's answers through that task's map; answers to other tasks, and
 * every other part of an answer (labels, values, positions), are left as they are. A map belongs to
 * one task only: {@code <EVENTS_OF>} answers are not mapped by the {@code EVENTS} map.
 *
 * <p>Saved as {@value #FILE} in a model folder by {@link #write}, with the
 * {@link ModelFingerprint} of the model it was fitted to and a SHA-256 checksum of its content;
 * {@link #read} checks both. Immutable and thread-safe.
 *
 * @param tasks the map of each calibrated task, by task name (a series task that is decoded)
 * @param source how the maps were fitted (e.g. the command, windows and seed), for provenance
 */
public record Calibration(Map<String, CalibrationMap> tasks, String source) {
  /** The file name of a calibration in a model folder. */
  public static final String FILE = "calibration.json";

  /**
   * Checks and copies (keeping the order).
   *
   * @throws IllegalArgumentException if a key is not the name of a decoded series task
   */
  public Calibration {
    Objects.requireNonNull(tasks, "tasks");
    Objects.requireNonNull(source, "source");
    for (Map.Entry<String, CalibrationMap> e : tasks.entrySet()) {
      Optional<Task<?>> t = Tasks.byName(Objects.requireNonNull(e.getKey(), "task name"));
      if (t.isEmpty() || t.get().modality() != Modality.SERIES || !t.get().decoded()) {
        throw new IllegalArgumentException("calibration for '" + e.getKey() + "': not the name of a "
            + "decoded time-series task (e.g. EVENTS, SHAPE, PROPERTIES, CLASSIFY)");
      }
      Objects.requireNonNull(e.getValue(), "map of " + e.getKey());
    }
    tasks = Collections.unmodifiableMap(new LinkedHashMap<>(tasks));
  }

  /** The map of {@code task}, if it is calibrated. */
  public Optional<CalibrationMap> map(Task<?> task) {
    return Optional.ofNullable(tasks.get(Objects.requireNonNull(task, "task").name()));
  }

  /**
   * The answer to {@code prompt} with every item confidence mapped, if its task is calibrated;
   * otherwise {@code readout} itself.
   */
  public <R extends Readout> R apply(Prompt<R> prompt, R readout) {
    Objects.requireNonNull(readout, "readout");
    CalibrationMap m = tasks.get(prompt.task().name());
    if (m == null) {
      return readout;
    }
    return prompt.task().readoutType().cast(ReadoutConfidences.map(readout, m::apply));
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
