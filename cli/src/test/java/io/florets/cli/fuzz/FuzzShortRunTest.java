package io.florets.cli.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The short fuzz run of the default tests: every target, seed 1, at most 1,500 inputs or 4 s,
 * must end with no crash and no hang (the long run is {@code florets fuzz --target all}).
 */
class FuzzShortRunTest {
  @TempDir
  Path out;

  static Stream<String> targets() {
    return FuzzTargets.all().stream().map(FuzzTarget::name);
  }

  @ParameterizedTest
  @MethodSource("targets")
  void aShortRunFindsNoCrashAndNoHang(String name) throws Exception {
    FuzzTarget t = FuzzTargets.byName(name).orElseThrow();
    FuzzReport r = Fuzzer.run(t, new Fuzzer.Options(1, 4, 1500, 2000, out, new PrintStream(System.err)));
    assertTrue(r.executions() > t.seeds(out).size(), "ran beyond the seeds: " + r);
    assertEquals(0, r.crashes(), "crashes: " + r.findings());
    assertEquals(0, r.hangs(), "hangs: " + r.findings());
  }
}
