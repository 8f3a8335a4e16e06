package io.florets.spark;

import io.florets.datasets.Window;
import io.florets.datasets.Windowing;
import io.florets.prompt.facade.Florets;
import io.florets.prompt.facade.ReadoutText;
import io.florets.prompt.readout.Readout;
import io.florets.prompt.serial.ReadoutTargets;
import io.florets.prompt.task.Prompt;
import io.florets.prompt.task.PromptParser;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.spark.SparkFiles;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Batch asking on Spark: every window of a dataset is asked the chosen prompts by one
 * {@link Florets} per executor JVM, loaded once (on the first task that needs it) from a model
 * folder shipped with the job ({@code SparkContext.addFile}), or the default model inside the jar.
 * Windows are asked in batches ({@link Florets#askAll}); a window the model cannot be asked about
 * (e.g. every value missing) gets a row with its error instead of failing the job.
 */
public final class SparkAsk {
  /** One readout: which window, which prompt, the answer as text, as annotations, or the error. */
  public static final StructType READOUT = new StructType(new StructField[] {
      DataTypes.createStructField("series_id", DataTypes.StringType, false),
      DataTypes.createStructField("window_start", DataTypes.IntegerType, false),
      DataTypes.createStructField("prompt", DataTypes.StringType, false),
      DataTypes.createStructField("readout", DataTypes.StringType, true),
      DataTypes.createStructField("answer", DataTypes.StringType, true),
      DataTypes.createStructField("annotations", DataTypes.createArrayType(DenseRows.ANNOTATION, false), true),
      DataTypes.createStructField("error", DataTypes.StringType, true)});

  /** Source name of the annotations of a readout. */
  public static final String SOURCE = "model";

  /**
   * Settings.
   *
   * @param model a model folder the driver can read (shipped to the executors), or {@code null}
   *     for the default model
   * @param prompts the prompts (e.g. {@code <EVENTS>}), at least one; checked on the driver
   * @param batch windows per {@link Florets#askAll} call, &ge; 1
   */
  public record Options(String model, List<String> prompts, int batch) implements Serializable {
    private static final long serialVersionUID = 1L;

    public Options {
      prompts = List.copyOf(prompts);
      if (prompts.isEmpty() || batch < 1) {
        throw new IllegalArgumentException("need at least one prompt and batch >= 1, got " + prompts + ", " + batch);
      }
      for (String p : prompts) {
        PromptParser.parse(p);
      }
    }

    String key() {
      return model == null ? "" : Path.of(model).getFileName().toString();
    }
  }

  private SparkAsk() {
  }

  /**
   * Windows of every series (any layout {@link SeriesSources#normalise} takes), as rows of
   * {@link DenseRows#WINDOW} without annotations and numbered from 0 in each series (a bad series
   * gives no window; {@link SparkLabeling} reports them).
   */
  public static Dataset<Row> windows(Dataset<Row> series, int window, int stride) {
    Windowing.fixed(window, stride, Windowing.Tail.SHIFT_BACK); // checks the settings on the driver
    return SeriesSources.normalise(series).filter(functions.col("error").isNull())
        .flatMap((FlatMapFunction<Row, Row>) r -> {
          List<Window> ws = Windowing.fixed(window, stride, Windowing.Tail.SHIFT_BACK).apply(SeriesRows.series(r));
          List<Row> out = new ArrayList<>(ws.size());
          for (int k = 0; k < ws.size(); k++) {
            out.add(SparkLabeling.windowRow(k, ws.get(k), List.of()));
          }
          return out.iterator();
        }, Encoders.row(DenseRows.WINDOW));
  }

  /**
   * Asks every window of {@code windows} (rows of {@link DenseRows#WINDOW}, e.g. from
   * {@link #windows} or {@link SparkLabeling.Result#windows()}) every prompt: one row of
   * {@link #READOUT} per window and prompt. Ships {@code options.model()} with the job.
   */
  public static Dataset<Row> ask(Dataset<Row> windows, Options options) {
    Objects.requireNonNull(options, "options");
    if (options.model() != null) {
      windows.sparkSession().sparkContext().addFile(Path.of(options.model()).toAbsolutePath().toString(), true);
    }
    return windows.mapPartitions((MapPartitionsFunction<Row, Row>) it -> askPartition(it, options),
        Encoders.row(READOUT));
  }

  private static Florets florets(Options o) {
    return ExecutorCache.florets(o.key(), k -> k.isEmpty() ? Florets.defaultModel() : load(k));
  }

  private static Florets load(String name) {
    try {
      return Florets.load(Path.of(SparkFiles.get(name)));
    } catch (io.florets.prompt.facade.bundle.BundleException e) {
      throw new IllegalStateException("the model folder '" + name + "' shipped with the job cannot be loaded: "
          + e.getMessage(), e);
    }
  }

  private static Iterator<Row> askPartition(Iterator<Row> in, Options o) {
    List<Row> out = new ArrayList<>();
    List<Window> batch = new ArrayList<>();
    while (in.hasNext()) {
      batch.add(SparkLabeling.window(in.next()));
      if (batch.size() == o.batch() || !in.hasNext()) {
        askBatch(florets(o), batch, o, out);
        batch.clear();
      }
    }
    return out.iterator();
  }

  private static void askBatch(Florets florets, List<Window> batch, Options o, List<Row> out) {
    for (String text : o.prompts()) {
      Prompt<?> prompt = PromptParser.parse(text);
      List<? extends Readout> answers;
      try {
        answers = florets.askAll(batch, prompt);
      } catch (IllegalArgumentException e) {
        answers = null;
      }
      for (int i = 0; i < batch.size(); i++) {
        Window w = batch.get(i);
        try {
          Readout r = answers != null ? answers.get(i) : florets.ask(w, prompt);
          out.add(RowFactory.create(w.seriesId(), w.start(), text, r.kind(), ReadoutText.describe(r),
              Cells.seq(DenseRows.rows(ReadoutTargets.annotations(prompt, r, w.length(), SOURCE,
                  o.key().isEmpty() ? "default" : o.key()))), null));
        } catch (IllegalArgumentException e) {
          out.add(RowFactory.create(w.seriesId(), w.start(), text, null, null, null, e.getMessage()));
        }
      }
    }
  }
}
