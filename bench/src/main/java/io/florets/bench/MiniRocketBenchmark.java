package io.florets.bench;

import io.florets.labelers.minirocket.MiniRocket;
import io.florets.labelers.minirocket.MiniRocketConfig;
import io.florets.labelers.minirocket.RidgeClassifierCV;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * MiniRocket's hot paths on GunPoint-sized random walks (50 training series): the transform of one
 * series on one thread, and the ridge fit with leave-one-out choice of alpha on 50 &times; 9,996
 * features.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MiniRocketBenchmark {

  /** Series length. */
  @Param({"150"})
  public int length;

  private MiniRocket transform;
  private float[][] one;
  private float[][] features;
  private int[] labels;

  /** Fits the transform on 50 random walks and precomputes their features. */
  @Setup
  public void setUp() {
    SplittableRandom r = new SplittableRandom(7);
    float[][][] x = new float[50][1][length];
    labels = new int[50];
    for (int i = 0; i < x.length; i++) {
      double level = 0;
      labels[i] = i % 2;
      for (int t = 0; t < length; t++) {
        level += r.nextDouble(-1, 1) + (labels[i] == 1 && t > length / 2 ? 0.1 : 0);
        x[i][0][t] = (float) level;
      }
    }
    transform = MiniRocket.fit(x, MiniRocketConfig.defaults(0).withThreads(1));
    one = x[0];
    features = transform.transform(x);
  }

  /** Transform of one series (9,996 PPV features), single thread. */
  @Benchmark
  public float[] transformOneSeries() {
    return transform.transform(one);
  }

  /** Ridge fit with leave-one-out over ten alphas, 50 examples &times; 9,996 features. */
  @Benchmark
  public RidgeClassifierCV ridgeFit50() {
    return RidgeClassifierCV.fit(features, labels, 2, RidgeClassifierCV.defaultAlphas());
  }
}
