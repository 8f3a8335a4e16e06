package io.florets.labelers.nab;

import io.florets.datasets.io.csv.Timestamps;
import io.florets.datasets.io.nab.NabLabels;
import io.florets.datasets.io.nab.TimeRange;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads a NAB corpus: every {@code *.csv} under a data folder (columns {@code timestamp,value}) with
 * its windows from NAB's {@code combined_windows.json} (read by {@link NabLabels}). A window limit
 * resolves to the first row with that timestamp, as in NAB (some NAB files repeat timestamps). Values are kept as
 * {@code double}, exactly as written, because NAB's reference results depend on full precision.
 *
 * <p>Stateless and thread-safe.
 */
public final class NabCorpusReader {
  private NabCorpusReader() {}

  /**
   * Reads every data file under {@code dataDir} (sorted by relative path) with its windows.
   *
   * @throws IOException when a file cannot be read or parsed, a data file has no entry in the windows
   *     file, an entry of the windows file has no data file ({@link NabLabels#requireFilesUnder}), or
   *     a window limit is not a timestamp of its file (NAB requires exact matches)
   */
  public static List<NabSeries> read(Path dataDir, Path windowsJson) throws IOException {
    NabLabels labels = NabLabels.read(windowsJson);
    List<Path> files;
    try (Stream<Path> s = Files.walk(dataDir)) {
      files = s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".csv"))
          .sorted().collect(Collectors.toList());
    }
    if (files.isEmpty()) {
      throw new IOException(dataDir + ": no .csv data files found");
    }
    labels.requireFilesUnder(dataDir);
    List<NabSeries> out = new ArrayList<>();
    for (Path f : files) {
      String rel = dataDir.relativize(f).toString().replace('\\', '/');
      if (!labels.files().contains(rel)) {
        throw new IOException(f + ": no entry '" + rel + "' in " + windowsJson);
      }
      out.add(readFile(f, rel, labels.windows(rel)));
    }
    return List.copyOf(out);
  }

  /** Reads one {@code timestamp,value} file and resolves its windows to row positions. */
  static NabSeries readFile(Path file, String relativePath, List<TimeRange> ranges) throws IOException {
    List<String> stamps = new ArrayList<>();
    double[] values = new double[1024];
    Map<Long, Integer> rowOf = new HashMap<>();
    try (BufferedReader r = Files.newBufferedReader(file)) {
      String header = r.readLine();
      if (header == null || !header.trim().equals("timestamp,value")) {
        throw new IOException(file + ": line 1: expected the header timestamp,value, got '" + header + "'");
      }
      String line;
      int lineNo = 1;
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        int comma = line.indexOf(',');
        if (comma < 0 || line.indexOf(',', comma + 1) >= 0) {
          throw new IOException(file + ": line " + lineNo + ": expected two fields, got '" + line + "'");
        }
        String ts = line.substring(0, comma).trim();
        OptionalLong t = Timestamps.parse(ts);
        if (t.isEmpty()) {
          throw new IOException(file + ": line " + lineNo + ": bad timestamp '" + ts + "'; expected " + Timestamps.EXPECTED);
        }
        double v;
        try {
          v = Double.parseDouble(line.substring(comma + 1).trim());
        } catch (NumberFormatException e) {
          throw new IOException(file + ": line " + lineNo + ": bad value '" + line.substring(comma + 1) + "'", e);
        }
        if (!Double.isFinite(v)) {
          throw new IOException(file + ": line " + lineNo + ": value is not finite: " + v);
        }
        int i = stamps.size();
        rowOf.putIfAbsent(t.getAsLong(), i); // NAB resolves a repeated timestamp to its first row
        if (i == values.length) {
          values = Arrays.copyOf(values, 2 * i);
        }
        values[i] = v;
        stamps.add(ts);
      }
    }
    if (stamps.isEmpty()) {
      throw new IOException(file + ": no data rows");
    }
    List<IndexWindow> windows = new ArrayList<>();
    for (TimeRange w : ranges) {
      Integer a = rowOf.get(w.startMillis());
      Integer b = rowOf.get(w.endMillis());
      if (a == null || b == null) {
        throw new IOException(file + ": window [" + Timestamps.format(w.startMillis()) + ", "
            + Timestamps.format(w.endMillis()) + "] does not start and end on rows of the file");
      }
      windows.add(new IndexWindow(a, b));
    }
    return NabSeries.of(relativePath, stamps.toArray(new String[0]), Arrays.copyOf(values, stamps.size()),
        windows);
  }
}
