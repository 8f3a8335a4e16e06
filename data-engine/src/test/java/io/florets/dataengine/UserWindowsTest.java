package io.florets.dataengine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.Series;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserWindowsTest {
  private static Series ramp(String id, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = i;
    }
    return Series.of(id, v);
  }

  @Test
  void rowLabelsGiveEachWindowItsMostFrequentNonEmptyValue() {
    List<String> rows = new ArrayList<>(Arrays.asList("a", "a", "a", "b", "b", "b", "b", "", "",
        "", "", "", "", ""));
    UserWindows w = UserWindows.ofRowLabels(ramp("s", 14), rows, 5, 5);
    // windows at 0, 5 and the shifted-back tail at 9
    assertEquals(List.of(0, 5, 9), w.windows().stream().map(x -> x.start()).toList());
    assertEquals(Arrays.asList("a", "b", null), w.labels());
    assertEquals(2, w.labelledCount());
    assertEquals(List.of("a", "b"), w.classNames());
  }

  @Test
  void tiesGoToTheValueSeenFirstAndEmptyWindowsStayUnlabelled() {
    assertEquals("a", UserWindows.majority(List.of("a", "b", "b", "a"), 0, 4));
    assertEquals("b", UserWindows.majority(List.of("a", "b", "b", ""), 0, 4));
    assertNull(UserWindows.majority(List.of("", "", "x"), 0, 2));
  }

  @Test
  void seriesClassesLabelEveryWindowOfTheSeries() {
    Series a = ramp("a", 10).toBuilder().classLabel("up").build();
    Series b = ramp("b", 7);
    UserWindows w = UserWindows.ofSeriesClasses(List.of(a, b), 5, 3);
    // a: starts 0, 3, then tail 5; b: 0, then tail 2
    assertEquals(5, w.size());
    assertEquals(Arrays.asList("up", "up", "up", null, null), w.labels());
    assertEquals(3, w.labelledCount());
    assertEquals(List.of("up"), w.classNames());
  }

  @Test
  void aSeriesShorterThanTheWindowIsRefusedByName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> UserWindows.ofSeriesClasses(List.of(ramp("long", 20), ramp("short", 6)), 8, 8));
    assertTrue(e.getMessage().contains("'short' has 6 samples"), e.getMessage());
  }
}
