package io.florets.labelers.nab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Leave-one-category-out selection and scoring on a NAB corpus: for each category (the first folder of
 * a file's path, e.g. {@code realKnownCause}), a candidate detector and its threshold are chosen on the
 * files of the other categories only (the candidate with the highest raw NAB score there, at NAB's
 * optimised threshold), and the held-out category's files are scored with that choice. The held-out
 * per-file raw scores of all folds cover the corpus once; they are summed and normalised the way NAB
 * normalises a whole corpus, against the null detector and a perfect detector on the same files.
 *
 * <p>Detector scores are computed once per candidate and file and cached; thresholds are re-chosen on
 * the cached scores. Stateless and thread-safe.
 */
public final class CategoryCrossValidation {
  private CategoryCrossValidation() {}

  /**
   * One fold's choice for one profile.
   *
   * @param heldOut the category left out
   * @param candidate the index of the chosen candidate in the candidate list
   * @param settings the chosen candidate's settings
   * @param threshold the threshold chosen on the training categories
   * @param trainScore the chosen candidate's raw score on the training categories at that threshold
   * @param heldOutRaw the raw score of the held-out files at the chosen candidate and threshold
   * @param heldOutNormalised the held-out category's own normalised score; NaN when it has no windows
   * @param files the held-out per-file scores
   */
  public record Fold(String heldOut, int candidate, Record settings, double threshold, double trainScore,
      double heldOutRaw, double heldOutNormalised, List<FileScore> files) {
    /** Copies the file list. */
    public Fold {
      files = List.copyOf(files);
    }
  }

  /**
   * The cross-validated result for one profile.
   *
   * @param profile the profile
   * @param normalisedScore the held-out raw scores of all folds, summed and normalised
   * @param rawScore that sum
   * @param nullScore the null detector's raw score on the whole corpus (NAB's optimiser)
   * @param perfectScore {@code tpWeight} times the corpus's scored windows
   * @param folds one per category, in name order
   */
  public record ProfileCv(NabProfile profile, double normalisedScore, double rawScore, double nullScore,
      double perfectScore, List<Fold> folds) {
    /** Copies the fold list. */
    public ProfileCv {
      folds = List.copyOf(folds);
    }
  }

  /** The category of a file: the first folder of its relative path (the whole path when it has none). */
  public static String category(NabSeries s) {
    String p = s.relativePath();
    int slash = p.indexOf('/');
    return slash < 0 ? p : p.substring(0, slash);
  }

  /** The corpus's categories, in name order, each with its files' indices. */
  public static Map<String, List<Integer>> categories(List<NabSeries> corpus) {
    Map<String, List<Integer>> out = new TreeMap<>();
    for (int f = 0; f < corpus.size(); f++) {
      out.computeIfAbsent(category(corpus.get(f)), k -> new ArrayList<>()).add(f);
    }
    return out;
  }

  /**
   * Runs every candidate over every file (in parallel, one session per file) and cross-validates.
   *
   * @throws IllegalArgumentException when the corpus has fewer than two categories or no candidate is given
   */
  public static List<ProfileCv> run(List<NabSeries> corpus, List<? extends StreamingDetector> candidates,
      List<NabProfile> profiles) {
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException("no candidate detectors to choose from");
    }
    int files = corpus.size();
    List<double[]> flat = IntStream.range(0, candidates.size() * files).parallel()
        .mapToObj(k -> candidates.get(k / files).scoreAll(corpus.get(k % files).values()))
        .collect(Collectors.toList());
    List<List<double[]>> scores = new ArrayList<>();
    List<Record> settings = new ArrayList<>();
    for (int c = 0; c < candidates.size(); c++) {
      scores.add(flat.subList(c * files, (c + 1) * files));
      settings.add(candidates.get(c).settings());
    }
    return select(corpus, scores, settings, profiles);
  }

  /**
   * Cross-validates on cached scores.
   *
   * @param scores per candidate, one score array per file in corpus order
   * @param settings per candidate, its settings (for the report)
   * @throws IllegalArgumentException when the corpus has fewer than two categories or the lists disagree
   */
  public static List<ProfileCv> select(List<NabSeries> corpus, List<List<double[]>> scores, List<Record> settings,
      List<NabProfile> profiles) {
    Map<String, List<Integer>> cats = categories(corpus);
    if (cats.size() < 2) {
      throw new IllegalArgumentException("leave-one-category-out needs at least two categories, got " + cats.keySet());
    }
    if (scores.isEmpty() || scores.size() != settings.size()) {
      throw new IllegalArgumentException(scores.size() + " candidate score lists for " + settings.size() + " settings");
    }
    for (List<double[]> s : scores) {
      if (s.size() != corpus.size()) {
        throw new IllegalArgumentException(s.size() + " score arrays for " + corpus.size() + " files");
      }
    }
    List<ProfileCv> out = new ArrayList<>();
    for (NabProfile p : profiles) {
      List<Fold> folds = new ArrayList<>();
      double raw = 0;
      for (Map.Entry<String, List<Integer>> e : cats.entrySet()) {
        Fold fold = fold(corpus, scores, settings, p, e.getKey(), e.getValue());
        folds.add(fold);
        raw += fold.heldOutRaw();
      }
      double nullScore = NabBenchmark.nullScore(corpus, p);
      double perfect = perfect(corpus, p);
      out.add(new ProfileCv(p, NabScorer.normalise(raw, nullScore, perfect), raw, nullScore, perfect, folds));
    }
    return out;
  }

  private static Fold fold(List<NabSeries> corpus, List<List<double[]>> scores, List<Record> settings, NabProfile p,
      String heldOut, List<Integer> heldIdx) {
    List<Integer> trainIdx = IntStream.range(0, corpus.size()).filter(f -> !heldIdx.contains(f)).boxed()
        .collect(Collectors.toList());
    List<NabSeries> train = pick(corpus, trainIdx);
    List<ThresholdChoice> choices = IntStream.range(0, scores.size()).parallel()
        .mapToObj(c -> NabScorer.optimiseThreshold(train, pick(scores.get(c), trainIdx), p))
        .collect(Collectors.toList());
    int best = 0;
    for (int c = 1; c < choices.size(); c++) {
      if (choices.get(c).score() > choices.get(best).score()) {
        best = c;
      }
    }
    double threshold = choices.get(best).threshold();
    List<FileScore> files = new ArrayList<>();
    double raw = 0;
    for (int f : heldIdx) {
      FileScore fs = NabScorer.scoreFile(corpus.get(f), scores.get(best).get(f), p, threshold);
      files.add(fs);
      raw += fs.score();
    }
    List<NabSeries> held = pick(corpus, heldIdx);
    double perfect = perfect(held, p);
    double nullHeld = NabBenchmark.nullScore(held, p);
    double norm = perfect > nullHeld ? NabScorer.normalise(raw, nullHeld, perfect) : Double.NaN;
    return new Fold(heldOut, best, settings.get(best), threshold, choices.get(best).score(), raw, norm, files);
  }

  private static double perfect(List<NabSeries> files, NabProfile p) {
    return p.tpWeight() * files.stream().mapToInt(NabScorer::scoredWindows).sum();
  }

  private static <T> List<T> pick(List<T> all, List<Integer> idx) {
    List<T> out = new ArrayList<>(idx.size());
    for (int i : idx) {
      out.add(all.get(i));
    }
    return out;
  }

  /** Per candidate index, how many folds of {@code cv} chose it. */
  public static Map<Integer, Integer> votes(ProfileCv cv) {
    Map<Integer, Integer> out = new LinkedHashMap<>();
    for (Fold f : cv.folds()) {
      out.merge(f.candidate(), 1, Integer::sum);
    }
    return out;
  }
}
