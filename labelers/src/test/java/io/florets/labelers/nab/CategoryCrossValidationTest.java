package io.florets.labelers.nab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The leave-one-category-out protocol never lets the held-out category's files take part in a choice. */
class CategoryCrossValidationTest {
  private static final List<NabProfile> PROFILES = NabProfile.published();
  private static final List<StreamingDetector> CANDIDATES = List.of(new WindowedGaussianDetector(50, 5),
      new WindowedGaussianDetector(200, 10), new WindowedGaussianDetector(800, 50));

  /** A noisy file with spikes of the given heights inside labelled windows. */
  private static NabSeries file(String path, long seed, int n, double noise, int... spikes) {
    Random r = new Random(seed);
    double[] x = new double[n];
    String[] ts = new String[n];
    for (int i = 0; i < n; i++) {
      x[i] = 5 + Math.sin(2 * Math.PI * i / 50.0) + noise * r.nextGaussian();
      ts[i] = "t" + i;
    }
    List<IndexWindow> ws = new ArrayList<>();
    for (int s : spikes) {
      x[s] += 6;
      ws.add(new IndexWindow(s - 20, s + 20));
    }
    return NabSeries.of(path, ts, x, ws);
  }

  private static List<NabSeries> corpus(long heldOutSeed) {
    return List.of(file("alpha/a1.csv", 1, 1200, 0.2, 600, 1000), file("alpha/a2.csv", 2, 1000, 0.4, 700),
        file("beta/b1.csv", 3, 1500, 0.3, 900), file("beta/b2.csv", 4, 1100, 1.0, 500, 900),
        file("gamma/g1.csv", heldOutSeed, 1300 + (int) heldOutSeed, 0.5 + heldOutSeed % 3, 650),
        file("gamma/g2.csv", heldOutSeed + 1, 900, 0.1, 400 + (int) (heldOutSeed % 100)));
  }

  private static CategoryCrossValidation.Fold fold(List<CategoryCrossValidation.ProfileCv> cvs, int profile,
      String category) {
    return cvs.get(profile).folds().stream().filter(f -> f.heldOut().equals(category)).findFirst().orElseThrow();
  }

  @Test
  void aFoldsChoiceIsInvariantToItsHeldOutFiles() {
    List<CategoryCrossValidation.ProfileCv> a = CategoryCrossValidation.run(corpus(10), CANDIDATES, PROFILES);
    List<CategoryCrossValidation.ProfileCv> b = CategoryCrossValidation.run(corpus(77), CANDIDATES, PROFILES);
    for (int p = 0; p < PROFILES.size(); p++) {
      CategoryCrossValidation.Fold fa = fold(a, p, "gamma");
      CategoryCrossValidation.Fold fb = fold(b, p, "gamma");
      assertEquals(fa.candidate(), fb.candidate(), "the chosen candidate must not depend on the held-out files");
      assertEquals(fa.threshold(), fb.threshold(), 0.0, "the threshold must not depend on the held-out files");
      assertEquals(fa.trainScore(), fb.trainScore(), 0.0);
    }
    assertNotEquals(fold(a, 0, "gamma").files(), fold(b, 0, "gamma").files(),
        "the held-out files did change, and so did their counts");
  }

  @Test
  void cachedScoresOfTheHeldOutCategoryAreNeverConsulted() {
    List<NabSeries> corpus = corpus(10);
    List<List<double[]>> scores = new ArrayList<>();
    List<Record> settings = new ArrayList<>();
    for (StreamingDetector d : CANDIDATES) {
      List<double[]> s = new ArrayList<>();
      for (NabSeries f : corpus) {
        s.add(d.scoreAll(f.values()));
      }
      scores.add(s);
      settings.add(d.settings());
    }
    List<CategoryCrossValidation.ProfileCv> honest = CategoryCrossValidation.select(corpus, scores, settings, PROFILES);
    // overwrite every candidate's scores on the held-out category with a candidate-specific constant
    List<List<double[]>> tampered = new ArrayList<>();
    for (int c = 0; c < scores.size(); c++) {
      List<double[]> s = new ArrayList<>(scores.get(c));
      for (int f = 4; f < 6; f++) {
        double[] v = new double[corpus.get(f).length()];
        Arrays.fill(v, c == 0 ? 1.0 : 0.0);
        s.set(f, v);
      }
      tampered.add(s);
    }
    List<CategoryCrossValidation.ProfileCv> t = CategoryCrossValidation.select(corpus, tampered, settings, PROFILES);
    for (int p = 0; p < PROFILES.size(); p++) {
      assertEquals(fold(honest, p, "gamma").candidate(), fold(t, p, "gamma").candidate());
      assertEquals(fold(honest, p, "gamma").threshold(), fold(t, p, "gamma").threshold(), 0.0);
    }
  }

  @Test
  void heldOutFilesCoverTheCorpusOnceAndArePooledLikeNab() {
    List<NabSeries> corpus = corpus(10);
    List<CategoryCrossValidation.ProfileCv> cvs = CategoryCrossValidation.run(corpus, CANDIDATES, PROFILES);
    for (CategoryCrossValidation.ProfileCv cv : cvs) {
      List<String> seen = new ArrayList<>();
      double raw = 0;
      for (CategoryCrossValidation.Fold f : cv.folds()) {
        f.files().forEach(fs -> seen.add(fs.relativePath()));
        raw += f.files().stream().mapToDouble(FileScore::score).sum();
      }
      seen.sort(null);
      assertEquals(corpus.stream().map(NabSeries::relativePath).sorted().toList(), seen);
      assertEquals(raw, cv.rawScore(), 1e-9);
      assertEquals(NabScorer.normalise(raw, NabBenchmark.nullScore(corpus, cv.profile()), cv.perfectScore()),
          cv.normalisedScore(), 1e-9);
      assertTrue(cv.normalisedScore() > 0, "spikes this clear are found: " + cv.normalisedScore());
    }
  }

  @Test
  void sharedCombinedStreamsChooseAsRunningEachCandidate() {
    // the combined family's cross-validation shares score streams across candidates; it must score every
    // candidate exactly as the detector does when it streams (refractory and top of each rise included)
    List<NabSeries> corpus = corpus(10);
    List<CombinedConfig> grid = CombinedConfig.candidates().subList(0, 4);
    List<CategoryCrossValidation.ProfileCv> shared = ContextualGrid.combined(corpus, grid, PROFILES);
    List<CategoryCrossValidation.ProfileCv> each = CategoryCrossValidation.run(corpus,
        grid.stream().map(CombinedDetector::of).toList(), PROFILES);
    for (int p = 0; p < PROFILES.size(); p++) {
      assertEquals(each.get(p).rawScore(), shared.get(p).rawScore(), 0.0);
      for (int f = 0; f < each.get(p).folds().size(); f++) {
        assertEquals(each.get(p).folds().get(f).candidate(), shared.get(p).folds().get(f).candidate());
        assertEquals(each.get(p).folds().get(f).threshold(), shared.get(p).folds().get(f).threshold(), 0.0);
      }
    }
  }

  @Test
  void oneCategoryIsRejected() {
    List<NabSeries> one = List.of(file("alpha/a1.csv", 1, 500, 0.2, 300), file("alpha/a2.csv", 2, 500, 0.2, 300));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CategoryCrossValidation.run(one, CANDIDATES, PROFILES));
    assertTrue(e.getMessage().contains("alpha"), e.getMessage());
  }
}
