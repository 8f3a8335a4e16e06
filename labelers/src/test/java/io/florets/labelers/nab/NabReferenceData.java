package io.florets.labelers.nab;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Locates NAB's shared data for tests; skips the calling test when it is absent. */
final class NabReferenceData {
  private NabReferenceData() {}

  /** The {@code nab} folder of the shared data, or a skipped test. */
  static Path nabRoot() {
    String base = System.getProperty("florets.shared.data");
    assumeTrue(base != null, "florets.shared.data is not set: NAB reference tests skipped");
    Path nab = Path.of(base, "nab");
    assumeTrue(Files.isDirectory(nab.resolve("data")) && Files.isRegularFile(nab.resolve("labels/combined_windows.json")),
        "no NAB data under " + nab + ": NAB reference tests skipped");
    return nab;
  }

  /** The whole shared NAB corpus. */
  static List<NabSeries> corpus() throws IOException {
    Path nab = nabRoot();
    return NabCorpusReader.read(nab.resolve("data"), nab.resolve("labels/combined_windows.json"));
  }

  /** Rows of a simple comma-separated file (no quoting), header dropped. */
  static List<String[]> csvRows(Path file) throws IOException {
    assumeTrue(Files.isRegularFile(file), "missing reference file " + file);
    List<String> lines = Files.readAllLines(file);
    List<String[]> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (!line.isBlank()) {
        rows.add(line.split(",", -1));
      }
    }
    return rows;
  }
}
