package io.florets.datasets.io;

/** The file formats that {@link SeriesFiles} reads. */
public enum SeriesFormat {
  /** UCR/UEA {@code .ts} (sktime/aeon): header tags, then one case per line. */
  TS("ts"),
  /** Weka {@code .arff}: one attribute per time step, or a relational attribute per channel. */
  ARFF("arff"),
  /** UCR 2018 {@code .tsv}: tab-separated, class label first. */
  UCR_TSV("ucr-tsv"),
  /** UCR 2015 {@code .txt}: whitespace- or comma-separated, class label first. */
  UCR_TXT("ucr-txt"),
  /** CSV with an optional timestamp column and one or more value columns (e.g. NAB). */
  CSV("csv"),
  /** An Arrow IPC file of series written by {@code ArrowSeries}. */
  ARROW_SERIES("arrow-series"),
  /** An Arrow IPC file of a {@code DenseDataset} written by {@code DenseDatasetArrow}. */
  ARROW_DENSE("arrow-dense");

  private final String key;

  SeriesFormat(String key) {
    this.key = key;
  }

  /** Short lower-case name used in summaries and JSON, e.g. {@code "ts"}. */
  public String key() {
    return key;
  }
}
