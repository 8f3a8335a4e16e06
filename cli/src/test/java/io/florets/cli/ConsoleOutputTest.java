package io.florets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The console stays quiet and plain: logging levels, colours only on terminals, plain progress. */
class ConsoleOutputTest {
  @Test
  void theCommandLogsFloretsProgressButNotOtherLibrariesChatter() {
    assertTrue(LoggerFactory.getLogger("io.florets.dataengine.DataEngine").isInfoEnabled());
    // train prints its own step lines; the trainer's step log would repeat them
    assertFalse(LoggerFactory.getLogger("io.florets.engine.train.Trainer").isInfoEnabled());
    assertTrue(LoggerFactory.getLogger("io.florets.engine.train.Trainer").isWarnEnabled());
    assertFalse(LoggerFactory.getLogger("org.apache.arrow.memory.BaseAllocator").isInfoEnabled());
    assertTrue(LoggerFactory.getLogger("org.apache.arrow.memory.BaseAllocator").isWarnEnabled());
    // DJL's GPU probe warns "Failed to detect GPU count" on machines without a GPU driver
    assertFalse(LoggerFactory.getLogger("ai.djl.util.cuda.CudaUtils").isWarnEnabled());
    assertTrue(LoggerFactory.getLogger("ai.djl.util.cuda.CudaUtils").isErrorEnabled());
  }

  @Test
  void coloursOnlyWhenBothStreamsAreTerminalsAndNotRefused() {
    assertTrue(Terminals.colours(Map.of("TERM", "xterm"), true, true));
    assertFalse(Terminals.colours(Map.of("TERM", "xterm"), true, false));
    assertFalse(Terminals.colours(Map.of("TERM", "xterm"), false, true));
    assertFalse(Terminals.colours(Map.of("TERM", "xterm", "NO_COLOR", ""), true, true));
    assertFalse(Terminals.colours(Map.of("TERM", "dumb"), true, true));
    assertTrue(Terminals.isTerminalDevice("/dev/pts/3"));
    assertTrue(Terminals.isTerminalDevice("/dev/tty1"));
    assertFalse(Terminals.isTerminalDevice("/tmp/run.log"));
    assertFalse(Terminals.isTerminalDevice("pipe:[12345]"));
  }

  @Test
  void progressOffATerminalIsOnePlainLinePerTenth() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    try (ConsoleProgress p = ConsoleProgress.start("label", 20, err, false, false)) {
      for (int i = 1; i <= 20; i++) {
        p.stepTo(i);
      }
    }
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertEquals(10, text.lines().count(), text);
    assertTrue(text.startsWith("label: 10% (2 of 20)"), text);
    assertTrue(text.contains("label: 100% (20 of 20)"), text);
    assertFalse(text.contains("\r") || text.contains("\u001b"), text);
  }

  @Test
  void theCommandLineHasNoColoursOffATerminal() {
    // under the test runner neither stream is a terminal
    assertFalse(Main.commandLine().getColorScheme().ansi().enabled());
  }
}
