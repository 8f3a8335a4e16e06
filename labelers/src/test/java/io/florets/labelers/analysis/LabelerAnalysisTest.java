package io.florets.labelers.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.ShapeFacet;
import io.florets.datasets.target.ShapeTag;
import io.florets.datasets.target.TargetKind;
import io.florets.labelers.Labeler;
import io.florets.labelers.signal.WindowAnalysis;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Analysis figures on a hand-computed vote matrix. */
class LabelerAnalysisTest {

  private static Labeler trendLabeler(String name) {
    return new Labeler() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String version() {
        return "1";
      }

      @Override
      public Set<TargetKind> kinds() {
        return Set.of(TargetKind.SHAPE_TAG);
      }

      @Override
      public Set<ShapeFacet> facets() {
        return Set.of(ShapeFacet.TREND);
      }

      @Override
      public List<Annotation> label(WindowAnalysis analysis) {
        return List.of();
      }
    };
  }

  private static Annotation vote(String source, String value) {
    return new Annotation(new ShapeTag(ShapeFacet.TREND, value), source, "1", 1);
  }

  @Test
  void figuresMatchAHandComputedVoteMatrix() throws Exception {
    // window:  A            B            C            gold
    // 0        increasing   increasing   -            increasing
    // 1        steady       increasing   steady       steady
    // 2        -            decreasing   decreasing   decreasing
    // 3        steady       -            -            increasing
    List<List<Annotation>> raw = List.of(
        List.of(vote("A", "increasing"), vote("B", "increasing")),
        List.of(vote("A", "steady"), vote("B", "increasing"), vote("C", "steady")),
        List.of(vote("B", "decreasing"), vote("C", "decreasing")),
        List.of(vote("A", "steady")));
    List<List<Annotation>> gold = List.of(List.of(Annotation.truth(new ShapeTag(ShapeFacet.TREND, "increasing"))),
        List.of(Annotation.truth(new ShapeTag(ShapeFacet.TREND, "steady"))),
        List.of(Annotation.truth(new ShapeTag(ShapeFacet.TREND, "decreasing"))),
        List.of(Annotation.truth(new ShapeTag(ShapeFacet.TREND, "increasing"))));
    LabelerAnalysis a = LabelerAnalysis.of(List.of(trendLabeler("A"), trendLabeler("B"), trendLabeler("C")),
        raw, gold, 2, 0.1);
    LabelerSummary sa = a.summaries().get(0);
    LabelerSummary sb = a.summaries().get(1);
    LabelerSummary sc = a.summaries().get(2);
    assertEquals(4, sa.slots());
    // A: votes on 0,1,3 -> coverage 3/4; overlaps on 0,1 -> 2/4; conflicts on 1 (B says increasing) -> 1/4
    assertEquals(0.75, sa.coverage(), 1e-12);
    assertEquals(0.5, sa.overlap(), 1e-12);
    assertEquals(0.25, sa.conflict(), 1e-12);
    assertEquals(2.0 / 3, sa.accuracy(), 1e-12);
    // B: votes on 0,1,2; overlaps on all three; conflicts on 1 -> 1/4; correct on 0 and 2
    assertEquals(0.75, sb.coverage(), 1e-12);
    assertEquals(0.75, sb.overlap(), 1e-12);
    assertEquals(0.25, sb.conflict(), 1e-12);
    assertEquals(2.0 / 3, sb.accuracy(), 1e-12);
    // C: votes on 1,2; overlaps on both; conflicts on 1; correct on both
    assertEquals(0.5, sc.coverage(), 1e-12);
    assertEquals(0.5, sc.overlap(), 1e-12);
    assertEquals(0.25, sc.conflict(), 1e-12);
    assertEquals(1.0, sc.accuracy(), 1e-12);
    assertEquals(4, a.toTable().split("\n").length);
    assertTrue(a.hasGold());
    assertTrue(a.toTable().lines().findFirst().orElseThrow().endsWith("accuracy"), a.toTable());
    assertTrue(a.toTable().contains("1.000"), a.toTable());

    // without gold there is nothing to put in an accuracy column: it is left out
    LabelerAnalysis noGold = LabelerAnalysis.of(List.of(trendLabeler("A"), trendLabeler("B"),
        trendLabeler("C")), raw, null, 2, 0.1);
    assertFalse(noGold.hasGold());
    assertFalse(noGold.toTable().contains("accuracy"), noGold.toTable());
    assertFalse(noGold.toTable().contains(" -"), noGold.toTable());
    assertEquals(4, noGold.toTable().split("\n").length);
    // and in JSON: no "accuracy": null on every row, but the key where gold judged
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    assertFalse(json.writeValueAsString(noGold.rows()).contains("accuracy"));
    assertTrue(json.writeValueAsString(a.rows()).contains("\"accuracy\":1.0"));
  }
}
