package io.florets.datasets.io;

import io.florets.datasets.Series;
import io.florets.datasets.io.csv.CsvSeriesReader;
import io.florets.datasets.io.nab.NabLabels;
import io.florets.datasets.io.nab.TimeRange;
import io.florets.datasets.target.Event;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Small real data bundled with the library, for the quickstart, examples and tests that must run
 * without the shared data folder. See {@code io/florets/datasets/samples/README.md} for origin and
 * licence. Thread-safe; every call reads the resource again.
 */
public final class Samples {
  private static final String DIR = "/io/florets/datasets/samples/";
  private static final String AMBIENT = "ambient_temperature_system_failure";
  private static final String AMBIENT_KEY = "realKnownCause/" + AMBIENT + ".csv";

  private Samples() {
  }

  /**
   * A series with its labelled anomaly windows.
   *
   * @param series the series, with timestamps
   * @param windows the labelled time windows
   * @param anomalies the windows as {@code ANOMALY} events at sample indices of the series
   */
  public record Labelled(Series series, List<TimeRange> windows, List<Event> anomalies) {
    public Labelled {
      Objects.requireNonNull(series, "series");
      windows = List.copyOf(windows);
      anomalies = List.copyOf(anomalies);
    }
  }

  /**
   * NAB {@code realKnownCause/ambient_temperature_system_failure.csv}: roughly hourly ambient temperature
   * of an office (7267 samples, 2013-07-04 .. 2014-05-28) with NAB's two labelled anomaly windows.
   *
   * @throws IllegalStateException if the bundled resource is missing or unreadable
   */
  public static Labelled nabAmbientTemperature() {
    try {
      SeriesFile f = CsvSeriesReader.read(TextFile.of(Path.of(AMBIENT + ".csv"), bytes(AMBIENT + ".csv")));
      NabLabels labels = NabLabels.read(TextFile.of(Path.of(AMBIENT + ".windows.json"),
          bytes(AMBIENT + ".windows.json")));
      Series s = f.series().get(0);
      List<TimeRange> w = labels.windows(AMBIENT_KEY);
      return new Labelled(s, w, NabLabels.events(s, w));
    } catch (IOException e) {
      throw new IllegalStateException("bundled sample " + DIR + AMBIENT + " is unreadable: "
          + e.getMessage(), e);
    }
  }

  /** The path of the bundled NAB sample CSV inside the library jar (a classpath resource name). */
  public static String nabAmbientTemperatureResource() {
    return DIR + AMBIENT + ".csv";
  }

  private static byte[] bytes(String name) throws IOException {
    try (InputStream in = Samples.class.getResourceAsStream(DIR + name)) {
      if (in == null) {
        throw new IllegalStateException("bundled sample " + DIR + name + " is missing from the classpath");
      }
      return in.readAllBytes();
    }
  }
}
