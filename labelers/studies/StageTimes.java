import io.florets.labelers.*;
import io.florets.labelers.signal.*;
import io.florets.datasets.synthetic.*;
import io.florets.datasets.Window;
import java.util.*;
import java.util.function.*;
/**
 * Times each stage of the labelers' shared analysis and then each labeler of the default suite, on
 * one thread: 2,000 synthetic windows of 256 samples (seed 5), every cached stage forced in turn,
 * best of PASSES passes, microseconds per window (labelers/PERFORMANCE.md, third round). A sampling
 * profiler misplaced much of this time; stepwise timing does not.
 *
 * <p>Run from the project root after {@code mvn -B -q -ntp install -DskipTests}:
 * <pre>
 * mvn -q dependency:build-classpath -pl labelers -Dmdep.outputFile=/tmp/labcp.txt
 * java -cp "labelers/target/classes:$(cat /tmp/labcp.txt)" labelers/studies/StageTimes.java 20
 * </pre>
 */
public class StageTimes {
  public static void main(String[] a) {
    List<Window> ws = SyntheticGenerator.generate(SyntheticConfig.of(2000, 256, 5)).windows();
    List<Labeler> all = LabelerSuite.defaults().labelers();
    String[] names = {"analysis+channel", "noiseSigma", "median/mad", "detrended", "periodogram", "acf", "periodicity", "decomposition", "seasonAdjusted", "rollingMedian(h3)", "deseasonalized", "lines", "segmentation", "scale", "localScale", "levelAdjusted", "despiked"};
    int S = names.length, K = all.size();
    double[] best = new double[S + K]; Arrays.fill(best, 1e18);
    for (int rep = 0; rep < (a.length > 0 ? Integer.parseInt(a[0]) : 20); rep++) {
      long[] t = new long[S + K];
      for (Window w : ws) {
        long t0 = System.nanoTime();
        WindowAnalysis an = WindowAnalysis.of(w);
        ChannelSignal c = an.channel(0);
        long t1 = System.nanoTime(); t[0] += t1 - t0; t0 = t1;
        c.noiseSigma(); t1 = System.nanoTime(); t[1] += t1 - t0; t0 = t1;
        c.median(); t1 = System.nanoTime(); t[2] += t1 - t0; t0 = t1;
        c.detrended(); t1 = System.nanoTime(); t[3] += t1 - t0; t0 = t1;
        c.periodogram(); t1 = System.nanoTime(); t[4] += t1 - t0; t0 = t1;
        c.acf(); t1 = System.nanoTime(); t[5] += t1 - t0; t0 = t1;
        c.periodicity(); t1 = System.nanoTime(); t[6] += t1 - t0; t0 = t1;
        c.decomposition(); t1 = System.nanoTime(); t[7] += t1 - t0; t0 = t1;
        c.seasonAdjusted(); t1 = System.nanoTime(); t[8] += t1 - t0; t0 = t1;
        c.rollingMedian(); t1 = System.nanoTime(); t[9] += t1 - t0; t0 = t1;
        c.deseasonalized(); t1 = System.nanoTime(); t[10] += t1 - t0; t0 = t1;
        c.deseasonalizedLines(); t1 = System.nanoTime(); t[11] += t1 - t0; t0 = t1;
        c.segmentation(); t1 = System.nanoTime(); t[12] += t1 - t0; t0 = t1;
        c.scale(); t1 = System.nanoTime(); t[13] += t1 - t0; t0 = t1;
        c.localScale(); t1 = System.nanoTime(); t[14] += t1 - t0; t0 = t1;
        c.levelAdjusted(); t1 = System.nanoTime(); t[15] += t1 - t0; t0 = t1;
        c.despiked(); t1 = System.nanoTime(); t[16] += t1 - t0; t0 = t1;
        for (int k = 0; k < K; k++) {
          ((ChannelLabeler) all.get(k)).label(an);
          t1 = System.nanoTime(); t[S + k] += t1 - t0; t0 = t1;
        }
      }
      for (int i = 0; i < S + K; i++) best[i] = Math.min(best[i], t[i] / 1000.0 / ws.size());
    }
    double tot = 0;
    for (int i = 0; i < S + K; i++) { tot += best[i]; System.out.printf("%-22s %6.1f us%n", i < S ? names[i] : all.get(i - S).name(), best[i]); }
    System.out.printf("total %.1f us%n", tot);
  }
}
