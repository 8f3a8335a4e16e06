package io.florets.prompt.card;

import io.florets.datasets.target.EventType;
import io.florets.prompt.task.Modality;
import io.florets.prompt.task.Task;
import io.florets.prompt.task.Tasks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The data a model was trained on, as its bundle's provenance records it, with the two facts a
 * reader needs most read out of the data description: the window lengths and the channels per
 * window it saw.
 *
 * @param recipe the training recipe name (e.g. {@code default}, {@code adaptation})
 * @param command the command line that trained it (empty if made through the API)
 * @param data the description of the training data (e.g. the synthetic generator's settings)
 * @param dataHash hash of the training examples
 * @param steps optimisation steps, at least 0
 * @param windows training windows, at least 0
 * @param lengths the window lengths in samples it was trained on, ascending; empty where the
 *     provenance does not say
 * @param channels channels per training window; 0 where the provenance does not say
 */
public record TrainingData(String recipe, String command, String data, String dataHash,
    long steps, int windows, List<Integer> lengths, int channels) {
  /** How the synthetic generator's windows are described in provenance. */
  static final String SYNTHETIC = "synthetic generator";
  private static final Pattern LENGTH = Pattern.compile("(?<![A-Za-z])length=(\\d+)");
  private static final Pattern WINDOW = Pattern.compile("(?<![A-Za-z])window (\\d+)");
  private static final Pattern CHANNELS = Pattern.compile("(?<![A-Za-z])channels=(\\d+)");
  private static final Pattern EVENT_TYPES = Pattern.compile("(?<![A-Za-z])eventTypes=\\[([^\\]]*)\\]");
  private static final Pattern TRENDS = Pattern.compile("(?<![A-Za-z])trends=\\[([^\\]]*)\\]");

  /**
   * Checks and copies.
   *
   * @throws IllegalArgumentException for negative steps, windows or channels, or a length below 1
   */
  public TrainingData {
    Objects.requireNonNull(recipe, "recipe");
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(dataHash, "dataHash");
    if (steps < 0 || windows < 0 || channels < 0) {
      throw new IllegalArgumentException("steps, windows and channels must be >= 0, got steps "
          + steps + ", windows " + windows + ", channels " + channels);
    }
    lengths = List.copyOf(lengths);
    for (int l : lengths) {
      if (l < 1) {
        throw new IllegalArgumentException("a training window length must be >= 1, got " + l
            + " in " + lengths);
      }
    }
  }

  /**
   * The training data of a model from its provenance's fields: lengths read from the data
   * description ({@code length=256}, or {@code window 128} of an adaptation) and from
   * {@code details.window}; channels from {@code bundleChannels} when the bundle declares them
   * (above 0), else from the description ({@code channels=1}).
   *
   * @param details the provenance's further facts (may hold {@code window})
   * @param bundleChannels the channels the bundle declares it was trained on; 0 for any
   */
  public static TrainingData of(String recipe, String command, String data, String dataHash,
      long steps, int windows, Map<String, String> details, int bundleChannels) {
    TreeSet<Integer> lengths = new TreeSet<>();
    numbers(LENGTH, data).forEach(lengths::add);
    numbers(WINDOW, data).forEach(lengths::add);
    String w = details.get("window");
    if (w != null && w.trim().matches("\\d+")) {
      lengths.add(Integer.parseInt(w.trim()));
    }
    lengths.remove(0);
    int channels = bundleChannels;
    if (channels <= 0) {
      List<Integer> c = numbers(CHANNELS, data);
      channels = c.size() == 1 ? c.get(0) : 0;
    }
    return new TrainingData(recipe, command, data, dataHash, steps, windows,
        new ArrayList<>(lengths), channels);
  }

  private static List<Integer> numbers(Pattern p, String text) {
    List<Integer> out = new ArrayList<>();
    Matcher m = p.matcher(text);
    while (m.find()) {
      try {
        out.add(Integer.parseInt(m.group(1)));
      } catch (NumberFormatException e) {
        // a number too large to be a length or a channel count says nothing
      }
    }
    return out;
  }

  /** True when every training window came from the synthetic generator. */
  boolean synthetic() {
    return data.startsWith(SYNTHETIC);
  }

  /**
   * What the model was not trained on, derived from this data: always real sensor windows (or
   * those beyond its own training data), interactions between channels beyond the synthetic
   * generator's, window lengths other than {@link #lengths}, and image tasks; and, when the data
   * description lists the event types drawn, the event types it never saw.
   */
  public List<String> notTrainedOn() {
    List<String> out = new ArrayList<>();
    if (steps == 0) {
      out.add("real sensor windows, nor any others: the model was never trained (0 steps)");
    } else if (synthetic()) {
      out.add("real sensor windows: every one of its " + windows + " training windows came from "
          + "the " + data.split(" SyntheticConfig", 2)[0].trim());
    } else {
      out.add("real sensor windows other than those of its own training data (" + data + ")");
    }
    String saw = channels == 0 ? "its provenance does not say how many channels per window it saw"
        : "trained on " + channels + (channels == 1 ? " channel" : " channels") + " per window";
    out.add("multichannel interactions beyond the synthetic generator's, which draws every channel "
        + "independently (" + saw + ")");
    out.add(lengths.isEmpty()
        ? "window lengths other than its training data's (its provenance does not record them)"
        : "window lengths other than " + lengthsText() + " samples");
    List<String> image = new ArrayList<>();
    for (Task<?> t : Tasks.of(Modality.IMAGE)) {
      if (!image.contains(t.token())) {
        image.add(t.token());
      }
    }
    out.add("image tasks (" + String.join(", ", image) + " of images): it is a time-series "
        + "model");
    List<String> unseen = unseenEventTypes();
    if (!unseen.isEmpty()) {
      out.add("event types absent from its training data: " + String.join(", ", unseen));
    }
    return Collections.unmodifiableList(out);
  }

  private String lengthsText() {
    List<String> s = new ArrayList<>();
    lengths.forEach(l -> s.add(String.valueOf(l)));
    return String.join(", ", s);
  }

  /**
   * Event type tokens not in the description's {@code eventTypes=[...]}; empty without one. Trend
   * changes are not drawn as events: the generator makes them where a {@code MULTIPLE} trend turns,
   * so they were seen when {@code trends=[...]} lists it.
   */
  private List<String> unseenEventTypes() {
    Matcher m = EVENT_TYPES.matcher(data);
    if (!m.find()) {
      return List.of();
    }
    List<String> listed = new ArrayList<>();
    for (String s : m.group(1).split(",")) {
      listed.add(s.trim());
    }
    Matcher trends = TRENDS.matcher(data);
    if (trends.find()) {
      for (String s : trends.group(1).split(",")) {
        if (s.trim().equals("MULTIPLE")) {
          listed.add(EventType.TREND_CHANGE.name());
        }
      }
    }
    List<String> out = new ArrayList<>();
    for (EventType t : EventType.values()) {
      if (!listed.contains(t.name())) {
        out.add(t.token());
      }
    }
    return out;
  }
}
