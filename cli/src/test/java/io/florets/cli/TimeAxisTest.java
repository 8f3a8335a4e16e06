package io.florets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link TimeAxis}: positions as times or sample numbers, ticks at round times. */
class TimeAxisTest {
  private static long[] hourly(String start, int n) {
    long t0 = LocalDateTime.parse(start).toInstant(ZoneOffset.UTC).toEpochMilli();
    long[] t = new long[n];
    for (int i = 0; i < n; i++) {
      t[i] = t0 + i * 3_600_000L;
    }
    return t;
  }

  @Test
  void namesPositionsByTheFilesClockTime() {
    long[] t = hourly("2013-12-15T07:00:00", 600);
    TimeAxis a = TimeAxis.of(t, 100, 256);
    assertEquals("19 Dec 2013 11:00", a.at(0));
    assertEquals("19 Dec 2013 11:00 to 15:00", a.span(0, 4));
    assertEquals("at 19 Dec 2013 12:00", a.span(1, 1.2));
    assertEquals("19 Dec 2013 11:00 to 20 Dec 2013 11:00", a.span(0, 24));
  }

  @Test
  void ticksFallOnMidnightsForAWindowOfDays() {
    TimeAxis a = TimeAxis.of(hourly("2013-12-15T07:00:00", 256), 0, 256);
    List<TimeAxis.Tick> ticks = a.ticks(12);
    assertEquals("16 Dec", ticks.get(0).label());
    assertEquals(17, ticks.get(0).position(), 1e-9, "07:00 + 17 h = midnight");
    for (int i = 1; i < ticks.size(); i++) {
      assertEquals(24, ticks.get(i).position() - ticks.get(i - 1).position(), 1e-9);
    }
  }

  @Test
  void ticksNameMonthsForAYear() {
    TimeAxis a = TimeAxis.of(hourly("2013-07-04T00:00:00", 7267), 0, 7267);
    List<String> labels = a.ticks(10).stream().map(TimeAxis.Tick::label).toList();
    assertTrue(labels.contains("Aug 2013") && labels.contains("Jan 2014"), labels.toString());
    assertTrue(labels.size() >= 5 && labels.size() <= 14, labels.toString());
  }

  @Test
  void withoutTimestampsPositionsAreSampleNumbers() {
    TimeAxis a = TimeAxis.of(null, 1000, 256);
    assertEquals("sample 1,010", a.at(10));
    assertEquals("samples 1,000 to 1,255", a.span(0, 255));
    List<TimeAxis.Tick> ticks = a.ticks(5);
    assertEquals("1,000", ticks.get(0).label());
    assertEquals(0, ticks.get(0).position(), 1e-9);
  }

  @Test
  void aStretchPastTheTimestampsIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TimeAxis.of(new long[10], 5, 6));
    assertTrue(e.getMessage().contains("5..10") && e.getMessage().contains("10 timestamps"),
        e.getMessage());
  }
}
