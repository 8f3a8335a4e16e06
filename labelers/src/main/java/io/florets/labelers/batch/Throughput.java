package io.florets.labelers.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.florets.datasets.Window;
import io.florets.datasets.synthetic.SyntheticConfig;
import io.florets.datasets.synthetic.SyntheticGenerator;
import io.florets.labelers.LabelerSuite;
import java.util.List;

/**
 * Measures labelling throughput: a suite over synthetic windows (seeded; with trends, seasonality,
 * noise and events like real data), on several threads, after warm-up passes over a quarter of the
 * windows (at least 500), repeated for four seconds, so that the JIT has compiled the hot paths
 * before the timed pass (a single short warm-up left compilation competing with the labelling
 * threads inside it, which hid how throughput scales with threads). After those four seconds the
 * warm-up goes on, up to {@link #MAX_WARM_UP_NANOS}, until a whole pass runs without the JIT
 * compiling: with as many labelling threads as cores the compiler threads get little CPU, so their
 * queue was still draining inside the timed pass (its CPU time counted there, its threads taking
 * turns with the labelling threads). Besides wall-clock windows per second it reports the process
 * CPU seconds of the timed pass, which shared machines make the steadier figure.
 */
public final class Throughput {
  /** Wall-clock time spent on warm-up passes before the timed pass. */
  static final long WARM_UP_NANOS = 4_000_000_000L;
  /** Most wall-clock time spent on warm-up passes while the JIT is still compiling. */
  static final long MAX_WARM_UP_NANOS = 15_000_000_000L;

  private Throughput() {
  }

  /** CPU time of this process in ns (all threads), or -1 if the JVM does not report it. */
  private static long cpuNanos() {
    java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean s) {
      return s.getProcessCpuTime();
    }
    return -1;
  }

  /** Milliseconds the JIT has spent compiling so far, or -1 if the JVM does not report it. */
  private static long compileMillis() {
    java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
    return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
  }

  /**
   * @param suite the labelers
   * @param length window length
   * @param windows number of windows timed
   * @param threads labelling threads
   * @param seed generator seed
   * @return the measured throughput
   */
  public static Measurement measure(LabelerSuite suite, int length, int windows, int threads,
      long seed) {
    if (windows < 1) {
      throw new IllegalArgumentException("windows must be >= 1, got " + windows);
    }
    List<Window> ws = SyntheticGenerator.generate(SyntheticConfig.of(windows, length, seed)).windows();
    List<Window> warm = ws.subList(0, Math.min(ws.size(), Math.max(500, windows / 4)));
    // the JIT keeps compiling the labelers' many hot paths for seconds, on the same cores: a short
    // warm-up leaves that work inside the timed pass, and more so with more labelling threads
    long start = System.nanoTime();
    long warmUntil = start + WARM_UP_NANOS;
    long warmAtMost = start + MAX_WARM_UP_NANOS;
    boolean compiling;
    do {
      long jit = compileMillis();
      ParallelLabeling.label(warm, suite, threads, null);
      compiling = jit >= 0 && compileMillis() > jit;
    } while (System.nanoTime() < warmUntil || (compiling && System.nanoTime() < warmAtMost));
    double warmSecs = (System.nanoTime() - start) / 1e9;
    long c0 = cpuNanos();
    long t0 = System.nanoTime();
    List<List<io.florets.datasets.target.Annotation>> out = ParallelLabeling.label(ws, suite, threads, null);
    double secs = (System.nanoTime() - t0) / 1e9;
    double cpu = (cpuNanos() - c0) / 1e9;
    long anns = 0;
    for (List<?> a : out) {
      anns += a.size();
    }
    return new Measurement(Math.round(windows / secs * 10) / 10.0, length, threads, windows,
        Math.round(secs * 1000) / 1000.0, cpu > 0 ? Math.round(cpu * 1000) / 1000.0 : null,
        cpu > 0 ? Math.round(windows / cpu * 10) / 10.0 : null,
        Math.round(anns * 100.0 / windows) / 100.0, Math.round(warmSecs * 10) / 10.0, suite.names());
  }

  /**
   * A throughput measurement.
   *
   * @param windowsPerSecond windows labelled per wall-clock second
   * @param length window length
   * @param threads labelling threads
   * @param windows windows timed
   * @param seconds wall-clock seconds
   * @param cpuSeconds process CPU seconds ({@code null}, and left out of JSON, where the JVM
   *     cannot measure them)
   * @param windowsPerCpuSecond windows per CPU second (as {@code cpuSeconds})
   * @param annotationsPerWindow annotations per window
   * @param warmUpSeconds wall-clock seconds of warm-up before the timed pass
   * @param labelers the labelers' names
   */
  public record Measurement(double windowsPerSecond, int length, int threads, int windows,
      double seconds, @JsonInclude(JsonInclude.Include.NON_NULL) Double cpuSeconds,
      @JsonInclude(JsonInclude.Include.NON_NULL) Double windowsPerCpuSecond,
      double annotationsPerWindow, double warmUpSeconds, List<String> labelers) {
    /** Copies the names. */
    public Measurement {
      labelers = List.copyOf(labelers);
    }
  }
}
