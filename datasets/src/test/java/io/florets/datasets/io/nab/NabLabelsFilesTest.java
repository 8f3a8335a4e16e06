package io.florets.datasets.io.nab;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.io.DataFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Labels that name a data file absent from the data folder are an error, not skipped silently. */
class NabLabelsFilesTest {
  @TempDir
  Path dir;

  @Test
  void everyNamedFileMustBeUnderTheDataFolder() throws Exception {
    Path data = dir.resolve("data");
    Files.createDirectories(data.resolve("a"));
    Files.writeString(data.resolve("a/here.csv"), "timestamp,value\n2014-04-01 00:00:00,1\n");
    Path json = Files.writeString(dir.resolve("combined_windows.json"),
        "{\"a/here.csv\": [], \"a/gone.csv\": [], \"b/also-gone.csv\": []}");
    NabLabels labels = NabLabels.read(json);
    DataFormatException e = assertThrows(DataFormatException.class,
        () -> labels.requireFilesUnder(data));
    String m = e.getMessage();
    assertTrue(m.contains("combined_windows.json") && m.contains("2 of its 3 entries")
        && m.contains("a/gone.csv") && m.contains("b/also-gone.csv") && m.contains(data.toString())
        && !m.contains("here.csv,"), m);
    NabLabels one = NabLabels.read(Files.writeString(dir.resolve("one.json"), "{\"a/here.csv\": []}"));
    one.requireFilesUnder(data);
  }
}
