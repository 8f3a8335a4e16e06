package io.florets.datasets.io;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared real-data folder; tests that need it are skipped when it is absent. */
public final class SharedData {
  private SharedData() {
  }

  /** {@code <florets.shared.data>/<relative>}, or skips the calling test if it does not exist. */
  public static Path require(String relative) {
    String root = System.getProperty("florets.shared.data");
    assumeTrue(root != null, "system property florets.shared.data is not set; skipping real-data test");
    Path p = Path.of(root).resolve(relative);
    assumeTrue(Files.exists(p), "shared data " + p + " is absent; skipping real-data test");
    return p;
  }
}
