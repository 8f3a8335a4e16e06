import io.florets.datasets.Series;
import io.florets.datasets.io.SeriesFiles;
import io.florets.labelers.minirocket.MiniRocketClassifier;
import io.florets.labelers.minirocket.MiniRocketConfig;
import io.florets.labelers.minirocket.RidgeClassifierCV;
import io.florets.labelers.minirocket.UcrEvaluation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The seventh study of data-engine/RECIPES.md: which whole-window convolution transform a class
 * readout (a ridge classifier with leave-one-out alpha) should read, chosen by cross-validation on
 * training files only (stratified 3-fold, 4 repeats). Run from the project root after
 * {@code mvn -q -ntp install -DskipTests} and
 * {@code mvn -q -ntp dependency:build-classpath -pl cli -Dmdep.outputFile=/tmp/cp.txt}:
 *
 * <pre>
 * java -cp "$(cat /tmp/cp.txt)" data-engine/studies/ReadoutCv.java "VARIANT;VARIANT..." TRAIN_FILE...
 * </pre>
 *
 * <p>Variants: {@code minirocket} (the labelers' MiniRocket classifier, for reference);
 * {@code fixed/DILATIONS/THRESHOLDS/SCALE} (thresholds fixed in the scaled units, e.g.
 * {@code fixed/1,2,4,8,16/-0.5,0,0.5/asinh}); {@code fitted/SCALE/FEATURES[/alt]} (thresholds
 * fitted as quantiles of a random training window's kernel output, dilations 1, 2, 4, ... up to
 * (length - 1) / 8, about FEATURES / 84 thresholds per kernel; {@code alt}: every other kernel
 * counts only the samples where it lies inside the window, the same kernels at every dilation;
 * {@code alt2}: the same, alternating with the dilation too, as MiniRocket's padding). SCALE is {@code raw}, {@code z}
 * (z-normalised per series) or {@code asinh} (asinh of the robust z-score, as the front end's
 * patches).
 */
public class ReadoutCv {
  static final int[][] POS = positions();

  static int[][] positions() {
    List<int[]> l = new ArrayList<>();
    for (int a = 0; a < 9; a++) {
      for (int b = a + 1; b < 9; b++) {
        for (int c = b + 1; c < 9; c++) {
          l.add(new int[] {a, b, c});
        }
      }
    }
    return l.toArray(new int[0][]);
  }

  static double[] scale(float[] x, String mode) {
    double[] sc = new double[x.length];
    if (mode.equals("raw")) {
      for (int t = 0; t < x.length; t++) {
        sc[t] = x[t];
      }
    } else if (mode.equals("z")) {
      double m = 0;
      double v = 0;
      for (float f : x) {
        m += f;
      }
      m /= x.length;
      for (float f : x) {
        v += (f - m) * (f - m);
      }
      double sd = Math.sqrt(v / x.length);
      sd = sd > 0 ? sd : 1;
      for (int t = 0; t < x.length; t++) {
        sc[t] = (x[t] - m) / sd;
      }
    } else {
      float[] srt = x.clone();
      Arrays.sort(srt);
      double med = srt[srt.length / 2];
      double[] dev = new double[x.length];
      for (int t = 0; t < x.length; t++) {
        dev[t] = Math.abs(x[t] - med);
      }
      Arrays.sort(dev);
      double mad = dev[dev.length / 2] * 1.4826;
      mad = mad > 0 ? mad : 1;
      for (int t = 0; t < x.length; t++) {
        double z = (x[t] - med) / mad;
        sc[t] = Math.log(z + Math.sqrt(z * z + 1));
      }
    }
    return sc;
  }

  static double[] conv(double[] sc, int d, int k) {
    int n = sc.length;
    double[] y = new double[n];
    int[] p = POS[k];
    for (int t = 0; t < n; t++) {
      double s = 0;
      double q = 0;
      for (int j = 0; j < 9; j++) {
        int u = t + (j - 4) * d;
        double v = u >= 0 && u < n ? sc[u] : 0;
        s += v;
        if (j == p[0] || j == p[1] || j == p[2]) {
          q += v;
        }
      }
      y[t] = q / 3 - s / 9;
    }
    return y;
  }

  /** One transform: dilations and per (dilation, kernel) thresholds. */
  record Transform(String scale, int[] dilations, float[][][] thresholds, int alt) {
    float[] features(Series s) {
      int nb = thresholds[0][0].length;
      float[] acc = new float[dilations.length * 84 * nb];
      for (int c = 0; c < s.channels(); c++) {
        double[] sc = ReadoutCv.scale(s.channel(c), scale);
        int n = sc.length;
        for (int di = 0; di < dilations.length; di++) {
          for (int k = 0; k < 84; k++) {
            double[] y = conv(sc, dilations[di], k);
            int block = alt == 2 ? di + k : di * 84 + k;
            boolean inside = alt > 0 && block % 2 == 1 && n > 8 * dilations[di];
            int lo = inside ? 4 * dilations[di] : 0;
            int hi = inside ? n - 4 * dilations[di] : n;
            int base = (di * 84 + k) * nb;
            for (int b = 0; b < nb; b++) {
              int cnt = 0;
              for (int t = lo; t < hi; t++) {
                cnt += y[t] > thresholds[di][k][b] ? 1 : 0;
              }
              acc[base + b] += (float) cnt / (hi - lo) / s.channels();
            }
          }
        }
      }
      return acc;
    }
  }

  static Transform transform(String variant, List<Series> train) {
    String[] p = variant.split("/");
    if (p[0].equals("fixed")) {
      int[] d = Arrays.stream(p[1].split(",")).mapToInt(Integer::parseInt).toArray();
      String[] th = p[2].split(",");
      float[][][] t = new float[d.length][84][th.length];
      for (float[][] a : t) {
        for (float[] b : a) {
          for (int i = 0; i < th.length; i++) {
            b[i] = Float.parseFloat(th[i]);
          }
        }
      }
      return new Transform(p[3], d, t, 0);
    }
    String mode = p[1];
    int features = Integer.parseInt(p[2]);
    int len = train.get(0).length();
    int maxD = Math.max(1, (len - 1) / 8);
    List<Integer> dl = new ArrayList<>();
    for (int d = 1; d <= maxD; d *= 2) {
      dl.add(d);
    }
    int[] d = dl.stream().mapToInt(i -> i).toArray();
    int nb = (features / 84 + d.length - 1) / d.length;
    float[][][] t = new float[d.length][84][nb];
    Random r = new Random(7);
    double phi = (Math.sqrt(5) - 1) / 2;
    int idx = 0;
    for (int di = 0; di < d.length; di++) {
      for (int k = 0; k < 84; k++) {
        Series s = train.get(r.nextInt(train.size()));
        double[] y = conv(scale(s.channel(r.nextInt(s.channels())), mode), d[di], k);
        Arrays.sort(y);
        for (int b = 0; b < nb; b++) {
          idx++;
          double q = (idx * phi) % 1.0;
          t[di][k][b] = (float) y[(int) Math.min(y.length - 1, Math.floor(q * y.length))];
        }
      }
    }
    return new Transform(mode, d, t, p.length > 3 ? (p[3].equals("alt2") ? 2 : 1) : 0);
  }

  static double accuracy(String variant, List<Series> tr, List<Series> te) {
    if (variant.equals("minirocket")) {
      MiniRocketClassifier c = MiniRocketClassifier.fit(UcrEvaluation.values(tr, "train"),
          UcrEvaluation.labels(tr, "train"), MiniRocketConfig.defaults(0).withThreads(1));
      float[][][] xt = UcrEvaluation.values(te, "test");
      int ok = 0;
      for (int i = 0; i < te.size(); i++) {
        ok += c.predict(xt[i]).label().equals(te.get(i).classLabel().get()) ? 1 : 0;
      }
      return (double) ok / te.size();
    }
    Transform f = transform(variant, tr);
    List<String> cls = new ArrayList<>(new TreeSet<>(tr.stream()
        .map(s -> s.classLabel().get()).toList()));
    float[][] x = new float[tr.size()][];
    int[] y = new int[tr.size()];
    for (int i = 0; i < tr.size(); i++) {
      x[i] = f.features(tr.get(i));
      y[i] = cls.indexOf(tr.get(i).classLabel().get());
    }
    RidgeClassifierCV r = RidgeClassifierCV.fit(x, y, cls.size(), RidgeClassifierCV.defaultAlphas());
    int ok = 0;
    for (Series s : te) {
      double[] d = r.decisionFunction(f.features(s));
      int q = 0;
      for (int k = 1; k < d.length; k++) {
        q = d[k] > d[q] ? k : q;
      }
      ok += cls.get(q).equals(s.classLabel().get()) ? 1 : 0;
    }
    return (double) ok / te.size();
  }

  public static void main(String[] a) throws Exception {
    Map<String, List<Series>> data = new LinkedHashMap<>();
    for (int i = 1; i < a.length; i++) {
      data.put(a[i], SeriesFiles.read(Path.of(a[i])).series());
    }
    for (String v : a[0].split(";")) {
      StringBuilder sb = new StringBuilder(v + ": ");
      double total = 0;
      for (Map.Entry<String, List<Series>> e : data.entrySet()) {
        List<Series> all = e.getValue();
        double sum = 0;
        int runs = 0;
        for (int rep = 0; rep < 4; rep++) {
          Random rnd = new Random(100 + rep);
          Map<String, List<Integer>> byClass = new TreeMap<>();
          for (int i = 0; i < all.size(); i++) {
            byClass.computeIfAbsent(all.get(i).classLabel().get(), k -> new ArrayList<>()).add(i);
          }
          int[] fold = new int[all.size()];
          int off = 0;
          for (List<Integer> l : byClass.values()) {
            Collections.shuffle(l, rnd);
            for (int j = 0; j < l.size(); j++) {
              fold[l.get(j)] = (j + off) % 3;
            }
            off += l.size();
          }
          for (int f = 0; f < 3; f++) {
            List<Series> tr = new ArrayList<>();
            List<Series> te = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
              (fold[i] == f ? te : tr).add(all.get(i));
            }
            sum += accuracy(v, tr, te);
            runs++;
          }
        }
        String name = Path.of(e.getKey()).getFileName().toString().replaceAll("_TRAIN\\..*", "");
        sb.append(String.format("%s %.3f  ", name, sum / runs));
        total += sum / runs;
      }
      System.out.println(sb.append(String.format("| mean %.4f", total / data.size())));
    }
  }
}
