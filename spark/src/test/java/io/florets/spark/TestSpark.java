package io.florets.spark;

import org.apache.spark.sql.SparkSession;

/** The one local session of the test run (two cores, up to three attempts per task); Spark stops it at exit. */
final class TestSpark {
  private TestSpark() {
  }

  static synchronized SparkSession session() {
    return SparkSessions.local("local[2,3]", "florets-spark-test");
  }
}
