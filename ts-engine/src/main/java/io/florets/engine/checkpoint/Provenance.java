package io.florets.engine.checkpoint;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Where a trained artifact came from.
 *
 * @param dataHash hash of the training data ({@code "unknown"} if the source cannot tell)
 * @param seed the training seed
 * @param steps optimisation steps done
 * @param trainConfig the training settings as text (empty if untrained)
 * @param djlVersion DJL version
 * @param pytorchVersion the PyTorch engine version
 * @param javaVersion the JVM version
 * @param gitCommit the source commit if known, else {@code "unknown"}
 * @param createdAt ISO-8601 instant of the save
 */
public record Provenance(String dataHash, long seed, long steps, String trainConfig,
    String djlVersion, String pytorchVersion, String javaVersion, String gitCommit,
    String createdAt) {

  /** Provenance for now, with versions and the git commit looked up. */
  public static Provenance of(String dataHash, long seed, long steps, String trainConfig) {
    return new Provenance(dataHash == null ? "unknown" : dataHash, seed, steps,
        trainConfig == null ? "" : trainConfig, Engine.getDjlVersion(),
        Engine.getInstance().getVersion(), System.getProperty("java.version"), lookUpGitCommit(),
        Instant.now().toString());
  }

  /**
   * The commit: system property {@code florets.git.commit}, else {@code git rev-parse HEAD} in the
   * working directory (2 s limit), else {@code "unknown"}.
   */
  static String lookUpGitCommit() {
    String p = System.getProperty("florets.git.commit");
    if (p != null && !p.isBlank()) {
      return p;
    }
    try {
      Process proc = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true)
          .start();
      if (!proc.waitFor(2, TimeUnit.SECONDS)) {
        proc.destroyForcibly();
        return "unknown";
      }
      String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return proc.exitValue() == 0 && out.matches("[0-9a-f]{40}") ? out : "unknown";
    } catch (IOException e) {
      return "unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }
}
