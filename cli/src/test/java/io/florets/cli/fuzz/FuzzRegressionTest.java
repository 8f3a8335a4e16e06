package io.florets.cli.fuzz;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every minimised input that once crashed a target, kept under
 * {@code src/test/resources/fuzz/regressions/<target>/<kind>-<hash>--<seed name><ext>}: each must
 * now be read or refused with the target's own clear exception.
 */
class FuzzRegressionTest {
  private static final Path ROOT = Path.of("src/test/resources/fuzz/regressions");

  @TempDir
  Path work;

  @TestFactory
  Stream<DynamicTest> everyKeptCrashIsNowAClearError() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> files = Files.walk(ROOT)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().contains("--")).sorted()::iterator) {
        String target = ROOT.relativize(f).getName(0).toString();
        tests.add(DynamicTest.dynamicTest(ROOT.relativize(f).toString(), () -> check(target, f)));
      }
    }
    return tests.stream();
  }

  private void check(String target, Path file) throws Exception {
    FuzzTarget t = FuzzTargets.byName(target).orElseThrow(
        () -> new AssertionError("no target '" + target + "' for " + file));
    t.seeds(work);
    String name = file.getFileName().toString();
    FuzzTarget.Input in = new FuzzTarget.Input(name.substring(name.indexOf("--") + 2), Files.readAllBytes(file));
    // within the fuzzer's hang limit, with room for a slow test machine
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      try {
        t.execute(in, work, 0);
      } catch (Throwable e) {
        assertNull(t.violation(e, in, work, 0), () -> file + ": " + Fuzzer.describe(e));
      }
    });
  }
}
