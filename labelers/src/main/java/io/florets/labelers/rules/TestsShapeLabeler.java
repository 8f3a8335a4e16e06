package io.florets.labelers.rules;

import io.florets.datasets.target.ShapeFacet;
import io.florets.datasets.target.ShapeTag;
import io.florets.datasets.target.TargetKind;
import io.florets.labelers.ChannelLabeler;
import io.florets.labelers.signal.ChannelSignal;
import io.florets.labelers.signal.LinePrefix;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code shape.tests}: trend and stationarity tags from classical tests on the deseasonalised,
 * despiked channel (for the trend, with the shared segmentation's level shifts taken out).
 *
 * <ul>
 *   <li>trend: OLS slope t-test with the standard error inflated for lag-1 autocorrelation of the
 *       residuals ({@code (1+rho)/(1-rho)}); {@code multiple} when the best two-line fit has
 *       significant slopes of opposite sign and cuts the residual sum of squares by
 *       {@code multipleGain};</li>
 *   <li>stationarity: the KPSS level statistic with a Bartlett long-run variance
 *       ({@code L = floor(4 (n/100)^0.25)} lags), compared with the 5% critical value 0.463.</li>
 * </ul>
 */
public final class TestsShapeLabeler extends ChannelLabeler {

  /**
   * Settings.
   *
   * @param tCritical |t| above this rejects "no slope"; default 3.3 (about 0.1% two-sided)
   * @param multipleGain a two-line fit must keep at most this fraction of the one-line RSS; 0.5
   * @param minPieceFraction shortest piece of a two-line fit, fraction of the window; 0.2
   * @param kpssCritical KPSS level statistic above this rejects stationarity; default 0.463
   */
  public record Config(double tCritical, double multipleGain, double minPieceFraction,
      double kpssCritical) {
    public static final Config DEFAULTS = new Config(3.3, 0.5, 0.2, 0.463);

    public Config {
      if (!(tCritical > 0 && multipleGain > 0 && multipleGain < 1 && minPieceFraction > 0
          && minPieceFraction < 0.5 && kpssCritical > 0)) {
        throw new IllegalArgumentException("inconsistent shape.tests config: " + this);
      }
    }
  }

  private final Config config;

  public TestsShapeLabeler() {
    this(Config.DEFAULTS);
  }

  public TestsShapeLabeler(Config config) {
    this.config = java.util.Objects.requireNonNull(config, "config");
  }

  @Override
  public String name() {
    return "shape.tests";
  }

  @Override
  public String version() {
    return "3";
  }

  @Override
  public Set<TargetKind> kinds() {
    return Set.of(TargetKind.SHAPE_TAG);
  }

  @Override
  public Set<ShapeFacet> facets() {
    return EnumSet.of(ShapeFacet.TREND, ShapeFacet.STATIONARITY);
  }

  @Override
  protected void labelChannel(ChannelSignal s, int ch, Sink sink) {
    double[] y = s.levelAdjusted();
    int n = y.length;
    LinePrefix lp = new LinePrefix(y);
    double t = tStat(lp, y, 0, n);
    int minPiece = Math.max(4, (int) Math.ceil(config.minPieceFraction() * n));
    double one = lp.rssLine(0, n);
    double best = Double.POSITIVE_INFINITY;
    int cut = -1;
    for (int k = minPiece; k <= n - minPiece; k++) {
      double r = lp.rssLine(0, k) + lp.rssLine(k, n);
      if (r < best) {
        best = r;
        cut = k;
      }
    }
    String trend;
    double conf;
    if (cut > 0 && best < config.multipleGain() * one) {
      double t1 = tStat(lp, y, 0, cut);
      double t2 = tStat(lp, y, cut, n);
      if (Math.abs(t1) > config.tCritical() && Math.abs(t2) > config.tCritical()
          && Math.signum(t1) != Math.signum(t2)) {
        trend = "multiple";
        conf = confidence(Math.min(Math.abs(t1), Math.abs(t2)));
        sink.add(new ShapeTag(ShapeFacet.TREND, trend, ch), conf);
        sink.add(new ShapeTag(ShapeFacet.STATIONARITY, "non_stationary", ch), conf);
        return;
      }
    }
    if (Math.abs(t) > config.tCritical()) {
      trend = t > 0 ? "increasing" : "decreasing";
      conf = confidence(Math.abs(t));
    } else {
      trend = "steady";
      conf = 0.5 + 0.5 * (1 - Math.abs(t) / config.tCritical());
    }
    sink.add(new ShapeTag(ShapeFacet.TREND, trend, ch), conf);
    double eta = kpss(s.deseasonalized());
    boolean stationary = eta < config.kpssCritical();
    sink.add(new ShapeTag(ShapeFacet.STATIONARITY, stationary ? "stationary" : "non_stationary", ch),
        stationary ? 0.5 + 0.5 * (1 - eta / config.kpssCritical()) : Math.min(1, 0.5 + 0.25 * eta / config.kpssCritical()));
  }

  private double confidence(double absT) {
    return Math.min(1, 0.5 + 0.5 * (absT - config.tCritical()) / config.tCritical());
  }

  /** t statistic of the OLS slope over [a,b), with an AR(1) inflation of its standard error. */
  static double tStat(LinePrefix lp, double[] y, int a, int b) {
    int m = b - a;
    if (m < 4) {
      return 0;
    }
    double slope = lp.slope(a, b);
    double rss = lp.rssLine(a, b);
    double var = rss / (m - 2);
    double num = 0;
    double den = 0;
    double prev = y[a] - lp.lineAt(a, b, a);
    den += prev * prev;
    for (int i = a + 1; i < b; i++) {
      double r = y[i] - lp.lineAt(a, b, i);
      num += prev * r;
      den += r * r;
      prev = r;
    }
    double rho = den > 0 ? Math.max(0, Math.min(0.95, num / den)) : 0;
    double stt = (double) m * ((double) m * m - 1) / 12.0;
    double se = Math.sqrt(var / stt * (1 + rho) / (1 - rho));
    if (!(se > 0)) {
      return slope == 0 ? 0 : Math.copySign(1e9, slope);
    }
    return slope / se;
  }

  /** KPSS level-stationarity statistic with a Bartlett-kernel long-run variance. */
  static double kpss(double[] y) {
    int n = y.length;
    double mean = 0;
    for (double v : y) {
      mean += v;
    }
    mean /= n;
    double[] e = new double[n];
    for (int i = 0; i < n; i++) {
      e[i] = y[i] - mean;
    }
    int lags = (int) Math.floor(4 * Math.pow(n / 100.0, 0.25));
    double lr = 0;
    for (int i = 0; i < n; i++) {
      lr += e[i] * e[i];
    }
    lr /= n;
    for (int l = 1; l <= lags && l < n; l++) {
      double g = 0;
      for (int i = l; i < n; i++) {
        g += e[i] * e[i - l];
      }
      lr += 2 * (1 - l / (lags + 1.0)) * g / n;
    }
    if (!(lr > 0)) {
      return 0;
    }
    double s = 0;
    double ss = 0;
    for (int i = 0; i < n; i++) {
      s += e[i];
      ss += s * s;
    }
    return ss / ((double) n * n * lr);
  }
}
