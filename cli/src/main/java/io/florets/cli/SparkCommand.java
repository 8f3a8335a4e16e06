package io.florets.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code florets spark ...}: batch labelling on Apache Spark in local mode, for people without a
 * cluster (on a cluster, submit {@code io.florets.spark.FloretsSparkJob} with {@code spark-submit}).
 * Spark's jars are on the class path of this command only: the launcher adds
 * {@code cli/target/spark-lib/}.
 */
@Command(name = "spark", mixinStandardHelpOptions = true,
    description = "Batch labelling on Apache Spark in local mode (label, bench).",
    subcommands = {SparkLabelCommand.class, SparkBenchCommand.class})
public final class SparkCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Throws a clear error when Spark's classes are missing (the jar was run without the launcher). */
  static void requireSpark() {
    try {
      Class.forName("org.apache.spark.sql.SparkSession", false, SparkCommand.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("Spark is not on the class path: run 'florets spark ...' through the "
          + "./florets launcher, which adds cli/target/spark-lib/");
    }
  }
}
