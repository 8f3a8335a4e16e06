package io.florets.labelers.changepoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a whole series into segments, the number unknown: find the best split of the series by its
 * {@link ClassificationProfile}, keep it if its two-proportion z statistic reaches the threshold, and
 * split both sides the same way until no side can be split or no split is significant. Each side gets
 * its own neighbour search, so windows are only compared within the range being split.
 *
 * <p>{@link #candidates} runs the recursion once down to a loose floor and records, for every split,
 * the smallest z on its path from the root; the change points for any stricter threshold are then
 * the candidates whose path z reaches it (a split is only tried once its parent was accepted). That
 * makes choosing the threshold by cross-validation over many series cheap. Thread-safe (immutable).
 */
public final class ClassificationSegmenter {
  private final Config config;

  /**
   * Settings.
   *
   * @param neighbours k of the nearest-neighbour vote (odd, &ge; 1)
   * @param minSegmentWindows shortest segment in windows: a split keeps this many window lengths on
   *     each side
   * @param zThreshold smallest z statistic of an accepted split (&gt; 0)
   */
  public record Config(int neighbours, int minSegmentWindows, double zThreshold) {
    /** Validates. */
    public Config {
      if (neighbours < 1 || neighbours % 2 == 0 || minSegmentWindows < 1 || !(zThreshold > 0)) {
        throw new IllegalArgumentException("segmenter config needs odd neighbours >= 1, minSegmentWindows >= 1 "
            + "and zThreshold > 0, got " + neighbours + ", " + minSegmentWindows + ", " + zThreshold);
      }
    }

    /**
     * k = 3, segments of at least 5 windows, z threshold 10: the threshold that leave-one-out
     * cross-validation over the public half of the Time Series Segmentation Benchmark chooses for
     * every held-out series (for comparison, a p-value of 1e-15 is z = 7.9).
     */
    public static Config defaults() {
      return new Config(3, 5, 10);
    }

    /** The same settings with another z threshold. */
    public Config withZThreshold(double z) {
      return new Config(neighbours, minSegmentWindows, z);
    }
  }

  /**
   * One split the recursion accepted at the loose floor.
   *
   * @param changePoint index where the right side starts
   * @param z the split's own z statistic
   * @param pathZ the smallest z on the path from the whole series down to this split
   * @param score the split's macro F1
   */
  public record Candidate(int changePoint, double z, double pathZ, double score) {
  }

  private ClassificationSegmenter(Config config) {
    this.config = config;
  }

  /** A segmenter with these settings. */
  public static ClassificationSegmenter of(Config config) {
    return new ClassificationSegmenter(java.util.Objects.requireNonNull(config, "config"));
  }

  /** The settings. */
  public Config config() {
    return config;
  }

  /**
   * The change points of {@code x}, in increasing order.
   *
   * @param x the series (finite values)
   * @param window window length in samples (&ge; 2), e.g. the length of one repeating pattern
   */
  public int[] changePoints(double[] x, int window) {
    return select(candidates(x, window, config.zThreshold()), config.zThreshold());
  }

  /** The change points among {@code candidates} whose path z reaches {@code zThreshold}, sorted. */
  public static int[] select(List<Candidate> candidates, double zThreshold) {
    return candidates.stream().filter(c -> c.pathZ() >= zThreshold).mapToInt(Candidate::changePoint)
        .sorted().toArray();
  }

  /**
   * Every split accepted with the threshold {@code floor}, with its path z.
   *
   * @throws IllegalArgumentException if a value is not finite or {@code window < 2}
   */
  public List<Candidate> candidates(double[] x, int window, double floor) {
    if (window < 2) {
      throw new IllegalArgumentException("window must be >= 2 samples, got " + window);
    }
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(x[i])) {
        throw new IllegalArgumentException("series value at index " + i + " is not finite: " + x[i]);
      }
    }
    List<Candidate> out = new ArrayList<>();
    split(x, 0, x.length, window, floor, Double.POSITIVE_INFINITY, out);
    out.sort((a, b) -> Integer.compare(a.changePoint(), b.changePoint()));
    return List.copyOf(out);
  }

  private void split(double[] x, int from, int to, int w, double floor, double pathZ, List<Candidate> out) {
    int minSeg = config.minSegmentWindows() * w;
    int k = config.neighbours();
    if (to - from < 2 * minSeg || to - from - w + 1 < 2 * (k + w / 2 + 1)) {
      return;
    }
    SubsequenceNeighbours nn = SubsequenceNeighbours.of(x, from, to, w, k);
    ClassificationProfile p = ClassificationProfile.of(nn, to - from, w, minSeg);
    if (p.split() < 0 || !(p.z() >= floor)) {
      return;
    }
    double z = Math.min(pathZ, p.z());
    int cp = from + p.split();
    out.add(new Candidate(cp, p.z(), z, p.score()));
    split(x, from, cp, w, floor, z, out);
    split(x, cp, to, w, floor, z, out);
  }

  @Override
  public String toString() {
    return "ClassificationSegmenter" + Arrays.asList(config.neighbours(), config.minSegmentWindows(),
        config.zThreshold());
  }
}
