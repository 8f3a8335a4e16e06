package io.florets.labelers.nab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Variants of the default NAB detector ({@link CombinedDetector}) scored the way {@code florets eval nab
 * --cv categories} scores it: every variant runs the default's whole 16-setting grid
 * ({@link CombinedConfig#candidates()}), leave-one-category-out picks a setting and a threshold per fold,
 * and the line prints the cross-validated standard, low-FP and low-FN scores, then the in-sample scores of
 * the shipped setting, then per fold the chosen candidate and the held-out category's score. The README's
 * NAB section lists what these variants gave. Package-private classes are used, so it is compiled into
 * the package and run on the class path rather than as a source file:
 *
 * <pre>
 * mvn -q dependency:build-classpath -pl labelers -Dmdep.outputFile=/tmp/labcp.txt
 * CP="labelers/target/classes:$(cat /tmp/labcp.txt)"
 * javac -d /tmp/nabvariants -cp "$CP" labelers/studies/NabVariants.java
 * java -cp "/tmp/nabvariants:$CP" io.florets.labelers.nab.NabVariants DATA_DIR LABELS VARIANT...
 * </pre>
 *
 * <p>Variants: {@code baseline}; {@code shared} (the setting's refractory applied once more to the
 * combined score, so the contextual part cannot alarm again right after the multi-scale part);
 * {@code rise:R:K} (after the combined score, a new alarm within R samples
 * of the last one must exceed K times it); {@code agg:sum2|top2} (the multi-scale surprises joined by
 * their root sum of squares, or the largest plus half the second, instead of the largest);
 * {@code quantz:W:Z} (the contextual part quantises the robust z of each value against the median and
 * scale of the last W values, clipped to +-Z, instead of the range seen so far); {@code ensemble:mean|max}
 * (no choice among the 16 settings: their multi-scale scores averaged or maxed, only the threshold
 * chosen); {@code novelty:D:L} (a seventh surprise: the distance of the last L extremes of D-sample blocks,
 * over the range seen so far, to the nearest such vector in the whole past, calibrated like the others);
 * {@code hush:L:M} (after the shared refractory, a reported score of at least L silences the next M samples);
 * {@code peak:D} (after the shared refractory, each score reported D samples late and only when none of
 * those D samples scored higher); {@code calib:A,B[:R,S]} (the grid with calibration windows A, B and
 * refractory periods R, S, with {@code peak:1}); {@code mslik:W} (a third part: W times the anomaly
 * likelihood, short 5, long 1000, silenced 150 samples after 0.5, of the multi-scale score before its
 * refractory, with {@code peak:1}); {@code peakctx} (the same as {@code peak:1}); {@code cold:N[:log]} (the
 * session loop of this study with each surprise calibrated from its first non-zero value on and scoring once
 * N of its values are known, with {@code peak:1}; {@code log}: each surprise compared with its calibration
 * maximum as {@code log(1 + m) / log(1 + max)}; {@code restart}: besides, the seasonal break restarts, its
 * baseline, calibration and warm-up cleared, whenever the re-estimated period differs from the last); {@code hushgrid:L1,L2:M} (the {@code peak:1} grid three
 * times: as it is, and with {@code hush:L1:M} or {@code hush:L2:M} after it; the fold chooses among all 48;
 * a candidate index of 16 or more is a silenced one); {@code actual} (the shipped {@link CombinedDetector} run as
 * it streams, every grid setting). Since the per-surprise warm-up entered the shipped session
 * ({@link RobustSession}), every variant that uses the shipped multi-scale scores ({@code baseline},
 * {@code shared}, {@code rise}, {@code hush}, {@code peak}, {@code quantz}, {@code ensemble}, {@code mslik})
 * includes it; {@code agg}, {@code novelty} and {@code cold} run the study's own copy of the loop, which
 * has it only with {@code cold:N}. The README gives each variant's figures as measured at the time.
 */
public final class NabVariants {
  private static List<NabSeries> corpus;
  /** When above 0: a surprise is calibrated from its first measured value on, and scores once this many are known. */
  private static int coldStart;
  /** When set: each surprise is compared with its calibration maximum on a log scale, log(1 + m) / log(1 + max). */
  private static boolean logRatio;
  /** When set (with {@link #coldStart}): the seasonal break restarts, calibration and warm-up included, when the period changes. */
  private static boolean restartSeason;
  private static final List<NabProfile> PROFILES = NabProfile.published();
  private static List<CombinedConfig> GRID = CombinedConfig.candidates();

  public static void main(String[] args) throws Exception {
    corpus = NabCorpusReader.read(Path.of(args[0]), Path.of(args[1]));
    int def = GRID.indexOf(CombinedConfig.defaults());
    ContextualConfig ctx = GRID.get(0).context();
    List<double[]> raw = corpus.parallelStream().map(s -> ContextualDetector.of(ctx).rawScores(s.values()))
        .collect(Collectors.toList());
    Map<MultiScaleConfig, List<double[]>> base = new LinkedHashMap<>();
    for (CombinedConfig c : GRID) {
      base.computeIfAbsent(c.base(), b -> corpus.parallelStream()
          .map(s -> MultiScaleDetector.of(b).scoreAll(s.values())).collect(Collectors.toList()));
    }
    for (String v : Arrays.copyOfRange(args, 2, args.length)) {
      String[] q = v.split(":");
      switch (q[0]) {
        case "baseline":
          report(v, combine(base, raw), def);
          break;
        case "rise": {
          int r = Integer.parseInt(q[1]);
          double k = Double.parseDouble(q[2]);
          report(v, map(combine(base, raw), x -> rise(x, r, k)), def);
          break;
        }
        case "shared": {
          report(v, shared(combine(base, raw)), def);
          break;
        }
        case "agg": {
          int mode = q[1].equals("sum2") ? 1 : 2;
          Map<MultiScaleConfig, List<double[]>> b = new LinkedHashMap<>();
          base.keySet().forEach(mc -> b.put(mc, corpus.parallelStream()
              .map(s -> multiScale(mc, s.values(), null, mode)).collect(Collectors.toList())));
          report(v, combine(b, raw), def);
          break;
        }
        case "quantz": {
          int w = Integer.parseInt(q[1]);
          double z = Double.parseDouble(q[2]);
          List<double[]> rz = corpus.parallelStream().map(s -> zQuantised(s.values(), w, z, ctx))
              .collect(Collectors.toList());
          report(v, combine(base, rz), def);
          break;
        }
        case "ensemble":
          report(v, List.of(ensemble(base, raw, q[1].equals("max"))), 0);
          break;
        case "novelty": {
          int d = Integer.parseInt(q[1]);
          int l = Integer.parseInt(q[2]);
          List<double[]> nov = corpus.parallelStream().map(s -> novelty(s.values(), d, l))
              .collect(Collectors.toList());
          Map<MultiScaleConfig, List<double[]>> b = new LinkedHashMap<>();
          base.keySet().forEach(mc -> b.put(mc, IntStream.range(0, corpus.size()).parallel()
              .mapToObj(f -> multiScale(mc, corpus.get(f).values(), nov.get(f), 0)).collect(Collectors.toList())));
          report(v, combine(b, raw), def);
          break;
        }
        case "hush": {
          double level = Double.parseDouble(q[1]);
          int m = Integer.parseInt(q[2]);
          report(v, map(shared(combine(base, raw)), x -> hush(x, level, m)), def);
          break;
        }
        case "peak": {
          int d = Integer.parseInt(q[1]);
          report(v, map(shared(combine(base, raw)), x -> peak(x, d)), def);
          break;
        }
        case "calib": {
          List<CombinedConfig> saved = GRID;
          int[] cals = Arrays.stream(q[1].split(",")).mapToInt(Integer::parseInt).toArray();
          int[] refs = q.length > 2 ? Arrays.stream(q[2].split(",")).mapToInt(Integer::parseInt).toArray()
              : new int[] {200, 400};
          List<CombinedConfig> g = new ArrayList<>();
          for (int cal : cals) {
            for (int ref : refs) {
              for (int slow : new int[] {0, 96}) {
                for (int sw : new int[] {1, 3}) {
                  RobustDetectorConfig d = RobustDetectorConfig.defaults();
                  RobustDetectorConfig fast = new RobustDetectorConfig(d.baselineWindow(), d.recentWindow(),
                      d.warmup(), d.minScaleFraction(), d.spikeWeight(), d.diffWeight(), d.levelWeight(),
                      d.spreadWeight(), d.seasonWeight(), d.discordWeight(), d.discordLength(), d.discordMaxLag(),
                      cal, d.calibrationFloor(), ref, d.damping());
                  MultiScaleConfig mc = new MultiScaleConfig(fast, 2 * d.baselineWindow(), slow, sw);
                  g.add(new CombinedConfig(mc, saved.get(0).context(), 0.7, 5, 1000));
                }
              }
            }
          }
          GRID = g;
          Map<MultiScaleConfig, List<double[]>> b = new LinkedHashMap<>(base);
          for (CombinedConfig c : GRID) {
            b.computeIfAbsent(c.base(), mc -> corpus.parallelStream()
                .map(s -> MultiScaleDetector.of(mc).scoreAll(s.values())).collect(Collectors.toList()));
          }
          report(v, map(shared(combine(b, raw)), x -> peak(x, 1)), 3);
          GRID = saved;
          break;
        }
        case "mslik": {
          // third part: anomaly likelihood of the multi-scale score before its refractory
          double w = Double.parseDouble(q[1]);
          Map<MultiScaleConfig, List<double[]>> rawMs = new LinkedHashMap<>();
          base.keySet().forEach(mc -> rawMs.put(mc, corpus.parallelStream()
              .map(s -> multiScale(mc, s.values(), null, 3)).collect(Collectors.toList())));
          List<List<double[]>> comb = combine(base, raw);
          for (int c = 0; c < GRID.size(); c++) {
            for (int f = 0; f < corpus.size(); f++) {
              double[] r = rawMs.get(GRID.get(c).base()).get(f);
              double[] o = comb.get(c).get(f);
              AnomalyLikelihood lh = new AnomalyLikelihood(5, 1000);
              RestSilence rs = new RestSilence(0.5, 150, 150);
              double[] n = new double[o.length];
              for (int i = 0; i < o.length; i++) {
                n[i] = Math.max(o[i], w * rs.apply(lh.apply(r[i])));
              }
              comb.get(c).set(f, n);
            }
          }
          report(v, map(shared(comb), x -> peak(x, 1)), def);
          break;
        }
        case "peakctx": {
          report(v, map(shared(combine(base, raw)), x -> peak(x, 1)), def);
          break;
        }
        case "cold": {
          coldStart = Integer.parseInt(q[1]);
          logRatio = q.length > 2 && q[2].equals("log");
          restartSeason = q.length > 2 && q[2].equals("restart");
          Map<MultiScaleConfig, List<double[]>> b = new LinkedHashMap<>();
          base.keySet().forEach(mc -> b.put(mc, corpus.parallelStream()
              .map(s -> multiScale(mc, s.values(), null, 0)).collect(Collectors.toList())));
          coldStart = 0;
          logRatio = false;
          restartSeason = false;
          report(v, map(shared(combine(b, raw)), x -> peak(x, 1)), def);
          break;
        }
        case "actual": {
          // the shipped detector itself: every grid setting run as CombinedDetector sessions
          List<List<double[]>> out = new ArrayList<>();
          for (CombinedConfig c : GRID) {
            out.add(corpus.parallelStream().map(s -> CombinedDetector.of(c).scoreAll(s.values()))
                .collect(Collectors.toList()));
          }
          report(v, out, def);
          break;
        }
        case "hushgrid": {
          // the grid times a silence axis: none, or after a reported score of at least L (each L given)
          // the next M samples report 0; the fold chooses the silence with the setting and threshold
          double[] levels = Arrays.stream(q[1].split(",")).mapToDouble(Double::parseDouble).toArray();
          int m = Integer.parseInt(q[2]);
          List<List<double[]>> shipped = map(shared(combine(base, raw)), x -> peak(x, 1));
          List<List<double[]>> all = new ArrayList<>(shipped);
          for (double level : levels) {
            all.addAll(map(shipped, x -> hush(x, level, m)));
          }
          report(v, all, def);
          break;
        }
        default:
          throw new IllegalArgumentException("unknown variant '" + v + "'");
      }
    }
  }

  /** The grid's combined scores from per-setting multi-scale scores and the contextual raw scores. */
  private static List<List<double[]>> combine(Map<MultiScaleConfig, List<double[]>> base, List<double[]> raw) {
    List<List<double[]>> out = new ArrayList<>();
    for (CombinedConfig c : GRID) {
      List<double[]> files = new ArrayList<>();
      for (int f = 0; f < corpus.size(); f++) {
        double[] b = base.get(c.base()).get(f);
        double[] r = raw.get(f);
        double[] s = new double[r.length];
        DoubleUnaryOperator part = CombinedDetector.contextPart(c);
        for (int i = 0; i < s.length; i++) {
          s[i] = CombinedDetector.combine(b[i], part.applyAsDouble(r[i]), c.contextWeight());
        }
        files.add(s);
      }
      out.add(files);
    }
    return out;
  }

  /** The combined scores with each setting's refractory applied once more (the shipped detector). */
  private static List<List<double[]>> shared(List<List<double[]>> comb) {
    List<List<double[]>> out = new ArrayList<>();
    for (int c = 0; c < GRID.size(); c++) {
      RobustDetectorConfig fast = GRID.get(c).base().fast();
      out.add(comb.get(c).stream().map(x -> {
        Refractory r = new Refractory(fast.refractory(), fast.damping());
        double[] o = new double[x.length];
        for (int i = 0; i < x.length; i++) {
          o[i] = r.apply(x[i]);
        }
        return o;
      }).collect(Collectors.toList()));
    }
    return out;
  }

  /** After a reported score of at least {@code level}, the next {@code m} samples report 0. */
  private static double[] hush(double[] x, double level, int m) {
    double[] o = new double[x.length];
    int quiet = 0;
    for (int i = 0; i < x.length; i++) {
      if (quiet > 0) {
        quiet--;
        continue;
      }
      o[i] = x[i];
      if (x[i] >= level) {
        quiet = m;
      }
    }
    return o;
  }

  /**
   * Each score is reported {@code d} samples late, and only when none of those {@code d} samples scored
   * higher: a rising run of scores raises one alarm, at its top, instead of one per sample.
   */
  private static double[] peak(double[] x, int d) {
    double[] o = new double[x.length];
    for (int t = d; t < x.length; t++) {
      double s = x[t - d];
      boolean top = s > 0;
      for (int k = t - d + 1; k <= t && top; k++) {
        top = x[k] <= s;
      }
      o[t] = top ? s : 0;
    }
    return o;
  }

  private static List<List<double[]>> map(List<List<double[]>> in, UnaryOperator<double[]> f) {
    return in.stream().map(l -> l.stream().map(f).collect(Collectors.toList())).collect(Collectors.toList());
  }

  private static double[] rise(double[] x, int r, double k) {
    double[] o = new double[x.length];
    double peak = 0;
    int age = Integer.MAX_VALUE / 2;
    for (int i = 0; i < x.length; i++) {
      age++;
      if (age > r) {
        peak = 0;
      }
      if (x[i] > 0 && x[i] > peak && x[i] >= k * peak) {
        o[i] = x[i];
        peak = x[i];
        age = 0;
      }
    }
    return o;
  }

  /** The multi-scale session's loop, with an optional extra surprise and a choice of how to join them. */
  private static double[] multiScale(MultiScaleConfig mc, double[] x, double[] extra, int join) {
    List<RobustDetectorConfig> sets = mc.sets();
    RobustDetectorConfig c = sets.get(0);
    int n = sets.size() * RobustFeatures.COMPONENTS + (extra == null ? 0 : 1);
    RobustFeatures[] fs = new RobustFeatures[sets.size()];
    double[] w = new double[n];
    for (int j = 0; j < sets.size(); j++) {
      fs[j] = new RobustFeatures(sets.get(j), c.warmup(), restartSeason);
      System.arraycopy(sets.get(j).componentWeights(), 0, w, j * RobustFeatures.COMPONENTS,
          RobustFeatures.COMPONENTS);
    }
    if (extra != null) {
      w[n - 1] = 1;
    }
    RollingOrder[] cal = new RollingOrder[n];
    for (int k = 0; k < n; k++) {
      cal[k] = new RollingOrder(c.calibrationWindow());
    }
    int sw = mc.shortWindow();
    double[][] recent = new double[n][sw];
    Refractory refractory = new Refractory(c.refractory(), c.damping());
    double[] out = new double[x.length];
    double[] all = new double[n];
    double[] v = new double[n];
    boolean[] started = new boolean[n];
    int head = 0;
    int filled = 0;
    for (int t = 0; t < x.length; t++) {
      if (filled < sw) {
        filled++;
      }
      for (int j = 0; j < fs.length; j++) {
        System.arraycopy(fs[j].update(x[t]), 0, all, j * RobustFeatures.COMPONENTS, RobustFeatures.COMPONENTS);
        if (fs[j].takeSeasonRestart()) {
          int k = j * RobustFeatures.COMPONENTS + 4;
          started[k] = false;
          cal[k] = new RollingOrder(c.calibrationWindow());
          Arrays.fill(recent[k], 0.0);
        }
      }
      if (extra != null) {
        all[n - 1] = extra[t];
      }
      int cnt = 0;
      for (int k = 0; k < n; k++) {
        if (w[k] <= 0) {
          continue;
        }
        if (coldStart > 0 && !started[k]) {
          started[k] = all[k] != 0;
          if (!started[k]) {
            continue;
          }
        }
        recent[k][head] = all[k];
        double m = 0;
        for (double e : recent[k]) {
          m += e;
        }
        m /= sw == 1 ? 1 : filled;
        if (t + 1 > c.warmup() && cal[k].size() >= Math.max(RobustFeatures.MIN_BASELINE, coldStart)) {
          double floor = extra != null && k == n - 1 ? 1e-9 : c.calibrationFloor();
          v[cnt++] = logRatio ? w[k] * Math.log1p(m) / Math.log1p(Math.max(cal[k].quantile(1.0), floor))
              : w[k] * m / Math.max(cal[k].quantile(1.0), floor);
        }
        cal[k].add(m);
      }
      head = (head + 1) % sw;
      double r = 0;
      if (cnt > 0) {
        Arrays.sort(v, 0, cnt);
        if (join == 1) {
          double s = 0;
          for (int i = 0; i < cnt; i++) {
            s += v[i] * v[i];
          }
          r = Math.sqrt(s);
        } else if (join == 3) {
          r = v[cnt - 1];
          out[t] = r / (1 + r);
          continue;
        } else if (join == 2) {
          r = v[cnt - 1] + 0.5 * (cnt > 1 ? v[cnt - 2] : 0);
        } else {
          r = v[cnt - 1];
        }
      }
      out[t] = refractory.apply(r / (1 + r));
    }
    return out;
  }

  /** Contextual raw scores with each value quantised by its robust z against the last {@code w} values. */
  private static double[] zQuantised(double[] x, int w, double zMax, ContextualConfig c) {
    int levels = 1 << c.valueBits();
    int[] facts = new int[c.valueBits()];
    ContextMemory memory = new ContextMemory(c.maxLeftFacts(), c.maxActive(), 2 * c.valueBits());
    RollingOrder past = new RollingOrder(w);
    double[] out = new double[x.length];
    for (int t = 0; t < x.length; t++) {
      past.add(x[t]);
      double z = (x[t] - past.median()) / past.scale(1e-9);
      int level = (int) Math.max(0, Math.min(levels - 1, Math.floor((z + zMax) / (2 * zMax) * levels)));
      for (int b = 0; b < facts.length; b++) {
        facts[b] = 2 * b + ((level >> b) & 1);
      }
      ContextMemory.Step s = memory.step(facts);
      out[t] = (1.0 - s.confirmed() + s.novel()) / 2.0;
    }
    return out;
  }

  /** The 16 settings' multi-scale scores joined per sample (no setting chosen), with the contextual part. */
  private static List<double[]> ensemble(Map<MultiScaleConfig, List<double[]>> base, List<double[]> raw,
      boolean max) {
    CombinedConfig c0 = GRID.get(0);
    List<double[]> out = new ArrayList<>();
    for (int f = 0; f < corpus.size(); f++) {
      double[] r = raw.get(f);
      double[] o = new double[r.length];
      DoubleUnaryOperator part = CombinedDetector.contextPart(c0);
      for (int i = 0; i < o.length; i++) {
        double s = 0;
        for (List<double[]> b : base.values()) {
          s = max ? Math.max(s, b.get(f)[i]) : s + b.get(f)[i] / base.size();
        }
        o[i] = CombinedDetector.combine(s, part.applyAsDouble(r[i]), c0.contextWeight());
      }
      out.add(o);
    }
    return out;
  }

  /**
   * Long-memory novelty: every {@code d} samples, the block's extreme (the one farther from a running
   * mean of block means); the last {@code l} extremes over the range seen so far form a vector, scored
   * by its distance to the nearest earlier vector that does not overlap it. Causal.
   */
  private static double[] novelty(double[] x, int d, int l) {
    int blocks = x.length / d;
    double[] out = new double[x.length];
    double[] ext = new double[blocks];
    List<double[]> past = new ArrayList<>();
    double runMean = Double.NaN;
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < blocks; k++) {
      double mean = 0;
      double mx = Double.NEGATIVE_INFINITY;
      double mn = Double.POSITIVE_INFINITY;
      for (int i = k * d; i < (k + 1) * d; i++) {
        mean += x[i];
        mx = Math.max(mx, x[i]);
        mn = Math.min(mn, x[i]);
      }
      lo = Math.min(lo, mn);
      hi = Math.max(hi, mx);
      mean /= d;
      runMean = Double.isNaN(runMean) ? mean : (runMean + mean) / 2;
      ext[k] = Math.abs(mx - runMean) >= Math.abs(mn - runMean) ? mx : mn;
      if (k + 1 < l) {
        continue;
      }
      double span = hi > lo ? hi - lo : 1;
      double[] vec = new double[l];
      for (int j = 0; j < l; j++) {
        vec[j] = ext[k - l + 1 + j] / span;
      }
      double best = Double.POSITIVE_INFINITY;
      for (int p = 0; p + l < past.size(); p++) {
        double[] u = past.get(p);
        double dist = 0;
        for (int j = 0; j < l && dist < best; j++) {
          dist += (vec[j] - u[j]) * (vec[j] - u[j]);
        }
        best = Math.min(best, dist);
      }
      past.add(vec);
      out[(k + 1) * d - 1] = Double.isInfinite(best) ? 0 : Math.sqrt(best / l);
    }
    return out;
  }

  private static void report(String name, List<List<double[]>> scores, int shipped) {
    List<Record> settings = new ArrayList<>();
    for (int c = 0; c < scores.size(); c++) {
      settings.add(GRID.get(c % GRID.size()));
    }
    List<CategoryCrossValidation.ProfileCv> cv = CategoryCrossValidation.select(corpus, scores, settings, PROFILES);
    double perfectWindows = corpus.stream().mapToInt(NabScorer::scoredWindows).sum();
    StringBuilder in = new StringBuilder();
    for (NabProfile p : PROFILES) {
      ThresholdChoice t = NabScorer.optimiseThreshold(corpus, scores.get(shipped), p);
      in.append(String.format(" %.2f", NabScorer.normalise(t.score(), NabBenchmark.nullScore(corpus, p),
          p.tpWeight() * perfectWindows)));
    }
    StringBuilder folds = new StringBuilder();
    for (CategoryCrossValidation.Fold f : cv.get(0).folds()) {
      folds.append(String.format(" %s:%d/%.1f", f.heldOut(), f.candidate(), f.heldOutNormalised()));
    }
    System.out.printf("%-18s cv %.2f %.2f %.2f | in-sample%s |%s%n", name, cv.get(0).normalisedScore(),
        cv.get(1).normalisedScore(), cv.get(2).normalisedScore(), in, folds);
  }
}
