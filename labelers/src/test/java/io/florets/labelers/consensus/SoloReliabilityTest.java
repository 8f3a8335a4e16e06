package io.florets.labelers.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.Event;
import io.florets.datasets.target.EventType;
import java.util.List;
import org.junit.jupiter.api.Test;

class SoloReliabilityTest {

  private static Annotation report(String source, EventType type, int at, double confidence) {
    return new Annotation(new Event(type, at, at, -1), source, "1", confidence);
  }

  @Test
  void keepsAnUnconfirmedReportWhenItsCellWasRightAtLeastHalfTheTime() {
    SoloReliability solo = new SoloReliability();
    for (int i = 0; i < 12; i++) {
      // a confident labeler that is mostly wrong, and a hesitant one that is mostly right
      solo.add(List.of(report("loud", EventType.LEVEL_SHIFT_UP, 50, 0.95)),
          i == 0 ? List.of(new Event(EventType.LEVEL_SHIFT_UP, 51, 51, -1)) : List.of(), 2);
      solo.add(List.of(report("shy", EventType.SPIKE_RUN, 80, 0.65)),
          i < 9 ? List.of(new Event(EventType.SPIKE_RUN, 80, 80, -1)) : List.of(), 2);
    }
    assertFalse(solo.keep("loud", EventType.LEVEL_SHIFT_UP, 0.97));
    assertEquals(1 / 12.0, solo.precision("loud", EventType.LEVEL_SHIFT_UP, 0.9), 1e-12);
    assertTrue(solo.keep("shy", EventType.SPIKE_RUN, 0.61));
    assertNull(solo.keep("shy", EventType.SPIKE_RUN, 0.95), "an empty cell decides nothing");
    assertNull(solo.keep("nobody", EventType.SPIKE_UP, 0.5));
  }

  @Test
  void aConfirmedReportIsNotCountedAndTooFewReportsDecideNothing() {
    SoloReliability solo = new SoloReliability();
    for (int i = 0; i < 20; i++) {
      solo.add(List.of(report("a", EventType.SPIKE_UP, 10, 0.7), report("b", EventType.SPIKE_UP, 11, 0.7)),
          List.of(), 2);
    }
    for (int i = 0; i < SoloReliability.MIN_REPORTS - 1; i++) {
      solo.add(List.of(report("a", EventType.SPIKE_DOWN, 10, 0.7)), List.of(), 2);
    }
    assertNull(solo.keep("a", EventType.SPIKE_UP, 0.7), "confirmed reports are not solo reports");
    assertNull(solo.keep("a", EventType.SPIKE_DOWN, 0.7), "nine reports are too few");
    solo.add(List.of(report("a", EventType.SPIKE_DOWN, 10, 0.7)), List.of(), 2);
    assertFalse(solo.keep("a", EventType.SPIKE_DOWN, 0.7));
  }
}
