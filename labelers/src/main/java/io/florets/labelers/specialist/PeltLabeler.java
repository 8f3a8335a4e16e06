package io.florets.labelers.specialist;

import io.florets.datasets.target.Event;
import io.florets.datasets.target.EventType;
import io.florets.datasets.target.Segment;
import io.florets.datasets.target.SegmentLabel;
import io.florets.datasets.target.ShapeFacet;
import io.florets.datasets.target.ShapeTag;
import io.florets.datasets.target.TargetKind;
import io.florets.labelers.ChannelLabeler;
import io.florets.labelers.signal.Bumps;
import io.florets.labelers.signal.ChannelSignal;
import io.florets.labelers.signal.Hinge;
import io.florets.labelers.signal.LinePrefix;
import io.florets.labelers.signal.Segmentation;
import io.florets.labelers.signal.SignalConfig;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code changepoint.pelt}: exact PELT segmentation ({@link Segmentation}) of the despiked,
 * deseasonalised channel into straight-line pieces, with sigma =
 * {@code 1.4826 median|diff| / sqrt 2} and a BIC-style penalty.
 *
 * <p>A change point is a {@code level_shift_up/down} when the two fitted lines jump by more than
 * {@code shiftSigmas} sigma at the boundary (unless an opposite jump within {@code maxBumpWidth}
 * samples cancels it: that is a bump), or a {@code trend_change} when the slope change times the
 * shorter piece exceeds {@code trendSigmas} sigma and both pieces span {@code minTrendPiece}; a
 * trend change is then placed where one continuous broken line fits the two pieces best
 * ({@link Hinge}). Weaker change points are dropped and their
 * pieces merged. Each resulting {@link Segment} is rising/falling when its line changes by more
 * than {@code trendSigmas} sigma, else oscillating in a seasonal channel, else flat. A trend tag
 * summarises the segments.
 */
public final class PeltLabeler extends ChannelLabeler {

  /**
   * Settings.
   *
   * @param penaltyFactor penalty per piece in units of sigma^2 ln n; default 4
   * @param minSegment shortest piece in samples; default 8
   * @param shiftSigmas a jump above this many sigma is a level shift; default 3
   * @param trendSigmas a slope change (or a segment's rise) above this many sigma counts; default 6
   * @param maxBumpWidth opposite jumps closer than this are a bump, not shifts; default 20
   * @param minTrendPiece a trend change needs pieces at least this long on both sides (shorter
   *     bends are bumps, not trends); default 24
   */
  public record Config(double penaltyFactor, int minSegment, double shiftSigmas,
      double trendSigmas, int maxBumpWidth, int minTrendPiece) {
    public static final Config DEFAULTS = new Config(4, 8, 3, 6, 20, 24);

    public Config {
      if (!(penaltyFactor > 0) || minSegment < 3 || !(shiftSigmas > 0) || !(trendSigmas > 0)
          || maxBumpWidth < 0) {
        throw new IllegalArgumentException("inconsistent changepoint.pelt config: " + this);
      }
    }
  }

  /** A trend change is placed by a continuous broken-line fit within this many samples of PELT's cut. */
  static final int HINGE_RADIUS = 8;

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
    return "5";
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
    SignalConfig sc = s.config();
    double sigma = s.scale();
    Segmentation seg = sc.penaltyFactor() == config.penaltyFactor() && sc.minSegment() == config.minSegment()
        ? s.segmentation()
        : Segmentation.of(s.deseasonalized(), sigma, config.penaltyFactor(), config.minSegment(), sc.peltBlock());
    int[] b = seg.bounds();
    int inner = b.length - 2;
    int[] pos = new int[inner];
    System.arraycopy(b, 1, pos, 0, inner);
    boolean[] keep = Bumps.keepShifts(pos, seg.jumps(), config.maxBumpWidth());
    List<Integer> cuts = new ArrayList<>();
    cuts.add(0);
    double[] local = s.localScale();
    LinePrefix lp = s.deseasonalizedLines();
    for (int j = 0; j < inner; j++) {
      double jump = seg.jumps()[j];
      double misfit = Math.sqrt((lp.rssLine(b[j], b[j + 1]) + lp.rssLine(b[j + 1], b[j + 2])) / (b[j + 2] - b[j]));
      double sl = Math.max(local[pos[j]], misfit);
      if (Math.abs(jump) > config.shiftSigmas() * sl) {
        if (!keep[j]) {
          continue;
        }
        double z = Math.abs(jump) / sl;
        sink.add(new Event(jump > 0 ? EventType.LEVEL_SHIFT_UP : EventType.LEVEL_SHIFT_DOWN, pos[j], pos[j], ch),
            Math.min(1, 0.5 + 0.5 * (z - config.shiftSigmas()) / config.shiftSigmas()));
        cuts.add(pos[j]);
      } else if (seg.slopeEvidence()[j] > config.trendSigmas() * sl
          && b[j + 1] - b[j] >= config.minTrendPiece() && b[j + 2] - b[j + 1] >= config.minTrendPiece()) {
        double z = seg.slopeEvidence()[j] / sl;
        int at = Hinge.locate(s.deseasonalized(), b[j], b[j + 2], Math.max(b[j] + 2, pos[j] - HINGE_RADIUS),
            Math.min(b[j + 2] - 2, pos[j] + HINGE_RADIUS));
        sink.add(new Event(EventType.TREND_CHANGE, at, at, ch),
            Math.min(1, 0.5 + 0.5 * (z - config.trendSigmas()) / config.trendSigmas()));
        cuts.add(at);
      }
    }
    int n = s.length();
    cuts.add(n);
    cuts = new ArrayList<>(new java.util.TreeSet<>(cuts));
    boolean seasonal = s.decomposition().period() > 0;
    double rise = 0;
    double fall = 0;
    for (int k = 0; k + 1 < cuts.size(); k++) {
      int a = cuts.get(k);
      int e = cuts.get(k + 1);
      double change = lp.slope(a, e) * (e - a - 1);
      SegmentLabel label;
      if (Math.abs(change) > config.trendSigmas() * sigma) {
        label = change > 0 ? SegmentLabel.RISING : SegmentLabel.FALLING;
        if (change > 0) {
          rise += change;
        } else {
          fall -= change;
        }
      } else {
        label = seasonal ? SegmentLabel.OSCILLATING : SegmentLabel.FLAT;
      }
      sink.add(new Segment(a, e - 1, label, ch), cuts.size() == 2 ? 0.9 : 0.7);
    }
    String trend = rise > 0 && fall > 0 ? "multiple" : (rise > 0 ? "increasing" : (fall > 0 ? "decreasing" : "steady"));
    sink.add(new ShapeTag(ShapeFacet.TREND, trend, ch), 0.6);
  }
}
