package io.florets.cli;

import io.florets.prompt.readout.Alert;
import io.florets.prompt.readout.Events;
import io.florets.prompt.readout.Numeric;
import io.florets.prompt.readout.NumericProperties;
import io.florets.prompt.readout.Readout;
import io.florets.prompt.readout.ShapeTags;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One line saying how far the model's answer agrees with the labelers' answer of the same type:
 * equal tags, numbers within a relative tolerance, events of the same type within a tolerance in
 * samples, the same alert verdict. Empty for answers without a simple comparison (captions,
 * segments, class labels, embeddings).
 */
final class Agreement {
  private Agreement() {
  }

  /**
   * The line, e.g. {@code "3 of 4 tags equal"}.
   *
   * @param relative numbers agree when they differ by at most this share of the larger magnitude
   * @param samples events agree when their starts and ends differ by at most this many samples
   */
  static Optional<String> of(Readout model, Readout labelers, double relative, int samples) {
    if (model instanceof ShapeTags m && labelers instanceof ShapeTags l) {
      long same = l.tags().stream().filter(t -> m.tags().stream().anyMatch(x -> x.facet() == t.facet()
          && x.channel() == t.channel() && x.value().equals(t.value()))).count();
      return Optional.of(same + " of " + l.tags().size() + " tags equal");
    }
    if (model instanceof NumericProperties m && labelers instanceof NumericProperties l) {
      long close = l.values().stream().filter(t -> m.values().stream().anyMatch(x ->
          x.property() == t.property() && x.channel() == t.channel() && near(x, t, relative))).count();
      return Optional.of(String.format(Locale.ROOT, "%d of %d numbers within %.0f%%", close,
          l.values().size(), 100 * relative));
    }
    if (model instanceof Numeric m && labelers instanceof Numeric l) {
      return Optional.of(near(m, l, relative)
          ? String.format(Locale.ROOT, "within %.0f%%", 100 * relative)
          : String.format(Locale.ROOT, "differs by more than %.0f%%", 100 * relative));
    }
    if (model instanceof Events m && labelers instanceof Events l) {
      return Optional.of(events(m.events(), l.events(), samples));
    }
    if (model instanceof Alert m && labelers instanceof Alert l) {
      return Optional.of(m.abnormal() == l.abnormal() ? "same verdict" : "different verdict");
    }
    return Optional.empty();
  }

  private static String events(List<Events.Item> model, List<Events.Item> labelers, int samples) {
    if (model.isEmpty() && labelers.isEmpty()) {
      return "both found none";
    }
    long matched = model.stream().filter(x -> labelers.stream().anyMatch(y -> y.type() == x.type()
        && Math.abs(y.start() - x.start()) <= samples && Math.abs(y.end() - x.end()) <= samples))
        .count();
    return matched + " of the model's " + model.size() + (model.size() == 1 ? " event" : " events")
        + " match the labelers' " + labelers.size() + " by type and within " + samples + " samples";
  }

  private static boolean near(Numeric a, Numeric b, double relative) {
    double scale = Math.max(Math.abs(a.value()), Math.abs(b.value()));
    return Math.abs(a.value() - b.value()) <= relative * scale;
  }
}
