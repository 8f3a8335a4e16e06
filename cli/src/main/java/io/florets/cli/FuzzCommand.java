package io.florets.cli;

import java.io.IOException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.florets.cli.fuzz.FuzzReport;
import io.florets.cli.fuzz.FuzzTarget;
import io.florets.cli.fuzz.Fuzzer;
import io.florets.cli.fuzz.FuzzTargets;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code florets fuzz}: mutation fuzzing of the file readers, the model-folder loader and the prompt parser. */
@Command(name = "fuzz", mixinStandardHelpOptions = true,
    description = {
        "Fuzz a reader: feed it mutations of real seed files (bit flips, truncation, boundary and "
            + "huge numbers, NaN/Infinity, wrong column counts, duplicated or swapped lines, invalid "
            + "UTF-8, splices) and check that every input is either read or refused with the reader's "
            + "own clear exception. Anything else (NullPointerException, "
            + "ArrayIndexOutOfBoundsException, OutOfMemoryError, a blank message, ...) is a crash; an "
            + "input that runs longer than --timeout-ms is a hang. The first input of each distinct "
            + "crash is minimised and saved under --out.",
        "",
        "Targets:",
        "  ts            .ts files (TsReader); expects DataFormatException naming the file",
        "  arff          .arff files (ArffReader); DataFormatException",
        "  ucr-tsv       UCR .tsv files (UcrTextReader.readTsv); DataFormatException",
        "  ucr-txt       UCR .txt files (UcrTextReader.readTxt); DataFormatException",
        "  csv           sensor CSV files, strict and keeping samples (CsvSeriesReader); DataFormatException",
        "  nab-labels    NAB combined_windows.json files (NabLabels); DataFormatException",
        "  arrow-series  series Arrow files (ArrowSeries); DataFormatException",
        "  arrow-dense   dense-dataset Arrow files (DenseDatasetArrow); DataFormatException",
        "  detect        files without an extension (SeriesFiles.summarize); DataFormatException",
        "  prompt        prompt strings (PromptParser); PromptException, and accepted prompts must "
            + "parse back to themselves",
        "  model-folder  bundle.json, vocabulary.json, engine/manifest.json, calibration.json of a "
            + "tiny model folder (ModelBundle.load); BundleException naming the folder",
        "  all           every target above, one after the other (--seconds and --max-inputs per target;",
        "                model-folder, the slowest, last)",
        "",
        "Prints a summary per target (JSON with --json: target, executions, crashes, hangs, seconds, "
            + "findings with the saved input and the exception); progress goes to standard error. "
            + "Exit status 0 if nothing crashed or hung, 1 otherwise. A run is reproducible from "
            + "--seed (up to timing: --seconds stops at a time, --max-inputs at a count).",
        ""})
public final class FuzzCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--target", required = true, paramLabel = "NAME",
      description = "Target name (see above), several separated by commas, or 'all'.")
  String target;

  @Option(names = "--seconds", paramLabel = "N",
      description = "Time budget per target (default: 10 s, or no limit when --max-inputs is given).")
  Double seconds;

  @Option(names = "--max-inputs", paramLabel = "N",
      description = "Inputs per target, seeds included (default: no limit).")
  Long maxInputs;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
      description = "Random seed of the mutations (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--timeout-ms", paramLabel = "MS", defaultValue = "2000",
      description = "Time limit per input; longer is a hang (default: ${DEFAULT-VALUE}).")
  long timeoutMillis;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "florets-out/fuzz",
      description = "Folder for crashing and hanging inputs, one subfolder per target "
          + "(default: ${DEFAULT-VALUE}; written only when something is found).")
  Path out;

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    List<FuzzTarget> targets = new ArrayList<>();
    if (target.equals("all")) {
      targets.addAll(FuzzTargets.all());
    } else {
      for (String name : target.split(",", -1)) {
        targets.add(FuzzTargets.byName(name.strip()).orElseThrow(() -> new IllegalArgumentException(
            "--target " + target + ": unknown target '" + name + "'; expected one of "
                + FuzzTargets.names() + ", a comma-separated list of them, or all")));
      }
    }
    if (seconds != null && !(seconds > 0)) {
      throw new IllegalArgumentException("--seconds " + seconds + ": expected a positive number");
    }
    if (maxInputs != null && maxInputs < 1) {
      throw new IllegalArgumentException("--max-inputs " + maxInputs + ": expected at least 1");
    }
    if (timeoutMillis < 1) {
      throw new IllegalArgumentException("--timeout-ms " + timeoutMillis + ": expected at least 1");
    }
    double budget = seconds != null ? seconds : maxInputs != null ? Double.POSITIVE_INFINITY : 10;
    PrintStream err = System.err;
    List<FuzzReport> reports = new ArrayList<>();
    for (FuzzTarget t : targets) {
      err.println("fuzz " + t.name() + ": " + t.description());
      FuzzReport r = Fuzzer.run(t, new Fuzzer.Options(seed, budget,
          maxInputs == null ? Long.MAX_VALUE : maxInputs, timeoutMillis, out, err));
      err.printf("fuzz %s: done: %,d inputs, %d crashes, %d hangs in %.1f s%n", t.name(),
          r.executions(), r.crashes(), r.hangs(), r.seconds());
      reports.add(r);
    }
    PrintWriter o = spec.commandLine().getOut();
    if (json) {
      ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      if (reports.size() == 1) {
        o.println(mapper.writeValueAsString(reports.get(0)));
      } else {
        ObjectNode root = mapper.createObjectNode();
        root.put("target", "all");
        root.put("seed", seed);
        root.put("executions", reports.stream().mapToLong(FuzzReport::executions).sum());
        root.put("crashes", reports.stream().mapToLong(FuzzReport::crashes).sum());
        root.put("hangs", reports.stream().mapToLong(FuzzReport::hangs).sum());
        root.put("seconds", Math.round(reports.stream().mapToDouble(FuzzReport::seconds).sum() * 1000) / 1000.0);
        ArrayNode a = root.putArray("targets");
        reports.forEach(r -> a.add(mapper.valueToTree(r)));
        o.println(mapper.writeValueAsString(root));
      }
    } else {
      o.printf("%-14s %12s %8s %6s %9s%n", "target", "executions", "crashes", "hangs", "seconds");
      for (FuzzReport r : reports) {
        o.printf("%-14s %12d %8d %6d %9.1f%n", r.target(), r.executions(), r.crashes(), r.hangs(), r.seconds());
        for (FuzzReport.Finding f : r.findings()) {
          o.printf("  %s x%d: %s%n    %s%n    input: %s%n", f.kind(), f.count(), f.signature(),
              f.exception(), f.input());
        }
      }
    }
    o.flush();
    boolean clean = reports.stream().allMatch(r -> r.crashes() == 0 && r.hangs() == 0);
    return clean ? 0 : 1;
  }
}
