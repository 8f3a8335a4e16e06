package io.florets.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code florets} command. */
@Command(
    name = "florets",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Dense labels and one promptable encoder-decoder for sensor time series.",
    subcommands = {
        InspectCommand.class,
        LabelCommand.class,
        EvalCommand.class,
        BenchCommand.class,
        TasksCommand.class,
        TrainCommand.class,
        LexiconCommand.class,
        AskCommand.class,
        CalibrateCommand.class,
        CalibrateVisionCommand.class,
        CardCommand.class,
        TrainVisionCommand.class,
        EngineCommand.class,
        QuickstartCommand.class,
        ReportCommand.class,
        FuzzCommand.class,
        SparkCommand.class,
        IndexCommand.class,
        SearchCommand.class,
        CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(run(commandLine(), args));
  }

  /**
   * Runs {@code cl} on {@code args} and returns the exit code: 0 on success, 2 for a clear error
   * (bad input or option), 3 when the Java heap ran out (with a message instead of a stack trace).
   */
  static int run(CommandLine cl, String... args) {
    try {
      return cl.execute(args);
    } catch (OutOfMemoryError e) {
      cl.getErr().println(outOfMemory(e));
      cl.getErr().flush();
      return 3;
    }
  }

  /**
   * The one-line message for a run that ran out of Java heap: what the heap was and what to change.
   * The failed allocation has unwound by then, so there is room to print it.
   */
  static String outOfMemory(OutOfMemoryError e) {
    long mb = Runtime.getRuntime().maxMemory() >> 20;
    return "florets: error: out of memory (" + e.getMessage() + ") with a Java heap of at most " + mb
        + " MB; use smaller windows (--window) or fewer threads, or give the JVM more memory, e.g. "
        + "FLORETS_JAVA_OPTS=-Xmx8g ./florets ...";
  }

  /** The {@link OutOfMemoryError} in {@code t}'s cause chain (e.g. from a worker thread), or null. */
  static OutOfMemoryError outOfMemoryIn(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof OutOfMemoryError oom) {
        return oom;
      }
    }
    return null;
  }

  /** The configured command line (also used by tests). */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    // train --data reads series files like inspect, ask and label do: the same --time-order option
    cl.getSubcommands().get("train").addMixin(TimeOrderOption.MIXIN, new TimeOrderOption());
    // colour escape codes only when both streams are terminals (a log file gets plain text)
    cl.setColorScheme(CommandLine.Help.defaultColorScheme(
        Terminals.colours() ? CommandLine.Help.Ansi.AUTO : CommandLine.Help.Ansi.OFF));
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      OutOfMemoryError oom = outOfMemoryIn(ex);
      if (oom != null) {
        cmd.getErr().println(outOfMemory(oom));
        return 3;
      }
      if (ex instanceof IllegalArgumentException || ex instanceof IOException
          || ex instanceof java.io.UncheckedIOException || ex instanceof IllegalStateException
          || ex instanceof io.florets.prompt.facade.bundle.BundleException) {
        cmd.getErr().println("florets: error: " + ex.getMessage());
        return 2;
      }
      throw ex;
    });
    return cl;
  }

  /** Reads the version filtered in at build time. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {"florets " + p.getProperty("version", "unknown"),
          "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
  }
}
