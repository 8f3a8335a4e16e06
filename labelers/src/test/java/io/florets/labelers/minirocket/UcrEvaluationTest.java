package io.florets.labelers.minirocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.Series;
import io.florets.datasets.io.SeriesFiles;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class UcrEvaluationTest {

  private static double oneNn(String name, boolean znorm) throws IOException {
    List<Series> train = SeriesFiles.read(MiniRocketClassifierTest.ucr(name, "TRAIN")).series();
    List<Series> test = SeriesFiles.read(MiniRocketClassifierTest.ucr(name, "TEST")).series();
    String[] pred = NearestNeighbour.predict(UcrEvaluation.values(train, "train"),
        UcrEvaluation.labels(train, "train"), UcrEvaluation.values(test, "test"), znorm);
    return Math.round(NearestNeighbour.accuracy(pred, UcrEvaluation.labels(test, "test")) * 1e4) / 1e4;
  }

  @Test
  void oneNearestNeighbourMatchesPublishedAccuracies() throws IOException {
    assertEquals(0.9133, oneNn("GunPoint", false));
    assertEquals(0.9553, oneNn("ItalyPowerDemand", false));
    assertEquals(0.8000, oneNn("ArrowHead", false));
    assertEquals(0.9534, oneNn("Chinatown", true), "Chinatown's published figure is on z-normalised series");
  }

  @Test
  void evaluationReportsAccuraciesAndTimes() throws IOException {
    List<Series> train = SeriesFiles.read(MiniRocketClassifierTest.ucr("Chinatown", "TRAIN")).series();
    List<Series> test = SeriesFiles.read(MiniRocketClassifierTest.ucr("Chinatown", "TEST")).series();
    UcrEvaluation.Result r = UcrEvaluation.evaluate(train, test, MiniRocketConfig.defaults(0), 2);
    assertEquals(20, r.trainSize());
    assertEquals(343, r.testSize());
    assertEquals(24, r.length());
    assertTrue(r.miniRocket() >= 0.95, "Chinatown MiniRocket accuracy " + r.miniRocket());
    assertTrue(r.coldFitSeconds() > 0 && r.warmPredictSeconds() > 0);
    assertEquals(2, r.runs());
  }

  @Test
  void unlabelledSeriesAreRejectedByName() {
    List<Series> s = List.of(Series.of("s-1", new float[] {1, 2, 3}));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> UcrEvaluation.labels(s, "training"));
    assertTrue(e.getMessage().contains("s-1"), e.getMessage());
  }
}
