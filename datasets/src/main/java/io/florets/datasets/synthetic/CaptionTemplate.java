package io.florets.datasets.synthetic;

import io.florets.datasets.target.CaptionText;
import io.florets.datasets.target.EventType;
import io.florets.datasets.target.NumericProperty;
import io.florets.datasets.target.Property;
import io.florets.datasets.target.Target;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Deterministic short and detailed captions written from the truth (one fixed template; the
 * labelers module owns the richer caption composer). Numbers are rounded to 4 significant digits.
 */
final class CaptionTemplate {
  private CaptionTemplate() {
  }

  /** The short caption of a window. */
  static CaptionText shortCaption(List<ChannelTruth> channels) {
    if (channels.size() == 1) {
      ChannelTruth c = channels.get(0);
      return new CaptionText(capitalize(article(trendWord(c)) + " " + trendWord(c) + " series with "
          + seasonPhrase(c) + ", " + c.noiseLevel().tag() + " noise and " + eventSummary(c)) + ".", false);
    }
    StringBuilder b = new StringBuilder("A " + channels.size() + "-channel series.");
    for (int i = 0; i < channels.size(); i++) {
      ChannelTruth c = channels.get(i);
      b.append(" Channel ").append(i).append(": ").append(trendWord(c)).append(", ")
          .append(seasonPhrase(c)).append(", ").append(c.noiseLevel().tag()).append(" noise, ")
          .append(eventSummary(c)).append('.');
    }
    return new CaptionText(b.toString(), false);
  }

  /**
   * The detailed caption of a window; {@code targets} holds each channel's truth targets (the
   * numbers quoted are the numeric truth: mean, min, max, slope, seasonal amplitude, noise std).
   */
  static CaptionText detailedCaption(List<ChannelTruth> channels, List<List<Target>> targets, int length) {
    StringBuilder b = new StringBuilder();
    if (channels.size() > 1) {
      b.append("The series has ").append(channels.size()).append(" channels of ").append(length)
          .append(" samples.");
    } else {
      b.append("The series has ").append(length).append(" samples.");
    }
    for (int i = 0; i < channels.size(); i++) {
      b.append(channels.size() > 1 ? " In channel " + i + " the" : " The")
          .append(detail(channels.get(i), targets.get(i)));
    }
    return new CaptionText(b.toString(), true);
  }

  private static double value(List<Target> targets, Property p) {
    for (Target t : targets) {
      if (t instanceof NumericProperty && ((NumericProperty) t).property() == p) {
        return ((NumericProperty) t).value();
      }
    }
    throw new IllegalStateException("no truth for property " + p.token());
  }

  private static String detail(ChannelTruth c, List<Target> targets) {
    StringBuilder b = new StringBuilder();
    b.append(" mean is ").append(num(value(targets, Property.MEAN))).append(", ranging from ")
        .append(num(value(targets, Property.MIN))).append(" to ")
        .append(num(value(targets, Property.MAX))).append(". ");
    b.append("The trend is ").append(c.trend().tag());
    if (c.trend() == TrendKind.MULTIPLE) {
      b.append(" (").append(c.trendPieces().size()).append(" pieces)");
    }
    b.append(", with an overall slope of ").append(num(value(targets, Property.SLOPE)))
        .append(" per sample");
    b.append(". ");
    if (c.seasonality() == SeasonalityKind.NONE) {
      b.append("There is no seasonality. ");
    } else {
      b.append("It has ").append(c.seasonality().tag()).append(" seasonality with a period of ")
          .append(c.period()).append(" samples and an amplitude of ")
          .append(num(value(targets, Property.SEASONAL_AMPLITUDE))).append(". ");
    }
    b.append("The noise is ").append(c.noiseLevel().tag()).append(" (")
        .append(c.noiseKind() == NoiseKind.GAUSSIAN ? "Gaussian" : "irregular")
        .append(", standard deviation ").append(num(value(targets, Property.NOISE_STD))).append("). ");
    if (c.events().isEmpty()) {
      b.append("There are no events.");
    } else {
      List<String> parts = new ArrayList<>();
      for (InjectedEvent e : c.events()) {
        parts.add(eventPhrase(e));
      }
      b.append("Events: ").append(String.join("; ", parts)).append('.');
    }
    return b.toString();
  }

  private static String eventPhrase(InjectedEvent e) {
    EventType t = e.event().type();
    int s = e.event().start();
    int end = e.event().end();
    String at = s == end ? "at sample " + s : "at samples " + s + "-" + end;
    switch (t) {
      case SPIKE_UP:
      case SPIKE_DOWN:
      case LEVEL_SHIFT_UP:
      case LEVEL_SHIFT_DOWN:
        return "a " + words(t) + " " + at + " (" + signed(e.magnitude()) + ")";
      case SPIKE_RUN:
        return "a run of " + e.positions().size() + " spikes " + at + " (" + signed(e.magnitude()) + " each)";
      case WIDE_SPIKE:
        return "a wide spike " + (e.magnitude() > 0 ? "up " : "down ") + at + " (peak "
            + signed(e.magnitude()) + ")";
      case DROPOUT:
        return "a dropout to zero " + at;
      case FLATLINE:
        return "a flatline " + at + " (stuck at " + num(e.magnitude()) + ")";
      case MISSING_RUN:
        return "missing values " + at;
      case TREND_CHANGE:
        return "a trend change " + at;
      default:
        return "an event " + at;
    }
  }

  private static String trendWord(ChannelTruth c) {
    return c.trend() == TrendKind.MULTIPLE ? "multi-trend" : c.trend().tag();
  }

  private static String article(String word) {
    return "aeiou".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
  }

  private static String seasonPhrase(ChannelTruth c) {
    return c.seasonality() == SeasonalityKind.NONE ? "no seasonality"
        : c.seasonality().tag() + " seasonality (period " + c.period() + ")";
  }

  private static String eventSummary(ChannelTruth c) {
    List<InjectedEvent> ev = c.events();
    if (ev.isEmpty()) {
      return "no events";
    }
    List<String> names = new ArrayList<>();
    for (InjectedEvent e : ev) {
      names.add(words(e.event().type()));
    }
    return ev.size() + (ev.size() == 1 ? " event (" : " events (") + String.join(", ", names) + ")";
  }

  private static String words(EventType t) {
    return t.token().replace('_', ' ');
  }

  private static String capitalize(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String signed(double v) {
    return (v > 0 ? "+" : "") + num(v);
  }

  /** A number rounded to 4 significant digits, plain notation, trailing zeros dropped. */
  static String num(double v) {
    if (v == 0 || !Double.isFinite(v)) {
      return v == 0 ? "0" : String.valueOf(v);
    }
    BigDecimal d = new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros();
    String s = d.toPlainString();
    return s.equals("-0") ? "0" : s.toLowerCase(Locale.ROOT);
  }
}
