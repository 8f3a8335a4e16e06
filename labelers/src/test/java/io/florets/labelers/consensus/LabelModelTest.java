package io.florets.labelers.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The label model recovers the accuracies of simulated sources and beats majority vote. */
class LabelModelTest {

  @Test
  void recoversAccuraciesOfSimulatedVotes() {
    double[] acc = {0.9, 0.75, 0.6, 0.55};
    int classes = 3;
    Random r = new Random(3);
    List<int[]> votes = new ArrayList<>();
    int[] truth = new int[4000];
    for (int i = 0; i < truth.length; i++) {
      truth[i] = r.nextInt(classes);
      int[] v = new int[acc.length];
      for (int j = 0; j < acc.length; j++) {
        if (r.nextDouble() < 0.1) {
          v[j] = LabelModel.ABSTAIN;
        } else if (r.nextDouble() < acc[j]) {
          v[j] = truth[i];
        } else {
          v[j] = (truth[i] + 1 + r.nextInt(classes - 1)) % classes;
        }
      }
      votes.add(v);
    }
    LabelModel m = LabelModel.fit(votes, classes, acc.length, 50, 1);
    for (int j = 0; j < acc.length; j++) {
      assertEquals(acc[j], m.accuracy(j), 0.04, "source " + j);
    }
    int modelRight = 0;
    int majorityRight = 0;
    for (int i = 0; i < truth.length; i++) {
      double[] p = m.posterior(votes.get(i));
      int best = 0;
      for (int k = 1; k < classes; k++) {
        best = p[k] > p[best] ? k : best;
      }
      modelRight += best == truth[i] ? 1 : 0;
      int[] count = new int[classes];
      for (int v : votes.get(i)) {
        if (v >= 0) {
          count[v]++;
        }
      }
      int maj = 0;
      for (int k = 1; k < classes; k++) {
        maj = count[k] > count[maj] ? k : maj;
      }
      majorityRight += maj == truth[i] ? 1 : 0;
    }
    assertTrue(modelRight > majorityRight, modelRight + " vs majority " + majorityRight);
  }

  @Test
  void rejectsVotesOutsideTheClasses() {
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> LabelModel.fit(List.of(new int[] {0, 5}), 3, 2, 5, 1));
  }

  @Test
  void measuredReliabilitiesDecideWhereTwoSourcesDisagree() {
    // source 0 is right 90% of the time, source 1 only 60%; with two sources the votes alone cannot
    // tell which is right when they disagree, the measured counts can
    java.util.Random rnd = new java.util.Random(3);
    List<int[]> votes = new java.util.ArrayList<>();
    int[] truth = new int[4000];
    for (int i = 0; i < truth.length; i++) {
      truth[i] = rnd.nextInt(2);
      int a = rnd.nextDouble() < 0.9 ? truth[i] : 1 - truth[i];
      int b = rnd.nextDouble() < 0.6 ? truth[i] : 1 - truth[i];
      votes.add(new int[] {a, b});
    }
    double[][][] counts = {{{90, 10}, {10, 90}}, {{60, 40}, {40, 60}}};
    LabelModel informed = LabelModel.fit(votes, 2, 2, 30, 1, counts, new double[] {100, 100});
    assertEquals(0, argmax(informed.posterior(new int[] {0, 1})));
    assertEquals(1, argmax(informed.posterior(new int[] {1, 0})));
    assertTrue(informed.accuracy(0) > informed.accuracy(1) + 0.2,
        informed.accuracy(0) + " vs " + informed.accuracy(1));
    int right = 0;
    for (int i = 0; i < truth.length; i++) {
      right += argmax(informed.posterior(votes.get(i))) == truth[i] ? 1 : 0;
    }
    assertTrue(right > 0.88 * truth.length, right + " of " + truth.length);
    assertThrows(IllegalArgumentException.class,
        () -> LabelModel.fit(votes, 2, 2, 30, 1, new double[1][2][2], null));
  }

  private static int argmax(double[] p) {
    int b = 0;
    for (int k = 1; k < p.length; k++) {
      if (p[k] > p[b]) {
        b = k;
      }
    }
    return b;
  }
}
