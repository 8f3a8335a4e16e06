package io.florets.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.Window;
import io.florets.prompt.facade.Florets;
import io.florets.prompt.facade.ReadoutText;
import io.florets.prompt.readout.Readout;
import io.florets.prompt.task.PromptParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Batch asking on Spark against the default model asked on one machine. */
class SparkAskTest {
  @Test
  void everyWindowGetsTheOneMachineAnswerAndAnAllMissingWindowGetsAnError() {
    SparkSession spark = TestSpark.session();
    List<Double> values = new ArrayList<>();
    for (int t = 0; t < 768; t++) {
      values.add(t >= 512 ? Double.NaN : 0.02 * t + Math.sin(2 * Math.PI * t / 32) + (t == 180 ? 8 : 0));
    }
    StructType schema = new StructType().add("id", DataTypes.StringType)
        .add("values", DataTypes.createArrayType(DataTypes.DoubleType));
    Dataset<Row> series = spark.createDataFrame(List.of(RowFactory.create("x", values)), schema);
    List<String> prompts = List.of("<SHAPE>", "<EVENTS>");
    List<Row> rows = SparkAsk.ask(SparkAsk.windows(series, 256, 256), new SparkAsk.Options(null, prompts, 2))
        .collectAsList();
    assertEquals(6, rows.size());
    Map<String, Row> byKey = new TreeMap<>();
    for (Row r : rows) {
      byKey.put(r.getInt(1) + " " + r.getString(2), r);
    }
    List<Window> windows = new ArrayList<>();
    for (int s = 0; s < 512; s += 256) {
      float[] w = new float[256];
      for (int t = 0; t < 256; t++) {
        w[t] = values.get(s + t).floatValue();
      }
      windows.add(Window.of("x", s, new float[][] {w}, null, null, null));
    }
    try (Florets florets = Florets.defaultModel()) {
      for (String p : prompts) {
        List<? extends Readout> answers = florets.askAll(windows, PromptParser.parse(p));
        for (int i = 0; i < windows.size(); i++) {
          Row r = byKey.get(windows.get(i).start() + " " + p);
          assertNull(r.get(6), "no error for window " + i);
          assertEquals(answers.get(i).kind(), r.getString(3));
          assertEquals(ReadoutText.describe(answers.get(i)), r.getString(4));
        }
      }
    }
    Row missing = byKey.get("512 <EVENTS>");
    assertNotNull(missing.getString(6));
    assertTrue(missing.getString(6).contains("missing"), missing.getString(6));
  }
}
