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
import io.florets.labelers.signal.Kinks;
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
 * {@code shiftSigmas} sigma at the boundary and explain the stretch better than one continuous
 * bend would (by {@code jumpSigmas}), unless an opposite jump within {@code maxBumpWidth} samples
 * cancels it: that is a bump, whose samples are then left out of the trend fit, like missing
 * samples, stuck stretches (three or more equal samples) and samples far off the fit. The other
 * change points are candidate trend changes: one continuous broken line with a step at every level
 * shift and a level per seasonal phase is fitted to the whole channel ({@link Kinks}), and
 * candidates are removed, weakest first, until every remaining slope change is at least
 * {@code kinkSigmas} standard errors and at least {@code minTrendPiece} samples from the next; each
 * is placed where the broken line fits its stretch best. Fitting the bends jointly keeps a short
 * piece left by a spike run or a seasonal residue from hiding the bend beside it. Each resulting
 * {@link Segment} between shifts and trend changes is rising/falling when its line changes by more
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
   * @param kinkSigmas a trend change's slope change must be this many standard errors in the
   *     joint broken-line fit ({@link Kinks}); default 16, chosen on development windows (seeds 5
   *     and 4242) from 8, 12, 16, 20 and 26 by the consensus event F1
   * @param jumpSigmas a jump is a level shift only if two lines with the jump fit its stretch
   *     better than one continuous bend by more than this many sigma (square root of the residual
   *     sum of squares saved, in sigma); else it is a candidate trend change; default 4, chosen on
   *     the same windows from 0, 3, 4, 5 and 8 (5 and 8 cost shape-tag accuracy)
   */
  public record Config(double penaltyFactor, int minSegment, double shiftSigmas,
      double trendSigmas, int maxBumpWidth, int minTrendPiece, double kinkSigmas, double jumpSigmas) {
    public static final Config DEFAULTS = new Config(4, 8, 3, 6, 20, 24, 16, 4);

    public Config {
      if (!(penaltyFactor > 0) || minSegment < 3 || !(shiftSigmas > 0) || !(trendSigmas > 0)
          || maxBumpWidth < 0 || !(kinkSigmas > 0) || !(jumpSigmas >= 0)) {
        throw new IllegalArgumentException("inconsistent changepoint.pelt config: " + this);
      }
    }
  }

  /** A trend change is placed by a continuous broken-line fit within this many samples of where it was. */
  static final int HINGE_RADIUS = 16;
  /**
   * Most candidate trend changes the joint fit starts from (each elimination step costs
   * O(n p^2) for p columns); more are cut to the strongest by PELT's slope evidence. Windows of
   * 256 samples have far fewer.
   */
  static final int MAX_KINK_CANDIDATES = 32;

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
    return "6";
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
    int[] partner = Bumps.partners(pos, seg.jumps(), config.maxBumpWidth());
    int n = s.length();
    boolean[] use = new boolean[n];
    float[] raw = s.raw();
    for (int t = 0; t < n; t++) {
      use[t] = !Float.isNaN(raw[t]);
    }
    // a stuck stretch (three or more equal samples in a row) says nothing about the trend
    for (int t = 2; t < n; t++) {
      if (raw[t] == raw[t - 1] && raw[t] == raw[t - 2]) {
        use[t] = false;
        use[t - 1] = false;
        use[t - 2] = false;
      }
    }
    List<Integer> cuts = new ArrayList<>();
    cuts.add(0);
    double[] local = s.localScale();
    LinePrefix lp = s.deseasonalizedLines();
    List<Integer> shifts = new ArrayList<>();
    // candidate trend changes: {position, PELT's slope evidence in sigma}
    List<double[]> candidates = new ArrayList<>();
    for (int j = 0; j < inner; j++) {
      double jump = seg.jumps()[j];
      double misfit = Math.sqrt((lp.rssLine(b[j], b[j + 1]) + lp.rssLine(b[j + 1], b[j + 2])) / (b[j + 2] - b[j]));
      double sl = Math.max(local[pos[j]], misfit);
      if (Math.abs(jump) > config.shiftSigmas() * sl) {
        if (partner[j] >= 0) {
          // the stretch between a bump's edges is left out of the trend fit
          java.util.Arrays.fill(use, Math.min(pos[j], pos[partner[j]]), Math.max(pos[j], pos[partner[j]]), false);
          continue;
        }
        double rssLines = lp.rssLine(b[j], b[j + 1]) + lp.rssLine(b[j + 1], b[j + 2]);
        double rssBend = Hinge.bestRss(s.deseasonalized(), b[j], b[j + 2], Math.max(b[j] + 2, pos[j] - HINGE_RADIUS),
            Math.min(b[j + 2] - 2, pos[j] + HINGE_RADIUS));
        if (rssBend - rssLines < config.jumpSigmas() * config.jumpSigmas() * sl * sl) {
          // one continuous bend fits as well as two lines with a jump: not a shift
          candidates.add(new double[] {pos[j], seg.slopeEvidence()[j] / sl});
          continue;
        }
        double z = Math.abs(jump) / sl;
        sink.add(new Event(jump > 0 ? EventType.LEVEL_SHIFT_UP : EventType.LEVEL_SHIFT_DOWN, pos[j], pos[j], ch),
            Math.min(1, 0.5 + 0.5 * (z - config.shiftSigmas()) / config.shiftSigmas()));
        cuts.add(pos[j]);
        shifts.add(pos[j]);
      } else {
        candidates.add(new double[] {pos[j], seg.slopeEvidence()[j] / sl});
      }
    }
    if (candidates.size() > MAX_KINK_CANDIDATES) {
      // a long, busy window: the strongest bends by PELT's own slope evidence keep the fit linear in n
      candidates.sort((u, v) -> Double.compare(v[1], u[1]));
      candidates = candidates.subList(0, MAX_KINK_CANDIDATES);
    }
    int[] starts = candidates.stream().mapToInt(c -> (int) c[0]).sorted().toArray();
    Kinks.Result kinks = Kinks.fit(s.deseasonalized(), use, s.decomposition().period(), shifts.stream().mapToInt(Integer::intValue).toArray(),
        starts, local, config.kinkSigmas(),
        config.minTrendPiece(), HINGE_RADIUS);
    for (int i = 0; i < kinks.at().length; i++) {
      int at = kinks.at()[i];
      double z = kinks.z()[i];
      sink.add(new Event(EventType.TREND_CHANGE, at, at, ch),
          Math.min(1, 0.5 + 0.5 * (z - config.kinkSigmas()) / config.kinkSigmas()));
      cuts.add(at);
    }
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
