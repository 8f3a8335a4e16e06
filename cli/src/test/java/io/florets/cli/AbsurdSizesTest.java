package io.florets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Absurd sizes and misplaced options end in one clear line, not a stack trace: a window no series
 * fills, a run that exhausts the Java heap (directly or in a worker thread), and a data-mode reading
 * option given to a recipe-mode {@code train}.
 */
class AbsurdSizesTest {
  @TempDir
  Path dir;

  private record Run(int code, String out, String err) {
  }

  private static Run run(CommandLine cl, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = Main.run(cl, args);
    return new Run(code, out.toString(), err.toString());
  }

  private Path csv(int n) throws Exception {
    StringBuilder b = new StringBuilder("value\n");
    for (int i = 0; i < n; i++) {
      b.append(i % 7).append('\n');
    }
    return Files.writeString(dir.resolve("s.csv"), b.toString());
  }

  @Test
  void aWindowLongerThanEverySeriesIsRefusedBeforeAnyWork() throws Exception {
    Path in = csv(50);
    Path out = dir.resolve("out.arrow");
    Run r = run(Main.commandLine(), "label", in.toString(), "--window", "2147483647", "--out",
        out.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("--window 2147483647 is longer than every series"), r.err());
    assertTrue(r.err().contains("'s', has 50 samples") && r.err().contains("--window 50 or less"), r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "nothing written beside the input");
    }
    // a window the series fills exactly still works
    Run ok = run(Main.commandLine(), "label", in.toString(), "--window", "50", "--labelers",
        "stats.basic", "--threads", "1", "--out", out.toString());
    assertEquals(0, ok.code(), ok.err());
    assertTrue(Files.exists(out));
  }

  @Command(name = "exhaust")
  static final class Exhaust implements Callable<Integer> {
    final boolean inWorker;

    Exhaust(boolean inWorker) {
      this.inWorker = inWorker;
    }

    @Override
    public Integer call() throws Exception {
      if (inWorker) {
        // as a worker pool reports it: the error wrapped in an ExecutionException
        throw new ExecutionException(new OutOfMemoryError("Java heap space"));
      }
      throw new OutOfMemoryError("Requested array size exceeds VM limit");
    }
  }

  @Test
  void runningOutOfHeapIsOneLineWithAdviceNotAStackTrace() {
    for (boolean worker : new boolean[] {false, true}) {
      CommandLine cl = Main.commandLine();
      cl.addSubcommand("exhaust", new Exhaust(worker));
      Run r = run(cl, "exhaust");
      assertEquals(3, r.code(), r.err());
      String e = r.err().strip();
      assertTrue(e.startsWith("florets: error: out of memory ("), e);
      assertTrue(e.contains(worker ? "Java heap space" : "exceeds VM limit"), e);
      assertTrue(e.contains("--window") && e.contains("FLORETS_JAVA_OPTS=-Xmx"), e);
      assertEquals(1, e.lines().count(), e);
    }
  }

  @Test
  void recipeModeTrainRefusesTheDataModeReadingPolicy() {
    Run r = run(Main.commandLine(), "train", "--recipe", "tiny", "--time-order", "STRICT",
        "--out", dir.resolve("m").toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("--time-order belongs to data mode: give --data FILE too"), r.err());
    assertFalse(Files.exists(dir.resolve("m")));
  }
}
