package io.florets.labelers.minirocket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.florets.datasets.Series;
import io.florets.datasets.io.SeriesFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

class MiniRocketClassifierTest {

  static Path ucr(String name, String split) {
    String root = System.getProperty("florets.shared.data");
    assumeTrue(root != null, "florets.shared.data not set");
    Path p = Paths.get(root, "ucr", name, name + "_" + split + ".ts");
    assumeTrue(Files.isRegularFile(p), "no shared data at " + p);
    return p;
  }

  @Test
  void gunPointAccuracyReachesThePublishedLevel() throws IOException {
    List<Series> train = SeriesFiles.read(ucr("GunPoint", "TRAIN")).series();
    List<Series> test = SeriesFiles.read(ucr("GunPoint", "TEST")).series();
    MiniRocketClassifier c = MiniRocketClassifier.fit(UcrEvaluation.values(train, "train"),
        UcrEvaluation.labels(train, "train"), MiniRocketConfig.defaults(0));
    String[] pred = c.predict(UcrEvaluation.values(test, "test"));
    double acc = NearestNeighbour.accuracy(pred, UcrEvaluation.labels(test, "test"));
    assertTrue(acc >= 0.97, "GunPoint test accuracy " + acc);
    assertArrayEquals(new String[] {"1", "2"}, c.classes());
  }

  @Test
  void confidencesAreSoftmaxOfRidgeScoresAndAgreeWithBatchPrediction() {
    float[][][] x = MiniRocketTest.randomSeries(20, 1, 60, 3);
    String[] y = new String[20];
    for (int i = 0; i < 20; i++) {
      y[i] = i % 2 == 0 ? "up" : "down";
      if (i % 2 == 0) {
        for (int t = 30; t < 60; t++) {
          x[i][0][t] += 3 * (t - 30) / 10f;
        }
      }
    }
    MiniRocketClassifier c = MiniRocketClassifier.fit(x, y, MiniRocketConfig.defaults(1));
    String[] batch = c.predict(x);
    MiniRocketClassifier.Prediction[] withConf = c.predictWithConfidence(x);
    for (int i = 0; i < x.length; i++) {
      MiniRocketClassifier.Prediction p = c.predict(x[i]);
      assertEquals(batch[i], p.label());
      assertEquals(p, withConf[i]);
      double sum = 0;
      for (double v : p.probabilities()) {
        sum += v;
      }
      assertEquals(1.0, sum, 1e-12);
      assertTrue(p.confidence() >= 0.5);
    }
    double[] soft = MiniRocketClassifier.softmax(new double[] {1.0, -1.0});
    assertEquals(Math.exp(2) / (1 + Math.exp(2)), soft[0], 1e-12);
  }
}
