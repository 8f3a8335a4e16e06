package io.florets.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code florets bench ...}: throughput and latency benchmarks that print JSON. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Benchmarks of the hot paths; prints measured figures.",
    subcommands = {BenchEngineCommand.class, BenchLabelersCommand.class,
        BenchModelCommand.class})
public final class BenchCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
