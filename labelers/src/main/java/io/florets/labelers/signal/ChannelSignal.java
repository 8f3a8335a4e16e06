package io.florets.labelers.signal;

import io.florets.datasets.signal.StructuralFit;

/**
 * The shared analysis of one channel of one window, computed once and read by every labeler of a
 * suite: gap-filled values, moments, a linear fit, a robust noise scale, the periodogram, the
 * autocorrelation, the dominant period, a trend/seasonal decomposition and a despiked copy.
 *
 * <p>Cheap O(n) figures are computed on construction; the rest lazily, on first use. Instances are
 * <b>thread-confined</b> (lazy fields are not synchronised): one thread labels one window.
 * Arrays returned by accessors are shared and must not be modified.
 */
public final class ChannelSignal {
  /** Fewer valid samples than this and labelers abstain. */
  public static final int MIN_SAMPLES = 8;

  private final float[] raw;
  private final int n;
  private final SignalConfig config;
  private final int valid;
  private final double[] x;
  private final double mean;
  private final double variance;
  private final double min;
  private final double max;
  private final double slope;
  private final double intercept;

  private double median = Double.NaN;
  private double mad = Double.NaN;
  private double noiseSigma = Double.NaN;
  private double[] detrended;
  private double[] spectralFilled;
  private double[] periodogram;
  private double[] acf;
  private Periodicity periodicity;
  private Decomposition decomposition;
  private double[] rollingMedian;
  private double[] despiked;
  private double residualSigma = Double.NaN;
  private double noiseRms = Double.NaN;
  private double scaleFloor = Double.NaN;
  private double[] deseasonalized;
  private LinePrefix deseasonalizedLines;
  private double[] seasonAdjusted;
  private StructuralFit structuralFit;
  private boolean structuralTried;
  private RollingMedian.Ranked seasonAdjustedRanks;
  private java.util.Map<Integer, double[]> seasonAdjustedMedians;
  private double[] localScale;
  private Segmentation segmentation;
  private double[] levelAdjusted;

  ChannelSignal(float[] raw, SignalConfig config) {
    this.raw = raw;
    this.n = raw.length;
    this.config = config;
    int cnt = 0;
    double s = 0;
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    double st = 0;
    double stt = 0;
    double stx = 0;
    for (int i = 0; i < n; i++) {
      float v = raw[i];
      if (v == v) {
        cnt++;
        s += v;
        st += i;
        stt += (double) i * i;
        stx += (double) i * v;
        if (v < lo) {
          lo = v;
        }
        if (v > hi) {
          hi = v;
        }
      }
    }
    this.valid = cnt;
    this.mean = cnt > 0 ? s / cnt : Double.NaN;
    this.min = lo;
    this.max = hi;
    double q = 0;
    for (int i = 0; i < n; i++) {
      float v = raw[i];
      if (v == v) {
        q += (v - mean) * (v - mean);
      }
    }
    this.variance = cnt > 0 ? q / cnt : Double.NaN;
    double den = cnt * stt - st * st;
    this.slope = cnt > 1 && den > 0 ? (cnt * stx - st * s) / den : 0;
    this.intercept = cnt > 0 ? (s - slope * st) / cnt : Double.NaN;
    this.x = Gaps.fill(raw, cnt);
  }

  /** The raw samples ({@code NaN} = missing); shared, do not modify. */
  public float[] raw() {
    return raw;
  }

  /** Window length in samples. */
  public int length() {
    return n;
  }

  /** Number of non-missing samples. */
  public int validCount() {
    return valid;
  }

  /** True if there are at least {@link #MIN_SAMPLES} valid samples and they are not all equal. */
  public boolean usable() {
    return valid >= MIN_SAMPLES && max > min;
  }

  /** True if every valid sample has the same value (or there are none). */
  public boolean constant() {
    return !(max > min);
  }

  /** Values with gaps filled by linear interpolation (edges: nearest valid value). */
  public double[] filled() {
    return x;
  }

  public double mean() {
    return mean;
  }

  /** Population variance of the valid samples. */
  public double variance() {
    return variance;
  }

  public double std() {
    return Math.sqrt(variance);
  }

  public double min() {
    return min;
  }

  public double max() {
    return max;
  }

  /** OLS slope over the valid samples, in value units per sample. */
  public double slope() {
    return slope;
  }

  /** OLS intercept (value at index 0). */
  public double intercept() {
    return intercept;
  }

  /** Median of the valid samples. */
  public double median() {
    if (Double.isNaN(median)) {
      computeMedian();
    }
    return median;
  }

  /** Median absolute deviation of the valid samples from their median. */
  public double mad() {
    if (Double.isNaN(mad)) {
      computeMedian();
    }
    return mad;
  }

  private void computeMedian() {
    double[] v = new double[valid];
    int k = 0;
    for (float f : raw) {
      if (f == f) {
        v[k++] = f;
      }
    }
    // v is this method's own copy: select in place (the median of a multiset ignores its order)
    median = Robust.medianInPlace(v, k);
    mad = Robust.mad(v, k, median);
  }

  /**
   * A robust estimate of the white-noise sigma: {@code 1.4826 * median|diff| / sqrt(2)} over pairs
   * of consecutive valid samples. Zero for piecewise-constant data.
   */
  public double noiseSigma() {
    if (Double.isNaN(noiseSigma)) {
      double[] d = new double[n];
      int k = 0;
      for (int i = 1; i < n; i++) {
        if (raw[i] == raw[i] && raw[i - 1] == raw[i - 1]) {
          d[k++] = Math.abs(raw[i] - raw[i - 1]);
        }
      }
      noiseSigma = k == 0 ? 0 : Robust.MAD_TO_SIGMA * Robust.medianInPlace(d, k) / Math.sqrt(2);
    }
    return noiseSigma;
  }

  /**
   * The same difference-MAD sigma, over the filled values minus the seasonal component: a short,
   * strong seasonality no longer inflates it.
   */
  public double residualSigma() {
    if (Double.isNaN(residualSigma)) {
      double[] seas = decomposition().seasonal();
      if (decomposition().period() == 0) {
        residualSigma = noiseSigma();
      } else {
        double[] f = spectralFilled();
        double[] d = new double[Math.max(0, n - 1)];
        for (int i = 1; i < n; i++) {
          d[i - 1] = Math.abs((f[i] - seas[i]) - (f[i - 1] - seas[i - 1]));
        }
        residualSigma = d.length == 0 ? 0
            : Robust.MAD_TO_SIGMA * Robust.medianInPlace(d, d.length) / Math.sqrt(2);
      }
    }
    return residualSigma;
  }

  /** Share of the largest absolute differences {@link #noiseRms()} leaves out. */
  static final double NOISE_RMS_TRIM = 0.02;
  /**
   * {@code E[z^2 | |z| < q]} for a standard normal {@code z} and its {@code 1 - NOISE_RMS_TRIM}
   * two-sided quantile {@code q = 2.3263}: {@code 1 - 2 q phi(q) / (1 - NOISE_RMS_TRIM)}.
   */
  static final double NOISE_RMS_TRIM_CORRECTION;

  static {
    double q = 2.3263478740408408;
    NOISE_RMS_TRIM_CORRECTION = 1 - 2 * q * Math.exp(-q * q / 2) / Math.sqrt(2 * Math.PI) / (1 - NOISE_RMS_TRIM);
  }

  /**
   * The noise's root mean square over the window, from the differences of
   * {@link #levelAdjusted()} (season, isolated spikes and level shifts out): their mean square
   * without the largest {@link #NOISE_RMS_TRIM} of them (what events are left), made consistent for
   * Gaussian noise, over 2. When the noise level varies along the window the median-based
   * {@link #noiseSigma()} falls well below the root mean square (a median of a scale mixture does);
   * this estimate falls less short (noise whose level swings by 60% along 256 samples: 0.88 of its
   * root mean square against 0.77, {@code NoiseRmsTest}), so it is the estimate for the noise's
   * share of the signal and the {@code noise_std} property.
   */
  public double noiseRms() {
    if (Double.isNaN(noiseRms)) {
      double[] y = levelAdjusted();
      if (n < 2) {
        noiseRms = 0;
      } else {
        double[] d = new double[n - 1];
        for (int i = 1; i < n; i++) {
          d[i - 1] = Math.abs(y[i] - y[i - 1]);
        }
        int keep = (int) Math.floor((1 - NOISE_RMS_TRIM) * d.length);
        double rms = Robust.trimmedRmsInPlace(d, d.length, Math.max(1, keep));
        noiseRms = rms / Math.sqrt(2 * (keep >= 1 && keep < d.length ? NOISE_RMS_TRIM_CORRECTION : 1));
      }
    }
    return noiseRms;
  }

  /**
   * A positive noise scale for thresholds: the smaller of {@link #noiseSigma()} and
   * {@link #residualSigma()}, floored by {@code scaleFloor} times the std of the channel with its
   * dropouts bridged.
   */
  public double scale() {
    return Math.max(Math.min(noiseSigma(), residualSigma()), scaleFloor());
  }

  /**
   * The least noise scale a spike is measured against: the larger of {@link #scale()} and
   * {@link #noiseRms()}. The median-based scale of one window is itself noisy (a tenth either way
   * over 256 samples), and in the windows where it came out low, Gaussian noise of three or four
   * sigmas made about half of the false spikes; the root mean square varies less, and the
   * generator's (and a sensor's) spikes stand well above the noise's loudest stretch.
   */
  public double spikeScale() {
    return Math.max(scale(), noiseRms());
  }

  /**
   * {@code scaleFloor} times the standard deviation of {@link #spectralFilled()}: a dropout to zero
   * in a series far from zero would otherwise make the std, and with it the floor, many times the
   * noise, and every threshold in units of the scale would be blind in that window.
   */
  private double scaleFloor() {
    if (Double.isNaN(scaleFloor)) {
      double[] f = spectralFilled();
      double sd = std();
      if (f != x) {
        double m = 0;
        for (double v : f) {
          m += v;
        }
        m /= n;
        double ss = 0;
        for (double v : f) {
          ss += (v - m) * (v - m);
        }
        sd = Math.sqrt(ss / n);
      }
      scaleFloor = Math.max(config.scaleFloor() * sd, 1e-12 * Math.max(1, Math.abs(mean)));
    }
    return scaleFloor;
  }

  /**
   * A local noise sigma per sample: the difference-MAD estimate over the
   * {@code 2 * localHalfWidth + 1} samples around it (on {@link #seasonAdjusted()}), floored like
   * {@link #scale()}. Follows noise whose level changes along the window.
   */
  public double[] localScale() {
    if (localScale == null) {
      double[] y = seasonAdjusted();
      double[] d = new double[n];
      for (int i = 1; i < n; i++) {
        d[i] = Math.abs(y[i] - y[i - 1]);
      }
      if (n > 1) {
        d[0] = d[1];
      }
      double[] med = RollingMedian.of(d, config.localHalfWidth());
      double floor = scaleFloor();
      double[] out = new double[n];
      for (int i = 0; i < n; i++) {
        out[i] = Math.max(floor, Robust.MAD_TO_SIGMA * med[i] / Math.sqrt(2));
      }
      localScale = out;
    }
    return localScale;
  }

  /**
   * {@link #filled()} with dropouts bridged like gaps ({@link Gaps#bridgeDropouts}): the input of
   * the spectral analysis, where a dropout to zero in a series far from zero outweighs a seasonal
   * cycle in the periodogram and the autocorrelation, and hid the period of most seasonal windows
   * that hold one. The same array as {@link #filled()} when there is none.
   */
  public double[] spectralFilled() {
    if (spectralFilled == null) {
      double[] bridged = valid == 0 ? null
          : Gaps.bridgeDropouts(raw, median(), Math.max(noiseSigma(), Robust.MAD_TO_SIGMA * mad()));
      spectralFilled = bridged == null ? x : bridged;
    }
    return spectralFilled;
  }

  /**
   * {@link #spectralFilled()} minus its least-squares line (the channel's OLS line when there is no
   * dropout).
   */
  public double[] detrended() {
    if (detrended == null) {
      double[] y = spectralFilled();
      double a = intercept;
      double b = slope;
      if (y != x) {
        double st = 0;
        double sy = 0;
        double stt = 0;
        double sty = 0;
        for (int i = 0; i < n; i++) {
          st += i;
          sy += y[i];
          stt += (double) i * i;
          sty += i * y[i];
        }
        double den = n * stt - st * st;
        b = n > 1 && den > 0 ? (n * sty - st * sy) / den : 0;
        a = (sy - b * st) / n;
      }
      double[] d = new double[n];
      for (int i = 0; i < n; i++) {
        d[i] = y[i] - (a + b * i);
      }
      detrended = d;
    }
    return detrended;
  }

  /** Periodogram of {@link #detrended()}, bins {@code 0..n/2}. */
  public double[] periodogram() {
    if (periodogram == null) {
      periodogram = Fft.periodogram(detrended());
    }
    return periodogram;
  }

  /** Biased autocorrelation of {@link #detrended()} for lags {@code 0..n-1}. */
  public double[] acf() {
    if (acf == null) {
      acf = Fft.autocorrelation(detrended());
    }
    return acf;
  }

  /** The dominant period found in the periodogram and its significance. */
  public Periodicity periodicity() {
    if (periodicity == null) {
      periodicity = Periodicity.of(this, config);
    }
    return periodicity;
  }

  /** Trend + seasonal + remainder decomposition (seasonal only if a significant period exists). */
  public Decomposition decomposition() {
    if (decomposition == null) {
      decomposition = Decomposition.of(this, config);
    }
    return decomposition;
  }

  /**
   * The channel's structural fit with the default settings ({@link StructuralFit}), computed once
   * and shared by every labeler of a suite; {@code null} when the fit cannot use enough samples
   * (fewer than 8 that are not missing, dropouts or runs of one value).
   */
  public StructuralFit structuralFit() {
    if (!structuralTried) {
      structuralTried = true;
      try {
        structuralFit = StructuralFit.of(raw);
      } catch (IllegalArgumentException e) {
        structuralFit = null;
      }
    }
    return structuralFit;
  }

  /** The filled values minus the seasonal component (the filled values without a period). */
  public double[] seasonAdjusted() {
    if (seasonAdjusted == null) {
      double[] seas = decomposition().seasonal();
      double[] f = spectralFilled();
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        y[i] = f[i] - seas[i];
      }
      seasonAdjusted = y;
    }
    return seasonAdjusted;
  }

  /**
   * Running median of {@link #seasonAdjusted()} over {@code 2 * config.hampelHalfWidth() + 1}
   * samples.
   */
  public double[] rollingMedian() {
    if (rollingMedian == null) {
      rollingMedian = seasonAdjustedMedian(config.hampelHalfWidth());
    }
    return rollingMedian;
  }

  /**
   * Running median of {@link #seasonAdjusted()} over {@code 2 h + 1} samples (clipped at the
   * edges), kept per {@code h}: the labelers that need one of several widths share one ranking of
   * the values ({@link RollingMedian#ranked}). Do not modify the returned array.
   *
   * @param h half-width &ge; 0
   */
  public double[] seasonAdjustedMedian(int h) {
    if (seasonAdjustedRanks == null) {
      seasonAdjustedRanks = RollingMedian.ranked(seasonAdjusted());
      seasonAdjustedMedians = new java.util.HashMap<>(8);
    }
    double[] m = seasonAdjustedMedians.get(h);
    if (m == null) {
      m = seasonAdjustedRanks.of(h);
      seasonAdjustedMedians.put(h, m);
    }
    return m;
  }

  /**
   * {@link #seasonAdjusted()} with isolated outliers replaced by the running median (a Hampel
   * filter with the shared configuration), so that change-point search is not fooled by spikes.
   * Despiking after removing the season keeps the sharp corners of square and triangle waves.
   */
  public double[] deseasonalized() {
    if (deseasonalized == null) {
      double[] y = seasonAdjusted();
      double[] med = rollingMedian();
      double thr = config.despikeThreshold() * scale();
      double[] d = y.clone();
      for (int i = 0; i < n; i++) {
        if (Math.abs(y[i] - med[i]) > thr) {
          d[i] = med[i];
        }
      }
      deseasonalized = d;
    }
    return deseasonalized;
  }

  /** Line-fit prefix sums of {@link #deseasonalized()}: one copy for every labeler that fits lines. */
  public LinePrefix deseasonalizedLines() {
    if (deseasonalizedLines == null) {
      deseasonalizedLines = new LinePrefix(deseasonalized());
    }
    return deseasonalizedLines;
  }

  /** {@link #deseasonalized()} plus the seasonal component again: the despiked channel. */
  public double[] despiked() {
    if (despiked == null) {
      double[] d = deseasonalized();
      double[] seas = decomposition().seasonal();
      double[] out = new double[n];
      for (int i = 0; i < n; i++) {
        out[i] = d[i] + seas[i];
      }
      despiked = out;
    }
    return despiked;
  }

  /**
   * The shared PELT segmentation of {@link #deseasonalized()} (settings from the config; PELT runs
   * on block means of {@code peltBlock} samples, change points refined at full resolution).
   */
  public Segmentation segmentation() {
    if (segmentation == null) {
      segmentation = Segmentation.of(deseasonalized(), deseasonalizedLines(), scale(), config.penaltyFactor(),
          config.minSegment(), config.peltBlock());
    }
    return segmentation;
  }

  /**
   * {@link #deseasonalized()} with the segmentation's jumps above {@code shiftSigmas} sigma taken
   * out: the series a trend test should see.
   */
  public double[] levelAdjusted() {
    if (levelAdjusted == null) {
      levelAdjusted = segmentation().withoutJumps(deseasonalized(), config.shiftSigmas(), localScale());
    }
    return levelAdjusted;
  }

  /**
   * True if the segmentation holds a jump above {@code shiftSigmas} sigma that no opposite jump
   * within {@code maxBumpWidth} samples cancels: a level shift.
   */
  public boolean hasLevelShift(int maxBumpWidth) {
    Segmentation seg = segmentation();
    int[] b = seg.bounds();
    int[] pos = java.util.Arrays.copyOfRange(b, 1, b.length - 1);
    boolean[] keep = Bumps.keepShifts(pos, seg.jumps(), maxBumpWidth);
    double[] local = localScale();
    for (int j = 0; j < pos.length; j++) {
      if (keep[j] && Math.abs(seg.jumps()[j]) > config.shiftSigmas() * local[pos[j]]) {
        return true;
      }
    }
    return false;
  }

  /** Standard deviation of {@link #despiked()} (population). */
  public double despikedStd() {
    return Math.sqrt(Robust.variance(despiked()));
  }

  /** The configuration of the shared analysis. */
  public SignalConfig config() {
    return config;
  }
}
