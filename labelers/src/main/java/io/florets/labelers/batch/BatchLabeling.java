package io.florets.labelers.batch;

import io.florets.datasets.DenseDataset;
import io.florets.datasets.Window;
import io.florets.datasets.io.arrow.DenseDatasetArrow;
import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.CaptionText;
import io.florets.labelers.Labeler;
import io.florets.labelers.LabelerSuite;
import io.florets.labelers.analysis.LabelerAnalysis;
import io.florets.labelers.caption.CaptionComposer;
import io.florets.labelers.consensus.Consensus;
import io.florets.labelers.consensus.ConsensusConfig;
import io.florets.labelers.consensus.ConsensusResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Labels a list of windows with a suite, merges by consensus, adds captions, and writes a
 * {@link DenseDataset} as an Arrow IPC file, resumably.
 *
 * <p>Windows are labelled in chunks of {@code chunkSize} on {@code threads} threads without locks
 * ({@link ParallelLabeling}). Each finished chunk's raw annotations are written next to the output,
 * in {@code OUT.parts/chunk-NNNNNN.arrow}, by writing a temporary file and renaming it, so a chunk
 * is either complete or absent. A later run over the same input (checked against a fingerprint of
 * the windows and the suite kept in {@code OUT.parts/manifest.properties}) reads the finished chunks
 * back and labels only the rest: no window is lost or labelled twice. When every chunk is done, the
 * label model is fitted on all raw annotations, the output is written (again via a temporary file)
 * and the parts folder is removed.
 */
public final class BatchLabeling {
  private static final Logger LOG = LoggerFactory.getLogger(BatchLabeling.class);

  /**
   * Settings.
   *
   * @param threads labelling threads, &ge; 1
   * @param chunkSize windows per checkpoint chunk, &ge; 1
   * @param consensus consensus settings
   * @param captionSeed seed of the caption phrasing
   */
  public record Options(int threads, int chunkSize, ConsensusConfig consensus, long captionSeed) {
    public Options {
      if (threads < 1 || chunkSize < 1) {
        throw new IllegalArgumentException("threads and chunkSize must be >= 1, got " + threads + ", " + chunkSize);
      }
      Objects.requireNonNull(consensus, "consensus");
    }
  }

  /**
   * What a run did.
   *
   * @param dataset the written dataset
   * @param analysis the labeler analysis over the raw annotations
   * @param resumedWindows windows whose labels were read back from checkpoints
   * @param keptTargets targets kept by consensus (captions excluded)
   * @param droppedTargets targets dropped by consensus
   */
  public record Result(DenseDataset dataset, LabelerAnalysis analysis, int resumedWindows,
      long keptTargets, long droppedTargets) {
  }

  /** Told after each chunk: windows done so far (resumed included) and the total. */
  @FunctionalInterface
  public interface Progress {
    void update(int done, int total);
  }

  private BatchLabeling() {
  }

  /** The checkpoint folder used for {@code out}. */
  public static Path partsDir(Path out) {
    return out.resolveSibling(out.getFileName() + ".parts");
  }

  /**
   * Runs (or resumes) the labelling.
   *
   * @param windows the windows, in output order
   * @param suite the labelers
   * @param out the output Arrow file
   * @param options settings
   * @param metadata extra dataset metadata (e.g. the input path)
   * @param progress progress callback, or {@code null}
   * @throws IOException if a checkpoint or the output cannot be read or written
   * @throws IllegalStateException if existing checkpoints belong to a different input or suite
   * @throws IllegalArgumentException if {@code out} cannot be written ({@link OutputPath#check}),
   *     checked before any window is labelled
   */
  public static Result run(List<Window> windows, LabelerSuite suite, Path out, Options options,
      Map<String, String> metadata, Progress progress) throws IOException {
    OutputPath.check(out);
    int n = windows.size();
    Path parts = partsDir(out);
    Files.createDirectories(parts);
    String fingerprint = fingerprint(windows, suite, options.chunkSize());
    checkManifest(parts, fingerprint, n);
    List<List<Annotation>> raw = new ArrayList<>(n);
    int resumed = 0;
    int chunks = (n + options.chunkSize() - 1) / options.chunkSize();
    for (int c = 0; c < chunks; c++) {
      int from = c * options.chunkSize();
      int to = Math.min(n, from + options.chunkSize());
      List<Window> part = windows.subList(from, to);
      Path file = parts.resolve(String.format("chunk-%06d.arrow", c));
      List<List<Annotation>> labels;
      if (Files.exists(file)) {
        labels = readChunk(file, part);
        resumed += part.size();
      } else {
        labels = ParallelLabeling.label(part, suite, options.threads(), null);
        List<DenseDataset.Entry> entries = new ArrayList<>(part.size());
        for (int i = 0; i < part.size(); i++) {
          entries.add(new DenseDataset.Entry(part.get(i), labels.get(i)));
        }
        Path tmp = parts.resolve(file.getFileName() + ".tmp");
        DenseDatasetArrow.write(tmp, DenseDataset.of(entries, Map.of("chunk", Integer.toString(c))));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
      raw.addAll(labels);
      if (progress != null) {
        progress.update(to, n);
      }
    }
    if (resumed > 0) {
      LOG.info("resumed {} of {} windows from {}", resumed, n, parts);
    }
    List<Labeler> labelers = suite.labelers();
    Consensus consensus = Consensus.fit(labelers, raw, options.consensus());
    CaptionComposer composer = CaptionComposer.of(options.captionSeed());
    List<DenseDataset.Entry> entries = new ArrayList<>(n);
    long kept = 0;
    long dropped = 0;
    for (int i = 0; i < n; i++) {
      Window w = windows.get(i);
      ConsensusResult r = consensus.apply(w.length(), raw.get(i));
      List<Annotation> anns = new ArrayList<>(r.kept());
      kept += r.kept().size();
      dropped += r.dropped().size();
      for (CaptionText cap : composer.compose(r.kept(), w.length(), i)) {
        anns.add(new Annotation(cap, "caption.composer", "1", 1.0));
      }
      entries.add(new DenseDataset.Entry(w, anns));
    }
    Map<String, String> meta = new LinkedHashMap<>(metadata);
    meta.put("labelers", String.join(",", suite.names()));
    meta.put("consensus", Consensus.SOURCE + "@" + Consensus.VERSION + " " + options.consensus());
    meta.put("windows", Integer.toString(n));
    DenseDataset dataset = DenseDataset.of(entries, meta);
    Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
    DenseDatasetArrow.write(tmp, dataset);
    Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    deleteTree(parts);
    LabelerAnalysis analysis = LabelerAnalysis.of(labelers, raw, null,
        options.consensus().tolerance(n == 0 ? 1 : windows.get(0).length()), options.consensus().maxRelativeSpread());
    return new Result(dataset, analysis, resumed, kept, dropped);
  }

  private static List<List<Annotation>> readChunk(Path file, List<Window> part) throws IOException {
    DenseDataset d = DenseDatasetArrow.read(file);
    if (d.size() != part.size()) {
      throw new IllegalStateException("checkpoint " + file + " holds " + d.size() + " windows, expected "
          + part.size() + "; delete " + file.getParent() + " to start over");
    }
    List<List<Annotation>> out = new ArrayList<>(d.size());
    for (int i = 0; i < d.size(); i++) {
      Window w = d.get(i).window();
      Window e = part.get(i);
      if (!w.seriesId().equals(e.seriesId()) || w.start() != e.start()) {
        throw new IllegalStateException("checkpoint " + file + " entry " + i + " is window "
            + w.seriesId() + "@" + w.start() + ", expected " + e.seriesId() + "@" + e.start());
      }
      out.add(d.get(i).annotations());
    }
    return out;
  }

  private static void checkManifest(Path parts, String fingerprint, int n) throws IOException {
    Path manifest = parts.resolve("manifest.properties");
    Properties p = new Properties();
    if (Files.exists(manifest)) {
      try (InputStream in = Files.newInputStream(manifest)) {
        p.load(in);
      }
      if (!fingerprint.equals(p.getProperty("fingerprint"))) {
        throw new IllegalStateException("checkpoints in " + parts + " were written for a different input, "
            + "window settings or labeler suite (fingerprint " + p.getProperty("fingerprint") + ", now "
            + fingerprint + "); delete that folder to start over");
      }
      return;
    }
    p.setProperty("fingerprint", fingerprint);
    p.setProperty("windows", Integer.toString(n));
    Path tmp = parts.resolve("manifest.properties.tmp");
    try (OutputStream o = Files.newOutputStream(tmp)) {
      p.store(o, "florets batch labelling checkpoint");
    }
    Files.move(tmp, manifest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** A hash of the windows (ids, starts, values), the suite (names, versions) and the chunk size. */
  static String fingerprint(List<Window> windows, LabelerSuite suite, int chunkSize) {
    long h = 1125899906842597L;
    for (Window w : windows) {
      h = 31 * h + w.seriesId().hashCode();
      h = 31 * h + w.start();
      for (int c = 0; c < w.channels(); c++) {
        for (float v : w.channelView(c)) {
          h = 31 * h + Float.floatToIntBits(v);
        }
      }
    }
    for (Labeler l : suite.labelers()) {
      h = 31 * h + (l.name() + "@" + l.version()).hashCode();
    }
    h = 31 * h + chunkSize;
    return Long.toHexString(h) + "-" + windows.size();
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
