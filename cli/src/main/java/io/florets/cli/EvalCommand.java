package io.florets.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code florets eval ...}: evaluations that print their figures as JSON. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Evaluate labelers and models; prints figures (use --json for machine-readable output).",
    subcommands = {EvalNabCommand.class, EvalUcrCommand.class, EvalLabelersCommand.class,
        EvalVisionCommand.class, EvalSyntheticCommand.class, EvalEmbeddingCommand.class,
        EvalSegmentationCommand.class})
public final class EvalCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
