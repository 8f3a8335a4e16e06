package io.florets.cli;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Names positions of a stretch of a series for people: as clock times when the series has
 * timestamps (wall-clock times as written in the file, read as UTC), else as sample numbers. Picks
 * axis ticks at round times (hours, days, months) or round sample numbers. Immutable.
 */
final class TimeAxis {
  private static final long HOUR = 3_600_000L;
  private static final long DAY = 24 * HOUR;
  private static final long[] STEPS = {HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY,
      7 * DAY, 14 * DAY};
  private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm",
      Locale.ROOT);
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
  private static final DateTimeFormatter DAY_TICK = DateTimeFormatter.ofPattern("d MMM", Locale.ROOT);
  private static final DateTimeFormatter HOUR_TICK = DateTimeFormatter.ofPattern("d MMM HH:mm",
      Locale.ROOT);
  private static final DateTimeFormatter MONTH_TICK = DateTimeFormatter.ofPattern("MMM yyyy",
      Locale.ROOT);

  private final long[] millis;
  private final int offset;
  private final int length;

  private TimeAxis(long[] millis, int offset, int length) {
    this.millis = millis;
    this.offset = offset;
    this.length = length;
  }

  /**
   * Positions {@code 0 .. length-1} of a stretch that starts at sample {@code offset} of a series
   * with {@code timestamps} (epoch milliseconds per sample of the whole series, or {@code null}).
   *
   * @throws IllegalArgumentException if the stretch runs past the timestamps
   */
  static TimeAxis of(long[] timestamps, int offset, int length) {
    if (length < 1 || offset < 0) {
      throw new IllegalArgumentException("axis needs offset >= 0 and length >= 1, got offset "
          + offset + ", length " + length);
    }
    if (timestamps != null && offset + length > timestamps.length) {
      throw new IllegalArgumentException("samples " + offset + ".." + (offset + length - 1)
          + " run past the series' " + timestamps.length + " timestamps");
    }
    return new TimeAxis(timestamps, offset, length);
  }

  /** Positions {@code 0 .. length-1} named by sample number only. */
  static TimeAxis samples(int length) {
    return of(null, 0, length);
  }

  int length() {
    return length;
  }

  boolean hasTime() {
    return millis != null;
  }

  /** The stretch's first sample in the whole series. */
  int offset() {
    return offset;
  }

  /** The same timestamps over the sub-stretch {@code from .. from+n-1} of this stretch. */
  TimeAxis sub(int from, int n) {
    return of(millis, offset + from, n);
  }

  /**
   * A position (sample of this stretch, possibly fractional) in words: a date and time such as
   * {@code "15 Dec 2013 07:00"}, or {@code "sample 1,234"}.
   */
  String at(double position) {
    if (millis == null) {
      return String.format(Locale.ROOT, "sample %,d", Math.round(position) + offset);
    }
    return FULL.format(time(position));
  }

  /**
   * A span in words: {@code "15 Dec 2013 07:00 to 16:00"} within a day, {@code "15 Dec 2013 07:00 to
   * 30 Dec 2013 09:00"} across days, {@code "at 15 Dec 2013 07:00"} for one instant; or by sample.
   */
  String span(double from, double to) {
    if (Math.round(from) == Math.round(to)) {
      return "at " + at(from);
    }
    if (millis == null) {
      return String.format(Locale.ROOT, "samples %,d to %,d", Math.round(from) + offset,
          Math.round(to) + offset);
    }
    ZonedDateTime a = time(from);
    ZonedDateTime b = time(to);
    String end = a.toLocalDate().equals(b.toLocalDate()) ? CLOCK.format(b) : FULL.format(b);
    return FULL.format(a) + " to " + end;
  }

  private ZonedDateTime time(double position) {
    int i = (int) Math.max(0, Math.min(length - 1, Math.round(position)));
    return Instant.ofEpochMilli(millis[offset + i]).atZone(ZoneOffset.UTC);
  }

  /** An axis tick: a position of this stretch and its label. */
  record Tick(double position, String label) {
  }

  /** About {@code wanted} ticks at round times or round sample numbers, in order. */
  List<Tick> ticks(int wanted) {
    return millis == null ? sampleTicks(wanted) : timeTicks(wanted);
  }

  private List<Tick> sampleTicks(int wanted) {
    double raw = Math.max(1, (double) length / Math.max(1, wanted));
    double mag = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = raw / mag < 2 ? 2 * mag : raw / mag < 5 ? 5 * mag : 10 * mag;
    step = Math.max(1, step);
    List<Tick> out = new ArrayList<>();
    double first = Math.ceil(offset / step) * step;
    for (double s = first; s < offset + length; s += step) {
      out.add(new Tick(s - offset, String.format(Locale.ROOT, "%,d", Math.round(s))));
    }
    return out;
  }

  private List<Tick> timeTicks(int wanted) {
    long t0 = millis[offset];
    long t1 = millis[offset + length - 1];
    long span = Math.max(1, t1 - t0);
    List<Tick> out = new ArrayList<>();
    if (span / Math.max(1, wanted) > 20 * DAY) {
      ZonedDateTime m = Instant.ofEpochMilli(t0).atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS)
          .withDayOfMonth(1);
      long months = Math.max(1, Math.round(span / (30.4 * DAY) / wanted));
      for (; !m.toInstant().isAfter(Instant.ofEpochMilli(t1)); m = m.plusMonths(months)) {
        add(out, m.toInstant().toEpochMilli(), MONTH_TICK.format(m));
      }
      return out;
    }
    long step = STEPS[STEPS.length - 1];
    for (long s : STEPS) {
      if (span / s <= wanted) {
        step = s;
        break;
      }
    }
    long first = Math.floorDiv(t0 + step - 1, step) * step;
    for (long t = first; t <= t1; t += step) {
      ZonedDateTime z = Instant.ofEpochMilli(t).atZone(ZoneOffset.UTC);
      add(out, t, (step >= DAY ? DAY_TICK : HOUR_TICK).format(z));
    }
    return out;
  }

  /** A tick at the sample nearest to time {@code t}, if that sample is inside the stretch. */
  private void add(List<Tick> out, long t, String label) {
    int i = Arrays.binarySearch(millis, offset, offset + length, t);
    i = (i < 0 ? -i - 1 : i) - offset;
    if (i >= 0 && i < length && (out.isEmpty() || out.get(out.size() - 1).position() != i)) {
      out.add(new Tick(i, label));
    }
  }
}
