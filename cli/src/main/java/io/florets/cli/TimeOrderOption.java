package io.florets.cli;

import io.florets.datasets.io.SeriesFile;
import io.florets.datasets.io.SeriesFiles;
import io.florets.datasets.io.csv.CsvSeriesReader;
import io.florets.datasets.io.csv.TimeOrder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The one reading policy of the commands that read a series file ({@code inspect}, {@code ask},
 * {@code label}, {@code train --data}): what a CSV file whose timestamps repeat or step back (as
 * around daylight-saving changes in some NAB files) becomes. One option, {@value #NAME}, with the
 * same default and values on every command, and one note when the time axis is dropped. A picocli
 * mixin: {@code @Mixin TimeOrderOption timeOrder;}.
 */
final class TimeOrderOption {
  /** The option's name on every command that reads series files. */
  static final String NAME = "--time-order";
  /** The name under which {@link Main} adds this mixin to a command that does not declare it. */
  static final String MIXIN = "timeOrder";
  /** The default: keep every sample, drop only the time axis (what {@code label} always did). */
  static final TimeOrder DEFAULT = TimeOrder.KEEP_SAMPLES;

  @Option(names = NAME, defaultValue = "KEEP_SAMPLES", paramLabel = "POLICY",
      description = "CSV timestamps that repeat or step back: KEEP_SAMPLES (default; every sample is "
          + "kept in file order, the time axis is dropped with a note, positions are sample "
          + "indices) or STRICT (reject the file, naming the line)")
  TimeOrder order = DEFAULT;

  /** The policy in force. */
  TimeOrder order() {
    return order;
  }

  /**
   * The policy of a command: its {@value #MIXIN} mixin (declared or added by {@link Main}), else the
   * default.
   */
  static TimeOrder of(CommandSpec spec) {
    CommandSpec m = spec.mixins().get(MIXIN);
    if (m != null && m.userObject() instanceof TimeOrderOption t) {
      return t.order();
    }
    return DEFAULT;
  }

  /**
   * Reads every series of {@code input} under {@code order} ({@link SeriesFiles#read(Path,
   * TimeOrder)}) and prints {@link #noteIfDropped the note} on {@code err} when the time axis was
   * dropped.
   */
  static SeriesFile read(Path input, TimeOrder order, PrintWriter err) throws IOException {
    SeriesFile f = SeriesFiles.read(input, order);
    noteIfDropped(input, f.metadata(), err);
    return f;
  }

  /** {@link #read(Path, TimeOrder, PrintWriter)} under this option's policy. */
  SeriesFile read(Path input, PrintWriter err) throws IOException {
    return read(input, order, err);
  }

  /**
   * Prints the one note of every command on {@code err} when a CSV read under
   * {@link TimeOrder#KEEP_SAMPLES} dropped the time axis ({@code timestampsDropped} in the file
   * metadata, see {@link CsvSeriesReader#read(io.florets.datasets.io.TextFile, TimeOrder)}).
   */
  static void noteIfDropped(Path input, Map<String, String> metadata, PrintWriter err) {
    String dropped = metadata.get("timestampsDropped");
    if (dropped != null) {
      err.println(note(input, dropped));
      err.flush();
    }
  }

  /** The note's text. */
  static String note(Path input, String dropped) {
    return "florets: note: " + input + ": timestamps are not strictly increasing (" + dropped
        + "); the time axis is dropped, windows use sample positions (" + NAME
        + " STRICT rejects such a file)";
  }
}
