package io.florets.labelers.specialist;

import io.florets.datasets.target.Event;
import io.florets.datasets.target.EventType;
import io.florets.datasets.target.Segment;
import io.florets.datasets.target.SegmentLabel;
import io.florets.datasets.target.ShapeFacet;
import io.florets.datasets.target.ShapeTag;
import io.florets.datasets.target.TargetKind;
import io.florets.labelers.ChannelLabeler;
import io.florets.labelers.signal.ChannelSignal;
import io.florets.labelers.signal.LinePrefix;
import io.florets.labelers.signal.Pelt;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code changepoint.pelt}: exact PELT segmentation of the despiked, deseasonalised channel into
 * straight-line pieces (cost: residual sum of squares of a least-squares line; penalty
 * {@code penaltyFactor * sigma^2 * ln n} per segment, BIC-style with three parameters per
 * segment, sigma = {@code 1.4826 median|diff| / sqrt 2}).
 *
 * <p>Each change point becomes a {@code level_shift_up/down} when the two fitted lines jump by more
 * than {@code shiftSigmas} sigma at the boundary, or a {@code trend_change} when their slopes
 * differ by more than {@code trendSigmas} sigma over the shorter piece. Each piece becomes a
 * {@link Segment}: oscillating when the raw values scatter around its line by more than
 * {@code oscillationSigmas} sigma (RMS), rising/falling when its line changes by more than
 * {@code trendSigmas} sigma, flat otherwise. A trend tag summarises the pieces.
 */
public final class PeltLabeler extends ChannelLabeler {

  /**
   * Settings.
   *
   * @param penaltyFactor penalty per segment in units of sigma^2 ln n; default 4
   * @param minSegment shortest segment in samples; default 8
   * @param shiftSigmas a jump above this many sigma is a level shift; default 4
   * @param trendSigmas a slope change (or a segment's rise) above this many sigma counts; default 4
   * @param oscillationSigmas RMS scatter around a segment's line above this is oscillating; 2.5
   */
  public record Config(double penaltyFactor, int minSegment, double shiftSigmas,
      double trendSigmas, double oscillationSigmas) {
    public static final Config DEFAULTS = new Config(4, 8, 4, 4, 2.5);

    public Config {
      if (!(penaltyFactor > 0) || minSegment < 3 || !(shiftSigmas > 0) || !(trendSigmas > 0)
          || !(oscillationSigmas > 0)) {
        throw new IllegalArgumentException("inconsistent changepoint.pelt config: " + this);
      }
    }
  }

  private final Config config;

  public PeltLabeler() {
    this(Config.DEFAULTS);
  }

  public PeltLabeler(Config config) {
    this.config = java.util.Objects.requireNonNull(config, "config");
  }

  @Override
  public String name() {
    return "changepoint.pelt";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public Set<TargetKind> kinds() {
    return Set.of(TargetKind.EVENT, TargetKind.SEGMENT, TargetKind.SHAPE_TAG);
  }

  @Override
  public Set<EventType> eventTypes() {
    return EnumSet.of(EventType.LEVEL_SHIFT_UP, EventType.LEVEL_SHIFT_DOWN, EventType.TREND_CHANGE);
  }

  @Override
  public Set<ShapeFacet> facets() {
    return EnumSet.of(ShapeFacet.TREND);
  }

  @Override
  protected void labelChannel(ChannelSignal s, int ch, Sink sink) {
    double[] d = s.despiked();
    double[] seas = s.decomposition().seasonal();
    int n = d.length;
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = d[i] - seas[i];
    }
    double sigma = s.scale();
    LinePrefix lp = new LinePrefix(y);
    double penalty = config.penaltyFactor() * sigma * sigma * Math.log(n);
    int[] cps = Pelt.changePoints(lp::rssLine, n, penalty, config.minSegment());
    int[] bounds = new int[cps.length + 2];
    System.arraycopy(cps, 0, bounds, 1, cps.length);
    bounds[bounds.length - 1] = n;
    LinePrefix raw = new LinePrefix(d);
    double rise = 0;
    double fall = 0;
    for (int k = 0; k + 1 < bounds.length; k++) {
      int a = bounds[k];
      int b = bounds[k + 1];
      int m = b - a;
      double change = lp.slope(a, b) * (m - 1);
      double scatter = Math.sqrt(raw.rssLine(a, b) / m);
      SegmentLabel label;
      if (scatter > config.oscillationSigmas() * sigma && s.decomposition().period() > 0) {
        label = SegmentLabel.OSCILLATING;
      } else if (Math.abs(change) > config.trendSigmas() * sigma) {
        label = change > 0 ? SegmentLabel.RISING : SegmentLabel.FALLING;
        if (change > 0) {
          rise += change;
        } else {
          fall -= change;
        }
      } else {
        label = SegmentLabel.FLAT;
      }
      sink.add(new Segment(a, b - 1, label, ch), cps.length == 0 ? 0.9 : 0.7);
      if (k > 0) {
        int a0 = bounds[k - 1];
        double jump = lp.lineAt(a, b, a - 0.5) - lp.lineAt(a0, a, a - 0.5);
        double dSlope = lp.slope(a, b) - lp.slope(a0, a);
        double slopeEvidence = Math.abs(dSlope) * Math.min(m, a - a0);
        if (Math.abs(jump) > config.shiftSigmas() * sigma) {
          double z = Math.abs(jump) / sigma;
          sink.add(new Event(jump > 0 ? EventType.LEVEL_SHIFT_UP : EventType.LEVEL_SHIFT_DOWN, a, a, ch),
              Math.min(1, 0.5 + 0.5 * (z - config.shiftSigmas()) / config.shiftSigmas()));
        } else if (slopeEvidence > config.trendSigmas() * sigma) {
          double z = slopeEvidence / sigma;
          sink.add(new Event(EventType.TREND_CHANGE, a, a, ch),
              Math.min(1, 0.5 + 0.5 * (z - config.trendSigmas()) / config.trendSigmas()));
        }
      }
    }
    String trend = rise > 0 && fall > 0 ? "multiple" : (rise > 0 ? "increasing" : (fall > 0 ? "decreasing" : "steady"));
    sink.add(new ShapeTag(ShapeFacet.TREND, trend, ch), 0.6);
  }
}
