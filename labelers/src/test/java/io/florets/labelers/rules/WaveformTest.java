package io.florets.labelers.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The seasonal waveform's moments with the noise of the per-phase medians taken out. */
class WaveformTest {

  @Test
  void aCleanProfileKeepsItsOwnMoments() {
    double[] square = {1, 1, 1, 1, -1, -1, -1, -1};
    DecompositionShapeLabeler.Waveform w = DecompositionShapeLabeler.waveform(square, 0, 256);
    assertEquals(1.0, w.kurtosis(), 1e-12);
    assertEquals(1.0, w.variance(), 1e-12);
  }

  @Test
  void theNoiseOfTheMediansIsTakenOutOfASquareWave() {
    // a square wave of period 16 over 256 samples: each phase is a median of 16 noisy samples
    Random rnd = new Random(7);
    int p = 16;
    int n = 256;
    double sigma = 1.0;
    double raw = 0;
    double corrected = 0;
    double variance = 0;
    int reps = 400;
    for (int r = 0; r < reps; r++) {
      double[] prof = new double[p];
      double mean = 0;
      for (int j = 0; j < p; j++) {
        double[] cyc = new double[n / p];
        for (int c = 0; c < cyc.length; c++) {
          cyc[c] = (j < p / 2 ? 1 : -1) + sigma * rnd.nextGaussian();
        }
        java.util.Arrays.sort(cyc);
        prof[j] = 0.5 * (cyc[cyc.length / 2 - 1] + cyc[cyc.length / 2]);
        mean += prof[j] / p;
      }
      for (int j = 0; j < p; j++) {
        prof[j] -= mean;
      }
      raw += DecompositionShapeLabeler.waveform(prof, Double.MIN_NORMAL, n).kurtosis() / reps;
      DecompositionShapeLabeler.Waveform w = DecompositionShapeLabeler.waveform(prof, sigma, n);
      corrected += w.kurtosis() / reps;
      variance += w.variance() / reps;
    }
    // the raw profile's kurtosis is pulled past the square/sine cut (1.25); the corrected one is not
    assertEquals(true, raw > 1.25, "raw kurtosis " + raw);
    assertEquals(1.0, corrected, 0.2);
    assertEquals(1.0, variance, 0.1);
  }
}
