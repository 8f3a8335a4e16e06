package io.florets.cli.fuzz;

import java.io.IOException;
import io.florets.datasets.DenseDataset;
import io.florets.datasets.Series;
import io.florets.datasets.io.SeriesFile;
import io.florets.datasets.io.SeriesFiles;
import io.florets.datasets.io.arff.ArffReader;
import io.florets.datasets.io.arrow.ArrowSeries;
import io.florets.datasets.io.arrow.DenseDatasetArrow;
import io.florets.datasets.io.csv.CsvSeriesReader;
import io.florets.datasets.io.csv.TimeOrder;
import io.florets.datasets.io.nab.NabLabels;
import io.florets.datasets.io.ts.TsReader;
import io.florets.datasets.io.ucr.UcrTextReader;
import io.florets.datasets.synthetic.SyntheticConfig;
import io.florets.datasets.synthetic.SyntheticGenerator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every fuzz target, by name. The readers are those of {@code io.florets.datasets.io} (the JSONL
 * format is written only, so it has no target), plus the model-folder loader and the prompt parser.
 */
public final class FuzzTargets {
  private static final List<String> TS_WORDS = List.of("@problemName", "@timeStamps", "@missing",
      "@univariate", "@dimensions", "@equalLength", "@seriesLength", "@classLabel", "@targetLabel",
      "@data", "true", "false", ":", "(", ")", "(2014-01-01 00:00:00,1.0)", "?", "@seriesLength 0",
      "@dimensions 100000", "@seriesLength 2147483647");
  private static final List<String> ARFF_WORDS = List.of("@relation", "@attribute", "numeric",
      "real", "relational", "@end", "string", "{a,b}", "@data", "'", "\\n", "?", "{}", "'a\\nb'");
  private static final List<String> CSV_WORDS = List.of("timestamp", "value", ",,", "2013-07-04 00:00:00",
      "2013-07-04 00:00:00.000000", "2013-07-04T00:00:00Z", "2013-07-03 23:00:00", "1373000000",
      "\"a,b\"", "\"\"");
  private static final List<String> JSON_WORDS = List.of("{}", "[]", "[[", "]]", "\"a.csv\":", "\"\"",
      "null", "[\"2013-12-15 07:00:00.000000\",\"2013-12-10 07:00:00.000000\"]", "1e400", "{\"k\":{}}");
  private static final List<String> ARROW_WORDS = List.of("ARROW1", "florets.kind", "series",
      "dense-dataset", "florets.version", "florets.checksum", "sha256:");

  private static final Map<String, FuzzTarget> ALL = build();

  private FuzzTargets() {
  }

  /** Every target, in the order of {@code florets fuzz --target all}. */
  public static List<FuzzTarget> all() {
    return List.copyOf(ALL.values());
  }

  /** The target called {@code name}. */
  public static Optional<FuzzTarget> byName(String name) {
    return Optional.ofNullable(ALL.get(name));
  }

  /** The target names, comma-separated. */
  public static String names() {
    return String.join(", ", ALL.keySet());
  }

  private static Map<String, FuzzTarget> build() {
    Map<String, FuzzTarget> m = new LinkedHashMap<>();
    add(m, new ReaderTarget("ts", ".ts", "sktime/aeon .ts files (TsReader)", TsReader::read, TS_WORDS, null));
    add(m, new ReaderTarget("arff", ".arff", "Weka/UCR .arff files, relational (multivariate) too "
        + "(ArffReader)", ArffReader::read, ARFF_WORDS, null));
    add(m, new ReaderTarget("ucr-tsv", ".tsv", "UCR 2018 .tsv files (UcrTextReader.readTsv)",
        UcrTextReader::readTsv, List.of("\t", "\t\t", "NaN", "1\t"), null));
    add(m, new ReaderTarget("ucr-txt", ".txt", "UCR 2015 .txt files (UcrTextReader.readTxt)",
        UcrTextReader::readTxt, List.of("   ", "1.0000000e+00", "  NaN", "\t"), null));
    add(m, new ReaderTarget("csv", ".csv", "sensor CSV files with a timestamp column, read strictly "
        + "and keeping samples (CsvSeriesReader)", FuzzTargets::readCsvBothWays, CSV_WORDS, null));
    add(m, new ReaderTarget("nab-labels", ".json", "NAB combined_windows.json label files (NabLabels)",
        NabLabels::read, JSON_WORDS, null));
    add(m, new ReaderTarget("arrow-series", ".arrow", "series Arrow IPC files (ArrowSeries), sealed "
        + "and without a checksum", ArrowSeries::read, ARROW_WORDS, FuzzTargets::arrowSeriesSeeds));
    add(m, new ReaderTarget("arrow-dense", ".arrow", "dense-dataset Arrow IPC files "
        + "(DenseDatasetArrow), sealed and without a checksum", DenseDatasetArrow::read, ARROW_WORDS,
        FuzzTargets::arrowDenseSeeds));
    add(m, new ReaderTarget("detect", "", "files without an extension: format detection from the "
        + "content, then the matching reader (SeriesFiles.summarize)", SeriesFiles::summarize,
        concat(TS_WORDS, ARFF_WORDS, ARROW_WORDS), FuzzTargets::detectSeeds));
    add(m, new PromptTarget());
    add(m, new ModelFolderTarget()); // last: each accepted input loads a model
    return m;
  }

  private static void add(Map<String, FuzzTarget> m, FuzzTarget t) {
    m.put(t.name(), t);
  }

  @SafeVarargs
  private static List<String> concat(List<String>... lists) {
    List<String> out = new ArrayList<>();
    for (List<String> l : lists) {
      out.addAll(l);
    }
    return out;
  }

  private static Object readCsvBothWays(Path file) throws IOException {
    SeriesFile strict = null;
    try {
      strict = CsvSeriesReader.read(file, TimeOrder.STRICT);
    } catch (io.florets.datasets.io.DataFormatException e) {
      // the lenient policy must still either read it or explain why not
    }
    SeriesFile lenient = CsvSeriesReader.read(file, TimeOrder.KEEP_SAMPLES);
    return strict == null ? lenient : strict;
  }

  /** Arrow series files written from the text seeds: checksummed, and with the checksum key renamed. */
  private static List<FuzzTarget.Input> arrowSeriesSeeds(Path work) throws IOException {
    List<Series> all = new ArrayList<>();
    for (String t : List.of("ts", "csv", "arff")) {
      for (FuzzTarget.Input in : Corpus.seeds(t)) {
        Path f = work.resolve("seed-" + in.name());
        Files.write(f, in.data());
        all.addAll(SeriesFiles.read(f, TimeOrder.KEEP_SAMPLES).series());
        Files.delete(f);
      }
    }
    List<FuzzTarget.Input> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i += 3) {
      Path f = work.resolve("seed-series.arrow");
      ArrowSeries.write(f, all.subList(i, Math.min(all.size(), i + 3)));
      byte[] b = Files.readAllBytes(f);
      Files.delete(f);
      out.add(new FuzzTarget.Input("series-" + i + ".arrow", b));
      out.add(new FuzzTarget.Input("series-" + i + "-unsealed.arrow", unsealed(b)));
    }
    return out;
  }

  private static List<FuzzTarget.Input> arrowDenseSeeds(Path work) throws IOException {
    List<FuzzTarget.Input> out = new ArrayList<>();
    for (int seed = 1; seed <= 2; seed++) {
      DenseDataset d = SyntheticGenerator.generate(SyntheticConfig.builder().count(3).length(64)
          .channels(seed).seed(seed).events(0, 2).build());
      Path f = work.resolve("seed-dense.arrow");
      DenseDatasetArrow.write(f, d);
      byte[] b = Files.readAllBytes(f);
      Files.delete(f);
      out.add(new FuzzTarget.Input("dense-" + seed + ".arrow", b));
      out.add(new FuzzTarget.Input("dense-" + seed + "-unsealed.arrow", unsealed(b)));
    }
    return out;
  }

  private static List<FuzzTarget.Input> detectSeeds(Path work) throws IOException {
    List<FuzzTarget.Input> out = new ArrayList<>(arrowSeriesSeeds(work).subList(0, 2));
    out.addAll(arrowDenseSeeds(work).subList(0, 2));
    return out;
  }

  /**
   * {@code arrow} with the checksum's metadata key renamed (same length, so the file stays valid):
   * the reader then takes it for a file written before checksums, and mutations reach the rows.
   */
  static byte[] unsealed(byte[] arrow) {
    byte[] key = "florets.checksum".getBytes(StandardCharsets.US_ASCII);
    byte[] b = arrow.clone();
    outer:
    for (int i = 0; i + key.length <= b.length; i++) {
      for (int k = 0; k < key.length; k++) {
        if (b[i + k] != key[k]) {
          continue outer;
        }
      }
      b[i + 11] = 'x'; // florets.che[c]ksum -> florets.chexksum
    }
    return Arrays.equals(b, arrow) ? arrow : b;
  }

  /**
   * Null if {@code e} is an {@code expected} exception with a message that names {@code name}
   * (when not null) and does not merely wrap a programming error thrown in Florets code; otherwise
   * why it is a crash.
   */
  static String violation(Throwable e, Class<? extends Throwable> expected, String name, String what) {
    if (!expected.isInstance(e)) {
      return "not a " + expected.getSimpleName();
    }
    String m = e.getMessage();
    if (m == null || m.isBlank()) {
      return "blank message";
    }
    if (name != null && !m.contains(name)) {
      return "message does not name " + what;
    }
    for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
      if (isProgrammingError(c)) {
        StackTraceElement[] st = c.getStackTrace();
        if (st.length > 0 && st[0].getClassName().startsWith("io.florets.")) {
          return "wraps a " + c.getClass().getSimpleName() + " thrown in Florets code";
        }
      }
    }
    return null;
  }

  private static boolean isProgrammingError(Throwable c) {
    return c instanceof NullPointerException || c instanceof IndexOutOfBoundsException
        || c instanceof ClassCastException || c instanceof ArithmeticException
        || c instanceof NegativeArraySizeException || c instanceof ArrayStoreException
        || c instanceof Error;
  }
}
