package io.florets.prompt.facade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.Window;
import io.florets.prompt.readout.Embedding;
import io.florets.prompt.task.EmbedFacet;
import io.florets.prompt.task.Prompt;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetrievalIndexTest {
  private static Florets florets;
  private static List<Window> windows;

  @BeforeAll
  static void setUp() {
    // a facade over the shared tiny model, never closed (other test classes use the model)
    florets = Florets.of(TinyModels.bundle());
    windows = TinyModels.data().windows().subList(0, 12);
  }

  @Test
  void everyFacetGivesUnitVectorsWithTagsFromTheModel() {
    for (EmbedFacet f : EmbedFacet.values()) {
      List<FacetEmbedding> es = florets.embedAll(windows.subList(0, 3), f);
      assertEquals(3, es.size());
      for (FacetEmbedding e : es) {
        double n = 0;
        for (float v : e.embedding().vector()) {
          n += v * v;
        }
        assertEquals(1.0, Math.sqrt(n), 1e-4, f + " vector length");
        assertEquals(f == EmbedFacet.GENERAL, e.tags().isEmpty(), f + " tags " + e.tags());
      }
    }
    // the class facet's tag is one of the model's class names; its vector is sqrt of a distribution
    FacetEmbedding c = florets.embedAll(windows.subList(0, 1), EmbedFacet.CLASS).get(0);
    assertTrue(TinyModels.classNames().contains(c.tags().get(0).value()), c.tags().toString());
    assertEquals(TinyModels.classNames().size(), c.embedding().dimension());
    float[] v = c.embedding().vector();
    int best = 0;
    for (int j = 1; j < v.length; j++) {
      best = v[j] > v[best] ? j : best;
    }
    assertEquals(v[best] * v[best], c.tags().get(0).confidence(), 1e-5);
    // asking the prompt gives the same vector
    Embedding asked = florets.ask(windows.get(0), Prompt.embed(EmbedFacet.CLASS));
    assertEquals(c.embedding(), asked);
  }

  @Test
  void savedIndexLoadsBackWithTheSameAnswers(@TempDir Path dir) throws Exception {
    RetrievalIndex idx = florets.index(windows, EmbedFacet.NOISE);
    List<RetrievalIndex.Neighbour> before = idx.nearest(windows.get(4), 5);
    idx.save(dir);
    RetrievalIndex back = RetrievalIndex.load(dir, Optional.of(florets));
    assertEquals(EmbedFacet.NOISE, back.facet());
    assertEquals(idx.ids(), back.ids());
    List<RetrievalIndex.Neighbour> after = back.nearest(windows.get(4), 5);
    assertEquals(answers(before), answers(after));
    for (int j = 0; j < after.size(); j++) {
      assertTrue(java.util.Arrays.deepEquals(before.get(j).window().values(), after.get(j).window().values()));
    }
    assertEquals(windows.get(4).seriesId() + "@" + windows.get(4).start(), after.get(0).id());
    assertEquals(1.0, after.get(0).similarity(), 1e-5);
    assertFalse(after.get(0).tags().isEmpty());

    RetrievalIndex vectorsOnly = RetrievalIndex.load(dir, Optional.empty());
    Embedding q = florets.embed(windows.get(4), EmbedFacet.NOISE);
    assertEquals(answers(before), answers(vectorsOnly.nearest(q, 5)));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> vectorsOnly.nearest(windows.get(4), 5));
    assertTrue(e.getMessage().contains("without a model"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> vectorsOnly.nearest(florets.embed(windows.get(4)), 5), "general vector in a noise index");
  }

  /** What a neighbour answers but its window (a loaded window keeps samples, id and start only). */
  private static List<String> answers(List<RetrievalIndex.Neighbour> ns) {
    return ns.stream().map(n -> n.index() + " " + n.id() + " " + n.similarity() + " " + n.tags()).toList();
  }

  @Test
  void removedEntriesAreNotAnswered() {
    RetrievalIndex idx = florets.index(windows, EmbedFacet.TREND);
    String gone = idx.ids().get(3);
    assertTrue(idx.remove(gone));
    assertFalse(idx.remove(gone));
    assertEquals(windows.size() - 1, idx.size());
    for (RetrievalIndex.Neighbour n : idx.nearest(windows.get(3), windows.size())) {
      assertFalse(n.id().equals(gone), "removed " + gone + " answered");
      assertEquals(n.id(), idx.ids().get(n.index()));
    }
    List<String> again = idx.add(List.of(windows.get(3)));
    assertEquals(List.of(gone), again);
    assertThrows(IllegalArgumentException.class, () -> idx.add(List.of(gone), List.of(windows.get(3))));
  }

  @Test
  void concurrentReadsAnswerAsOneThreadDoes() throws Exception {
    RetrievalIndex idx = florets.index(windows, EmbedFacet.EVENTS);
    List<Embedding> qs = new ArrayList<>();
    for (Window w : windows) {
      qs.add(florets.embed(w, EmbedFacet.EVENTS));
    }
    List<List<RetrievalIndex.Neighbour>> serial = new ArrayList<>();
    for (Embedding q : qs) {
      serial.add(idx.nearest(q, 4));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<RetrievalIndex.Neighbour>>> fs = new ArrayList<>();
      for (int j = 0; j < 200; j++) {
        Embedding q = qs.get(j % qs.size());
        fs.add(pool.submit(() -> idx.nearest(q, 4)));
      }
      for (int j = 0; j < fs.size(); j++) {
        assertEquals(serial.get(j % qs.size()), fs.get(j).get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
