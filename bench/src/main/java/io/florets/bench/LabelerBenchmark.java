package io.florets.bench;

import io.florets.datasets.Window;
import io.florets.datasets.target.Annotation;
import io.florets.labelers.LabelerSuite;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The default labeler suite on one 256-sample window (seasonal signal, trend, noise and a spike). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LabelerBenchmark {

  private LabelerSuite suite;
  private Window window;

  /** Builds the default suite and the window. */
  @Setup
  public void setUp() {
    suite = LabelerSuite.defaults();
    SplittableRandom r = new SplittableRandom(3);
    float[] x = new float[256];
    for (int t = 0; t < x.length; t++) {
      x[t] = (float) (2 * Math.sin(2 * Math.PI * t / 24) + 0.01 * t + 0.3 * r.nextGaussian());
    }
    x[100] += 9;
    window = Window.of(x);
  }

  /** Every labeler of the default suite on one window (one shared analysis). */
  @Benchmark
  public List<Annotation> defaultSuiteWindow256() {
    return suite.label(window);
  }
}
