package io.florets.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.florets.datasets.Series;
import io.florets.datasets.Window;
import io.florets.datasets.Windowing;
import io.florets.datasets.io.SeriesFile;
import io.florets.labelers.LabelerSuite;
import io.florets.labelers.Labelers;
import io.florets.labelers.batch.BatchLabeling;
import io.florets.labelers.batch.OutputPath;
import io.florets.labelers.consensus.ConsensusConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code florets label}: windows a dataset file, labels every window with the labeler suite and
 * consensus, and writes a dense dataset (Arrow IPC). An interrupted run resumes from the
 * checkpoints next to the output.
 */
@Command(name = "label", mixinStandardHelpOptions = true,
    description = "Label every window of a dataset file with all labelers + consensus; write a dense dataset.")
public final class LabelCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "INPUT", description = "a dataset file (CSV, UCR/UEA, Arrow, ...)")
  Path input;

  /** What the columns of the labeler table mean (printed under it). */
  static final String TABLE_LEGEND = String.join(System.lineSeparator(),
      "slots: (window, channel, shape facet | property | event type) a labeler can speak to",
      "coverage: share of its slots where it said something",
      "overlap: share of its slots where another labeler said something too",
      "conflict: share of its slots where it said something and another labeler disagreed",
      "(no accuracy column: a file has no gold labels to score the labelers against;",
      "  'florets eval labelers' scores them against synthetic windows' exact truth)",
      "");

  /** Default window length: the length the shipped default model was trained on. */
  static final int DEFAULT_WINDOW = 256;

  @Option(names = "--window", defaultValue = "" + DEFAULT_WINDOW, paramLabel = "L",
      description = "window length in samples (default ${DEFAULT-VALUE}, the length the shipped "
          + "default model was trained on)")
  int window;

  @Option(names = "--stride", paramLabel = "S",
      description = "samples from one window's start to the next (default: the window length; a "
          + "last window ending at the last sample is added)")
  Integer stride;

  @Option(names = "--out", required = true, paramLabel = "OUT.arrow",
      description = "output dataset file (not a folder; checked before any work)")
  Path out;

  @Option(names = "--labelers", split = ",", paramLabel = "NAME",
      description = "labelers to run, comma-separated; 'default' stands for the default suite "
          + "(e.g. default,discord.mp; 'fast' is the default suite without shape.structural) (default: the default suite)")
  List<String> labelers;

  @Option(names = "--threads", paramLabel = "N", description = "threads (default: all cores)")
  Integer threads;

  @Option(names = "--chunk", defaultValue = "1024", paramLabel = "W",
      description = "windows per checkpoint chunk (default ${DEFAULT-VALUE})")
  int chunk;

  @CommandLine.Mixin
  TimeOrderOption timeOrder;

  @Option(names = "--json", description = "print a JSON summary instead of the table")
  boolean json;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    // before reading or labelling anything: a bad --out must not cost a whole run
    OutputPath.check(out);
    LabelerSuite suite = labelers == null ? LabelerSuite.defaults() : LabelerSuite.of(Labelers.byNames(labelers));
    SeriesFile file = timeOrder.read(input, spec.commandLine().getErr());
    checkWindowFits(file);
    Windowing windowing = windowing();
    List<Window> windows = new ArrayList<>();
    for (Series s : file.series()) {
      windows.addAll(windowing.apply(s));
    }
    if (windows.isEmpty()) {
      throw new IllegalArgumentException("no windows of length " + window + " in " + input);
    }
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("input", input.toString());
    meta.put("window", Integer.toString(window));
    meta.put("stride", Integer.toString(stride()));
    long t0 = System.nanoTime();
    BatchLabeling.Result r;
    try (ConsoleProgress pb = ConsoleProgress.start("label", windows.size())) {
      r = BatchLabeling.run(windows, suite, out, new BatchLabeling.Options(t, chunk, ConsensusConfig.DEFAULTS, 0L),
          meta, (done, total) -> pb.stepTo(done));
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    PrintWriter w = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("input", input.toString());
      m.put("out", out.toString());
      m.put("windows", windows.size());
      m.put("resumedWindows", r.resumedWindows());
      m.put("keptTargets", r.keptTargets());
      m.put("droppedTargets", r.droppedTargets());
      m.put("seconds", Math.round(secs * 1000) / 1000.0);
      m.put("labelers", r.analysis().rows());
      w.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
    } else {
      w.printf("labelled %d windows of %s (%d resumed) in %.1f s -> %s%n", windows.size(), input,
          r.resumedWindows(), secs, out);
      w.printf("consensus kept %d targets, dropped %d%n%n", r.keptTargets(), r.droppedTargets());
      w.print(r.analysis().toTable());
      w.println();
      w.print(TABLE_LEGEND);
      w.flush();
    }
    return 0;
  }

  /**
   * Refuses a {@code --window} longer than every series of the file: a series shorter than the
   * window gets one window padded with missing values, which is meant for the short members of a
   * dataset of unequal lengths, not for a window that no series fills.
   */
  void checkWindowFits(SeriesFile file) {
    Series longest = null;
    for (Series s : file.series()) {
      if (longest == null || s.length() > longest.length()) {
        longest = s;
      }
    }
    if (longest != null && window > longest.length()) {
      throw new IllegalArgumentException("--window " + window + " is longer than every series in "
          + input + " (the longest, '" + longest.id() + "', has " + longest.length()
          + " samples); choose --window " + longest.length() + " or less");
    }
  }

  /** The stride in force: {@code --stride}, or the window length when it is not given. */
  int stride() {
    return stride == null ? window : stride;
  }

  /**
   * Windows of {@code --window} samples every {@link #stride()} samples, plus a last window that
   * ends at the last sample.
   *
   * @throws IllegalArgumentException if the window or the stride is not positive
   */
  Windowing windowing() {
    if (window <= 0) {
      throw new IllegalArgumentException("--window must be a positive number of samples, got " + window);
    }
    if (stride() <= 0) {
      throw new IllegalArgumentException("--stride must be a positive number of samples, got " + stride());
    }
    return Windowing.fixed(window, stride(), Windowing.Tail.SHIFT_BACK);
  }
}
