package io.florets.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Whether the command's standard streams are terminals: colours and redrawn progress bars go only
 * to a terminal, so that a log file or a pipe gets plain lines.
 *
 * <p>On Linux the answer comes from {@code /proc/self/fd/N} (a terminal is {@code /dev/pts/*} or
 * {@code /dev/tty*}); elsewhere from {@link System#console()}, which on Java 17 to 21 is non-null
 * only when standard input and output both are terminals. {@code NO_COLOR} (any value) or
 * {@code TERM=dumb} turns colours off (see no-color.org).
 */
final class Terminals {
  private Terminals() {
  }

  /** True if standard error is a terminal. */
  static boolean stderr() {
    return isTerminal(2);
  }

  /** True if colour escape codes may be written: standard output and error are terminals. */
  static boolean colours() {
    return colours(System.getenv(), isTerminal(1), isTerminal(2));
  }

  /** The rule behind {@link #colours()}, for tests. */
  static boolean colours(Map<String, String> env, boolean stdoutTerminal, boolean stderrTerminal) {
    if (env.containsKey("NO_COLOR") || "dumb".equals(env.get("TERM"))) {
      return false;
    }
    return stdoutTerminal && stderrTerminal;
  }

  /** True if file descriptor {@code fd} (1 = stdout, 2 = stderr) is a terminal. */
  static boolean isTerminal(int fd) {
    Path link = Path.of("/proc/self/fd/" + fd);
    if (Files.isSymbolicLink(link)) {
      try {
        return isTerminalDevice(Files.readSymbolicLink(link).toString());
      } catch (IOException | SecurityException e) {
        return false;
      }
    }
    return System.console() != null;
  }

  /** True for the path of a terminal device ({@code /dev/pts/3}, {@code /dev/tty1}, ...). */
  static boolean isTerminalDevice(String path) {
    return path.startsWith("/dev/pts/") || path.startsWith("/dev/tty") || path.equals("/dev/console");
  }
}
