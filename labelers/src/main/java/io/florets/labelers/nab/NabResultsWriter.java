package io.florets.labelers.nab;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes detections in NAB's results layout, so that NAB's own scorer can check ours on the same
 * anomaly scores: for a data file {@code dir/name.csv}, the file
 * {@code <out>/<detector>/dir/<detector>_name.csv} with columns {@code timestamp,value,anomaly_score,label}
 * ({@code label} is 1 inside a window). Scores are written with full precision.
 */
public final class NabResultsWriter {
  private NabResultsWriter() {}

  /**
   * Writes one results file per series.
   *
   * @return the files written, in corpus order
   * @throws IOException when a folder or file cannot be written
   */
  public static List<Path> write(Path outDir, String detectorName, List<NabSeries> corpus, List<double[]> scores)
      throws IOException {
    if (corpus.size() != scores.size()) {
      throw new IllegalArgumentException(corpus.size() + " files but " + scores.size() + " score arrays");
    }
    List<Path> written = new ArrayList<>();
    for (int f = 0; f < corpus.size(); f++) {
      NabSeries s = corpus.get(f);
      double[] a = scores.get(f);
      if (a.length != s.length()) {
        throw new IllegalArgumentException(s.relativePath() + ": " + a.length + " scores for " + s.length() + " rows");
      }
      String rel = s.relativePath();
      int slash = rel.lastIndexOf('/');
      String dir = slash < 0 ? "" : rel.substring(0, slash);
      String name = rel.substring(slash + 1);
      Path target = outDir.resolve(detectorName).resolve(dir).resolve(detectorName + "_" + name);
      Files.createDirectories(target.getParent());
      int[] labels = s.labels();
      try (BufferedWriter w = Files.newBufferedWriter(target)) {
        w.write("timestamp,value,anomaly_score,label\n");
        for (int i = 0; i < s.length(); i++) {
          w.write(s.timestamp(i) + "," + s.value(i) + "," + a[i] + "," + labels[i] + "\n");
        }
      }
      written.add(target);
    }
    return written;
  }
}
