package io.florets.datasets.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.florets.datasets.Series;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Reads the real UCR/UEA files and checks the published shapes, then the check that cannot be
 * faked: 1-NN Euclidean test error on what the readers return equals the UCR archive's figures.
 */
class UcrRealDataTest {

  @Test
  void gunPointHasThePublishedShape() throws IOException {
    SeriesFile train = SeriesFiles.read(SharedData.require("ucr/GunPoint/GunPoint_TRAIN.ts"));
    SeriesFile test = SeriesFiles.read(SharedData.require("ucr/GunPoint/GunPoint_TEST.ts"));
    assertEquals(50, train.size());
    assertEquals(150, test.size());
    DatasetSummary s = DatasetSummary.of(train);
    assertEquals(150, s.minLength());
    assertEquals(150, s.maxLength());
    assertEquals(Map.of("1", 24L, "2", 26L), s.classes());
    assertEquals(SeriesFormat.TS, train.format());
  }

  @Test
  void basicMotionsHasSixChannelsLength100FourClasses() throws IOException {
    for (String f : List.of("ucr/BasicMotions/BasicMotions_TRAIN.ts", "ucr/BasicMotions/BasicMotions_TRAIN.arff")) {
      SeriesFile file = SeriesFiles.read(SharedData.require(f));
      DatasetSummary s = DatasetSummary.of(file);
      assertEquals(40, s.series(), f);
      assertEquals(6, s.minChannels(), f);
      assertEquals(6, s.maxChannels(), f);
      assertEquals(100, s.minLength(), f);
      assertEquals(100, s.maxLength(), f);
      assertEquals(4, s.classes().size(), f);
    }
  }

  @Test
  void allLayoutsOfTheSameDataReadToTheSameValues() throws IOException {
    List<Series> ts = SeriesFiles.read(SharedData.require("ucr/GunPoint/GunPoint_TRAIN.ts")).series();
    List<Series> arff = SeriesFiles.read(SharedData.require("ucr/GunPoint/GunPoint_TRAIN.arff")).series();
    List<Series> tsv = SeriesFiles.read(SharedData.require("ucr/GunPoint/GunPoint_TRAIN.tsv")).series();
    sameValuesAndLabels(ts, arff);
    sameValuesAndLabels(ts, tsv);
    List<Series> bts = SeriesFiles.read(SharedData.require("ucr/BasicMotions/BasicMotions_TEST.ts")).series();
    List<Series> barff = SeriesFiles.read(SharedData.require("ucr/BasicMotions/BasicMotions_TEST.arff")).series();
    sameValuesAndLabels(bts, barff);
    List<Series> cts = SeriesFiles.read(SharedData.require("ucr/Chinatown/Chinatown_TEST.ts")).series();
    List<Series> ctxt = SeriesFiles.read(SharedData.require("ucr/Chinatown/Chinatown_TEST.txt")).series();
    sameValuesAndLabels(cts, ctxt);
  }

  private static void sameValuesAndLabels(List<Series> a, List<Series> b) {
    assertEquals(a.size(), b.size());
    for (int i = 0; i < a.size(); i++) {
      assertEquals(a.get(i).classLabel(), b.get(i).classLabel(), "label of series " + i);
      for (int c = 0; c < a.get(i).channels(); c++) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(a.get(i).channel(c), b.get(i).channel(c),
            "series " + i + " channel " + c);
      }
    }
  }

  @Test
  void oneNearestNeighbourErrorMatchesPublishedFigures() throws IOException {
    Map<String, Double> published = new TreeMap<>(Map.of(
        "GunPoint", 0.0867, "ItalyPowerDemand", 0.0447, "ArrowHead", 0.2000));
    for (Map.Entry<String, Double> e : published.entrySet()) {
      String n = e.getKey();
      double err = oneNnError(
          SeriesFiles.read(SharedData.require("ucr/" + n + "/" + n + "_TRAIN.ts")).series(),
          SeriesFiles.read(SharedData.require("ucr/" + n + "/" + n + "_TEST.ts")).series(), false);
      assertEquals(e.getValue(), round4(err), n + " 1-NN error " + err);
    }
    double china = oneNnError(
        SeriesFiles.read(SharedData.require("ucr/Chinatown/Chinatown_TRAIN.ts")).series(),
        SeriesFiles.read(SharedData.require("ucr/Chinatown/Chinatown_TEST.ts")).series(), true);
    assertEquals(0.0466, round4(china), "Chinatown 1-NN error (z-normalised) " + china);
  }

  private static double round4(double x) {
    return Math.round(x * 1e4) / 1e4;
  }

  /** Test error of 1-NN with Euclidean distance; ties go to the first training series. */
  static double oneNnError(List<Series> train, List<Series> test, boolean znorm) {
    double[][] tr = new double[train.size()][];
    for (int i = 0; i < tr.length; i++) {
      tr[i] = vector(train.get(i), znorm);
    }
    int wrong = 0;
    for (Series q : test) {
      double[] x = vector(q, znorm);
      double best = Double.POSITIVE_INFINITY;
      int arg = -1;
      for (int i = 0; i < tr.length; i++) {
        double d = 0;
        for (int t = 0; t < x.length && d < best; t++) {
          double diff = x[t] - tr[i][t];
          d += diff * diff;
        }
        if (d < best) {
          best = d;
          arg = i;
        }
      }
      if (!train.get(arg).classLabel().equals(q.classLabel())) {
        wrong++;
      }
    }
    return (double) wrong / test.size();
  }

  private static double[] vector(Series s, boolean znorm) {
    float[] v = s.channel(0);
    double[] out = new double[v.length];
    double mean = 0;
    for (float f : v) {
      mean += f;
    }
    mean /= v.length;
    double var = 0;
    for (float f : v) {
      var += (f - mean) * (f - mean);
    }
    double sd = Math.sqrt(var / v.length);
    for (int i = 0; i < v.length; i++) {
      out[i] = znorm ? (v[i] - mean) / (sd > 0 ? sd : 1) : v[i];
    }
    return out;
  }
}
