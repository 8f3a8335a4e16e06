package io.florets.spark;

import org.apache.spark.sql.SparkSession;

/** Spark sessions for running on one machine (tests, the command line, benchmarks). */
public final class SparkSessions {
  private SparkSessions() {
  }

  /**
   * A session with master {@code master} (e.g. {@code local[2]}) bound to the loopback address,
   * without the web UI; an existing session with the same master is reused.
   */
  public static SparkSession local(String master, String appName) {
    return SparkSession.builder().master(master).appName(appName)
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "8")
        .getOrCreate();
  }
}
