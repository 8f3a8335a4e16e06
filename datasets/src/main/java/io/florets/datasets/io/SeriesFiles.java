package io.florets.datasets.io;

import io.florets.datasets.io.arff.ArffReader;
import io.florets.datasets.io.arrow.ArrowFiles;
import io.florets.datasets.io.arrow.ArrowSeries;
import io.florets.datasets.io.arrow.DenseDatasetArrow;
import io.florets.datasets.io.csv.CsvSeriesReader;
import io.florets.datasets.io.csv.TimeOrder;
import io.florets.datasets.io.ts.TsReader;
import io.florets.datasets.io.ucr.UcrTextReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The one entry point for reading series files: detects the format from the extension, or from the
 * content when the extension says nothing, and hands the file to the matching reader. Stateless
 * and thread-safe.
 */
public final class SeriesFiles {
  private SeriesFiles() {
  }

  /**
   * Reads every series of {@code path}.
   *
   * @throws DataFormatException if the format is unknown or the content is malformed; a dense
   *     dataset file must be read with {@link DenseDatasetArrow#read} (or summarised with
   *     {@link #summarize})
   * @throws IOException if the file cannot be read
   */
  public static SeriesFile read(Path path) throws IOException {
    return read(path, TimeOrder.STRICT);
  }

  /**
   * Reads every series of {@code path}; a CSV file whose timestamps are not strictly increasing is
   * handled by {@code order} (other formats ignore it).
   *
   * @throws DataFormatException if the format is unknown or the content is malformed
   * @throws IOException if the file cannot be read
   */
  public static SeriesFile read(Path path, TimeOrder order) throws IOException {
    SeriesFormat f = detect(path);
    switch (f) {
      case TS:
        return TsReader.read(path);
      case ARFF:
        return ArffReader.read(path);
      case UCR_TSV:
        return UcrTextReader.readTsv(path);
      case UCR_TXT:
        return UcrTextReader.readTxt(path);
      case CSV:
        return CsvSeriesReader.read(path, order);
      case ARROW_SERIES:
        return ArrowSeries.read(path);
      default:
        throw DataFormatException.inFile(path, "holds a dense dataset (windows and annotations), not "
            + "series; read it with DenseDatasetArrow.read");
    }
  }

  /** Summarises any readable file: series files and dense dataset files alike. */
  public static DatasetSummary summarize(Path path) throws IOException {
    SeriesFormat f = detect(path);
    if (f == SeriesFormat.ARROW_DENSE) {
      return DatasetSummary.of(path, DenseDatasetArrow.read(path));
    }
    return DatasetSummary.of(read(path));
  }

  /**
   * The format of {@code path}: from its extension ({@code .ts .arff .tsv .txt .csv .arrow .feather
   * .ipc}), else from its first bytes.
   */
  public static SeriesFormat detect(Path path) throws IOException {
    if (!Files.isRegularFile(path)) {
      throw new java.nio.file.NoSuchFileException(path.toString(), null, "no such file");
    }
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
    switch (ext) {
      case "ts":
        return SeriesFormat.TS;
      case "arff":
        return SeriesFormat.ARFF;
      case "tsv":
        return SeriesFormat.UCR_TSV;
      case "txt":
        return SeriesFormat.UCR_TXT;
      case "csv":
        return SeriesFormat.CSV;
      default:
        break;
    }
    if (ArrowFiles.isArrowFile(path)) {
      Optional<String> kind = ArrowFiles.kindOf(path);
      if (kind.isPresent() && kind.get().equals("dense-dataset")) {
        return SeriesFormat.ARROW_DENSE;
      }
      if (kind.isPresent() && kind.get().equals("series")) {
        return SeriesFormat.ARROW_SERIES;
      }
      throw DataFormatException.inFile(path, "Arrow file without a Florets layout (schema metadata "
          + "florets.kind = " + kind.orElse("absent") + "); expected 'series' or 'dense-dataset'");
    }
    return sniffText(path, ext);
  }

  private static SeriesFormat sniffText(Path path, String ext) throws IOException {
    if (Files.size(path) == 0) {
      throw DataFormatException.inFile(path, "file is empty; expected a series file");
    }
    try (BufferedReader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      String line;
      int seen = 0;
      while ((line = r.readLine()) != null && seen < 200) {
        seen++;
        String s = line.strip().toLowerCase(Locale.ROOT);
        if (s.isEmpty() || s.startsWith("#") || s.startsWith("%")) {
          continue;
        }
        if (s.startsWith("@relation")) {
          return SeriesFormat.ARFF;
        }
        if (s.startsWith("@")) {
          return SeriesFormat.TS;
        }
        if (s.contains("\t")) {
          return SeriesFormat.UCR_TSV;
        }
        break;
      }
    } catch (java.nio.charset.CharacterCodingException e) {
      throw DataFormatException.inFile(path, "is neither an Arrow file nor UTF-8 text");
    }
    throw DataFormatException.inFile(path, "cannot tell the format from the extension '" + ext
        + "' or the content; expected .ts, .arff, .tsv, .txt, .csv or an Arrow IPC file");
  }
}
