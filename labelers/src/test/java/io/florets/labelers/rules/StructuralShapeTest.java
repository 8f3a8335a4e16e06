package io.florets.labelers.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The waveform of a season read from its harmonics. */
class StructuralShapeTest {

  /** The first {@code k} harmonics of a waveform of amplitude a at phase phi. */
  private static double[][] harmonics(String kind, int k, double a, double phi) {
    double[] sin = new double[k];
    double[] cos = new double[k];
    for (int h = 1; h <= k; h++) {
      double amp;
      if ("sine".equals(kind)) {
        amp = h == 1 ? a : 0;
      } else if ("square".equals(kind)) {
        amp = h % 2 == 1 ? 4 * a / (Math.PI * h) : 0;
      } else {
        amp = h % 2 == 1 ? 8 * a / (Math.PI * Math.PI) * (((h - 1) / 2) % 2 == 0 ? 1 : -1) / (h * h) : 0;
      }
      sin[h - 1] = amp * Math.cos(h * phi);
      cos[h - 1] = amp * Math.sin(h * phi);
    }
    return new double[][] {sin, cos};
  }

  @Test
  void eachWaveformIsRecognisedAtAnyPhase() {
    for (String kind : new String[] {"sine", "square", "triangle"}) {
      for (double phi : new double[] {0, 0.7, 2.1, 4.4}) {
        double[][] c = harmonics(kind, 7, 2.5, phi);
        StructuralShapeLabeler.Waveform w = StructuralShapeLabeler.waveform(c[0], c[1]);
        assertEquals(kind, w.name(), kind + " at phase " + phi);
      }
    }
  }

  @Test
  void withOnlyTheFundamentalItIsASine() {
    double[][] c = harmonics("square", 1, 1, 0.3);
    assertEquals("sine", StructuralShapeLabeler.waveform(c[0], c[1]).name());
  }

  @Test
  void badSettingsAreRefused() {
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new StructuralShapeLabeler.Config(
            io.florets.datasets.signal.StructuralFit.Config.DEFAULTS, 4, 0.5, 0.4, 3, 20));
  }
}
