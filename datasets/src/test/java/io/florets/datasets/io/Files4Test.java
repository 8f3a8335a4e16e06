package io.florets.datasets.io;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.function.Executable;

/** Helpers for reader tests: write a file, expect a {@link DataFormatException} with given parts. */
public final class Files4Test {
  private Files4Test() {
  }

  public static Path write(Path dir, String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  public static Path write(Path dir, String name, byte[] content) throws IOException {
    return Files.write(dir.resolve(name), content);
  }

  /** Asserts that {@code read} throws a DataFormatException whose message holds every part. */
  public static DataFormatException expectError(Executable read, String... parts) {
    DataFormatException e = assertThrows(DataFormatException.class, read);
    for (String p : parts) {
      assertTrue(e.getMessage().contains(p), "message '" + e.getMessage() + "' should contain '" + p + "'");
    }
    return e;
  }
}
