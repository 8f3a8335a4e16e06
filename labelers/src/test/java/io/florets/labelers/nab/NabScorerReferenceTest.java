package io.florets.labelers.nab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the scorer (and the windowed-Gaussian baseline) against NAB's published results for the
 * files of the shared corpus.
 */
class NabScorerReferenceTest {
  private static Path nab;
  private static Map<String, NabSeries> byPath;

  @BeforeAll
  static void load() throws IOException {
    nab = NabReferenceData.nabRoot();
    byPath = new HashMap<>();
    for (NabSeries s : NabReferenceData.corpus()) {
      byPath.put(s.relativePath(), s);
    }
  }

  @Test
  void corpusHasTheSharedFilesAndWindows() {
    assertEquals(35, byPath.size());
    assertEquals(55, byPath.values().stream().mapToInt(s -> s.windows().size()).sum());
    NabSeries taxi = byPath.get("realKnownCause/nyc_taxi.csv");
    assertEquals(10320, taxi.length());
    assertEquals(750, taxi.probationaryLength());
    assertEquals(new IndexWindow(5839, 6045), taxi.windows().get(0));
  }

  @Test
  void windowedGaussianReproducesPublishedScoresAndPerRowSOnNycTaxi() throws IOException {
    NabSeries taxi = byPath.get("realKnownCause/nyc_taxi.csv");
    List<String[]> ref = NabReferenceData.csvRows(nab.resolve("results/windowedGaussian/windowedGaussian_nyc_taxi.csv"));
    assertEquals(taxi.length(), ref.size());
    double[] published = new double[ref.size()];
    for (int i = 0; i < ref.size(); i++) {
      published[i] = Double.parseDouble(ref.get(i)[2]);
      assertEquals(taxi.timestamp(i), ref.get(i)[0], "timestamp at row " + i);
      assertEquals(Integer.parseInt(ref.get(i)[3]), taxi.labels()[i], "label at row " + i);
    }
    double[] ours = WindowedGaussianDetector.nab().scoreAll(taxi.values());
    for (int i = 0; i < ours.length; i++) {
      assertEquals(published[i], ours[i], 1e-9, "windowedGaussian anomaly score at row " + i);
    }
    // columns: S(t)_reward_low_FP_rate, S(t)_reward_low_FN_rate, S(t)_standard; published threshold 1.0
    NabProfile[] profiles = {NabProfile.rewardLowFpRate(), NabProfile.rewardLowFnRate(), NabProfile.standard()};
    for (int c = 0; c < 3; c++) {
      double[] s = NabScorer.contributions(taxi, published, profiles[c], 1.0);
      double sum = 0;
      for (int i = 0; i < s.length; i++) {
        assertEquals(Double.parseDouble(ref.get(i)[4 + c]), s[i], 1e-9, profiles[c].name() + " S(t) at row " + i);
        sum += s[i];
      }
      assertEquals(NabScorer.scoreFile(taxi, published, profiles[c], 1.0).score(), sum, 1e-12);
    }
  }

  @Test
  void windowedGaussianMatchesPublishedPerFileStandardScores() throws IOException {
    // NAB scored the results files, where Python 2 wrote each anomaly score with 12 significant digits
    checkPerFile("results/windowedGaussian/windowedGaussian_standard_scores.csv",
        values -> roundTo12Digits(WindowedGaussianDetector.nab().scoreAll(values)));
  }

  @Test
  void nullDetectorMatchesPublishedPerFileStandardScores() throws IOException {
    checkPerFile("results/null/null_standard_scores.csv", values -> {
      double[] a = new double[values.length];
      Arrays.fill(a, 0.5);
      return a;
    });
  }

  private static double[] roundTo12Digits(double[] a) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = new BigDecimal(a[i]).round(new MathContext(12, RoundingMode.HALF_EVEN)).doubleValue();
    }
    return out;
  }

  private static void checkPerFile(String referenceCsv, java.util.function.Function<double[], double[]> detector)
      throws IOException {
    List<String[]> rows = NabReferenceData.csvRows(nab.resolve(referenceCsv));
    int checked = 0;
    for (String[] r : rows) {
      if (!"standard".equals(r[1])) {
        continue;
      }
      NabSeries s = byPath.get(r[2]);
      assertTrue(s != null, "published row for a file not in the corpus: " + r[2]);
      double threshold = Double.parseDouble(r[3]);
      FileScore got = NabScorer.scoreFile(s, detector.apply(s.values()), NabProfile.standard(), threshold);
      String where = referenceCsv + " " + r[2];
      assertEquals(Double.parseDouble(r[4]), got.score(), 1e-9, where + " score");
      assertEquals(Integer.parseInt(r[5]), got.tp(), where + " TP");
      assertEquals(Integer.parseInt(r[6]), got.tn(), where + " TN");
      assertEquals(Integer.parseInt(r[7]), got.fp(), where + " FP");
      assertEquals(Integer.parseInt(r[8]), got.fn(), where + " FN");
      assertEquals(Integer.parseInt(r[9]), got.total(), where + " total");
      checked++;
    }
    assertEquals(35, checked, "published rows checked in " + referenceCsv);
  }
}
