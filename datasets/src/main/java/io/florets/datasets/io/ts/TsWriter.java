package io.florets.datasets.io.ts;

import io.florets.datasets.Series;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

/**
 * Writes series as a UCR/UEA {@code .ts} file that {@link TsReader} reads back to the same values,
 * class labels and targets. Floats are written in their shortest exact decimal form, missing values
 * as {@code ?}. Ids, timestamps, channel names and metadata have no place in the format and are not
 * written. Stateless and thread-safe.
 */
public final class TsWriter {
  private TsWriter() {
  }

  /**
   * Writes {@code series} to {@code path} (replacing it).
   *
   * @param problemName written as {@code @problemName}; no whitespace
   * @throws IllegalArgumentException if the list is empty, channel counts differ, the problem name
   *     has whitespace, only some series have class labels (or targets), or a label has whitespace
   *     or a colon
   */
  public static void write(Path path, String problemName, List<Series> series) throws IOException {
    if (series.isEmpty()) {
      throw new IllegalArgumentException("no series to write to " + path);
    }
    if (problemName == null || problemName.isBlank() || problemName.matches(".*\\s.*")) {
      throw new IllegalArgumentException("problem name must be one word, got '" + problemName + "'");
    }
    Series s0 = series.get(0);
    int channels = s0.channels();
    boolean equal = true;
    boolean missing = false;
    int labelled = 0;
    int targeted = 0;
    TreeSet<String> labels = new TreeSet<>();
    for (Series s : series) {
      if (s.channels() != channels) {
        throw new IllegalArgumentException("series '" + s.id() + "' has " + s.channels()
            + " channels; expected " + channels + " like '" + s0.id() + "'");
      }
      equal &= s.length() == s0.length();
      missing |= s.missingCount() > 0;
      if (s.classLabel().isPresent()) {
        String l = s.classLabel().get();
        if (l.matches(".*[\\s:].*")) {
          throw new IllegalArgumentException("class label '" + l + "' of series '" + s.id()
              + "' contains whitespace or ':'; the .ts format cannot hold it");
        }
        labels.add(l);
        labelled++;
      }
      targeted += s.target().isPresent() ? 1 : 0;
    }
    boolean withLabels = check(labelled, series.size(), "class labels");
    boolean withTargets = !withLabels && check(targeted, series.size(), "targets");
    try (BufferedWriter w = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
      w.write("@problemName " + problemName + "\n@timeStamps false\n@missing " + missing
          + "\n@univariate " + (channels == 1) + "\n");
      if (channels > 1) {
        w.write("@dimensions " + channels + "\n");
      }
      w.write("@equalLength " + equal + "\n");
      if (equal) {
        w.write("@seriesLength " + s0.length() + "\n");
      }
      w.write(withLabels ? "@classLabel true " + String.join(" ", labels) + "\n" : "@classLabel false\n");
      if (withTargets) {
        w.write("@targetLabel true\n");
      }
      w.write("@data\n");
      StringBuilder sb = new StringBuilder();
      for (Series s : series) {
        sb.setLength(0);
        for (int c = 0; c < channels; c++) {
          if (c > 0) {
            sb.append(':');
          }
          for (int t = 0; t < s.length(); t++) {
            if (t > 0) {
              sb.append(',');
            }
            float v = s.value(c, t);
            if (Float.isInfinite(v)) {
              throw new IllegalArgumentException("series '" + s.id() + "' has " + v + " at channel "
                  + c + ", index " + t + "; the .ts format holds finite numbers and ? only");
            }
            sb.append(Float.isNaN(v) ? "?" : Float.toString(v));
          }
        }
        if (withLabels) {
          sb.append(':').append(s.classLabel().get());
        } else if (withTargets) {
          sb.append(':').append(Double.toString(s.target().getAsDouble()));
        }
        w.write(sb.append('\n').toString());
      }
    }
  }

  private static boolean check(int have, int n, String what) {
    if (have != 0 && have != n) {
      throw new IllegalArgumentException(have + " of " + n + " series have " + what
          + "; the .ts format needs all or none");
    }
    return have == n;
  }
}
