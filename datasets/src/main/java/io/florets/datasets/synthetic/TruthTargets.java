package io.florets.datasets.synthetic;

import io.florets.datasets.target.EventType;
import io.florets.datasets.target.NumericProperty;
import io.florets.datasets.target.Property;
import io.florets.datasets.target.Segment;
import io.florets.datasets.target.SegmentLabel;
import io.florets.datasets.target.ShapeFacet;
import io.florets.datasets.target.ShapeTag;
import io.florets.datasets.target.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Turns one channel's truth and final values into its dense targets. Definitions (all over the
 * final window values as stored, as {@code float}, skipping NaN unless said otherwise):
 * <ul>
 *   <li>mean, std (population, divides by n), min, max, median (mean of the two middle values for
 *       an even count), range = max - min;</li>
 *   <li>slope: OLS slope of value against sample index, series units per sample;</li>
 *   <li>lag1_autocorrelation: see {@code Stats.lag1} (pairs with both samples observed);</li>
 *   <li>missing_fraction: NaN samples / length;</li>
 *   <li>period (seasonal channels only): the generating period in samples;</li>
 *   <li>seasonal_amplitude (seasonal channels only): half the peak-to-peak of the seasonal
 *       component as generated over the window;</li>
 *   <li>noise_std: population standard deviation of the noise component over all samples;</li>
 *   <li>snr: population std of the clean signal (offset + trend + seasonal, all samples) over
 *       noise_std.</li>
 * </ul>
 * Shape tags: trend, seasonality and noise are the drawn kinds; stationarity is
 * {@code non_stationary} for a trend or a level shift, else {@code stationary}. Segments split the
 * window at the trend's breakpoints and at level shifts; a segment is rising / falling when its
 * trend piece slopes up / down, else oscillating when the channel is seasonal, else flat.
 */
final class TruthTargets {
  private TruthTargets() {
  }

  static List<Target> of(ChannelTruth truth, ChannelComponents comp, float[] values, int ch) {
    List<Target> out = new ArrayList<>();
    out.add(new ShapeTag(ShapeFacet.TREND, truth.trend().tag(), ch));
    out.add(new ShapeTag(ShapeFacet.SEASONALITY, truth.seasonality().tag(), ch));
    out.add(new ShapeTag(ShapeFacet.NOISE, truth.noiseLevel().tag(), ch));
    out.add(new ShapeTag(ShapeFacet.STATIONARITY,
        truth.nonStationary() ? "non_stationary" : "stationary", ch));
    numeric(out, truth, comp, values, ch);
    for (InjectedEvent e : truth.events()) {
      out.add(e.event());
    }
    out.addAll(segments(truth, values.length, ch));
    return out;
  }

  private static void numeric(List<Target> out, ChannelTruth truth, ChannelComponents comp,
      float[] values, int ch) {
    int n = values.length;
    int observed = 0;
    for (float v : values) {
      observed += Float.isNaN(v) ? 0 : 1;
    }
    double[] x = new double[observed];
    double[] t = new double[observed];
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (!Float.isNaN(values[i])) {
        x[k] = values[i];
        t[k++] = i;
      }
    }
    double mean = Stats.mean(x);
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : x) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    out.add(new NumericProperty(Property.MEAN, mean, ch));
    out.add(new NumericProperty(Property.STD, Math.sqrt(Stats.variance(x)), ch));
    out.add(new NumericProperty(Property.MIN, min, ch));
    out.add(new NumericProperty(Property.MAX, max, ch));
    out.add(new NumericProperty(Property.MEDIAN, Stats.median(x), ch));
    out.add(new NumericProperty(Property.RANGE, max - min, ch));
    out.add(new NumericProperty(Property.SLOPE, Stats.olsSlope(t, x), ch));
    out.add(new NumericProperty(Property.LAG1_AUTOCORRELATION, Stats.lag1(values, mean), ch));
    if (truth.period() > 0) {
      out.add(new NumericProperty(Property.PERIOD, truth.period(), ch));
      double[] s = comp.seasonal();
      double smin = Double.POSITIVE_INFINITY;
      double smax = Double.NEGATIVE_INFINITY;
      for (double v : s) {
        smin = Math.min(smin, v);
        smax = Math.max(smax, v);
      }
      out.add(new NumericProperty(Property.SEASONAL_AMPLITUDE, (smax - smin) / 2, ch));
    }
    double noiseStd = Math.sqrt(Stats.variance(comp.noise()));
    out.add(new NumericProperty(Property.NOISE_STD, noiseStd, ch));
    double cleanStd = Math.sqrt(Stats.variance(comp.clean()));
    out.add(new NumericProperty(Property.SNR, noiseStd == 0 ? 0 : cleanStd / noiseStd, ch));
    out.add(new NumericProperty(Property.MISSING_FRACTION, (n - observed) / (double) n, ch));
  }

  static List<Segment> segments(ChannelTruth truth, int n, int ch) {
    TreeSet<Integer> cuts = new TreeSet<>();
    for (TrendPiece p : truth.trendPieces()) {
      cuts.add(p.start());
    }
    for (InjectedEvent e : truth.events()) {
      EventType type = e.event().type();
      if (type == EventType.LEVEL_SHIFT_UP || type == EventType.LEVEL_SHIFT_DOWN) {
        cuts.add(e.event().start());
      }
    }
    List<Segment> out = new ArrayList<>();
    List<Integer> starts = new ArrayList<>(cuts);
    for (int i = 0; i < starts.size(); i++) {
      int start = starts.get(i);
      int end = i + 1 < starts.size() ? starts.get(i + 1) - 1 : n - 1;
      out.add(new Segment(start, end, label(truth, start), ch));
    }
    return out;
  }

  private static SegmentLabel label(ChannelTruth truth, int start) {
    for (TrendPiece p : truth.trendPieces()) {
      if (start >= p.start() && start <= p.end()) {
        if (p.slope() > 0) {
          return SegmentLabel.RISING;
        }
        if (p.slope() < 0) {
          return SegmentLabel.FALLING;
        }
      }
    }
    return truth.seasonality() == SeasonalityKind.NONE ? SegmentLabel.FLAT : SegmentLabel.OSCILLATING;
  }
}
