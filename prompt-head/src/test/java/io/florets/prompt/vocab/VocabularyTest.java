package io.florets.prompt.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.target.EventType;
import io.florets.datasets.target.Property;
import io.florets.datasets.target.SegmentLabel;
import io.florets.datasets.target.ShapeFacet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocabularyTest {
  @Test
  void layoutHasTheContractTokens() {
    Vocabulary v = Vocabulary.standard();
    assertEquals(0, v.id("<pad>"));
    assertEquals(1, v.id("<s>"));
    assertEquals(2, v.id("</s>"));
    assertEquals(3, v.id("<unk>"));
    assertEquals(4, v.id("<sep>"));
    assertEquals(v.id("<t_0>") + 999, v.id("<t_999>"));
    assertEquals(v.id("<loc_0>") + 999, v.id("<loc_999>"));
    assertEquals(16, v.channels());
    assertEquals(v.id("<ch_15>"), v.channelId(15));
    for (EventType t : EventType.values()) {
      assertTrue(v.in(TokenGroup.EVENT_TYPE, v.id(t.token())));
    }
    for (ShapeFacet f : ShapeFacet.values()) {
      assertTrue(v.in(TokenGroup.FACET, v.id(f.token())));
      f.allowed().forEach(w -> assertTrue(v.in(TokenGroup.FACET_VALUE, v.id(w))));
    }
    for (Property p : Property.values()) {
      assertTrue(v.in(TokenGroup.PROPERTY, v.id(p.token())));
    }
    for (SegmentLabel s : SegmentLabel.values()) {
      assertTrue(v.in(TokenGroup.SEGMENT_LABEL, v.id(s.token())));
    }
    assertTrue(v.in(TokenGroup.IMAGE_LABEL, v.id("seven")) && v.in(TokenGroup.IMAGE_LABEL, v.id("red")));
    // "square" is both a seasonality value and a shape name: one token, two roles
    assertTrue(v.in(TokenGroup.FACET_VALUE, v.id("square")) && v.in(TokenGroup.IMAGE_LABEL, v.id("square")));
  }

  @Test
  void buildIsDeterministic() {
    Vocabulary a = Vocabulary.builder().words(List.of("zeta", "alpha", "mid")).classNames(List.of("b", "a")).build();
    Vocabulary b = Vocabulary.builder().words(List.of("mid", "zeta", "alpha")).classNames(List.of("b", "a")).build();
    assertEquals(a.tokens(), b.tokens());
    assertEquals(a.hash(), b.hash());
    assertNotEquals(a.hash(), Vocabulary.standard().hash());
  }

  /**
   * The standard vocabulary's hash is pinned in a resource file, so that a change in token order or
   * content (or any run-to-run nondeterminism) is noticed. Update the file only when the vocabulary
   * changes on purpose; trained models record the hash they were trained with.
   */
  @Test
  void standardHashIsStableAcrossRuns() throws IOException {
    Path golden = Path.of("src/test/resources/io/florets/prompt/vocab/standard-hash.txt");
    String expected = Files.readString(golden).strip();
    Vocabulary v = Vocabulary.standard();
    System.out.printf("standard vocabulary: %d tokens, hash %s%n", v.size(), v.hash());
    assertEquals(expected, v.hash(), "the standard vocabulary changed; if on purpose, update " + golden);
  }

  @Test
  void addingClassNamesKeepsIds() {
    Vocabulary v = Vocabulary.builder().classNames(List.of("walking", "running")).build();
    Vocabulary w = v.withClassNames(List.of("running", "Normal beat", "circle", "sitting"));
    for (int i = 0; i < v.size(); i++) {
      assertEquals(v.token(i), w.token(i));
    }
    assertEquals(List.of("walking", "running", "Normal beat", "circle", "sitting"), w.classNames());
    assertEquals(v.size() + 2, w.size());
    assertTrue(w.in(TokenGroup.CLASS_NAME, w.id("circle")) && w.in(TokenGroup.IMAGE_LABEL, w.id("circle")));
    assertThrows(IllegalArgumentException.class, () -> v.withClassNames(List.of("<t_3>")));
    assertThrows(IllegalArgumentException.class, () -> v.withClassNames(List.of(" padded")));
  }

  @Test
  void saveLoadRoundTripAndHashCheck(@TempDir Path dir) throws IOException {
    Vocabulary v = Vocabulary.builder().channels(6).words(List.of("gust", "drift")).classNames(List.of("A", "B b"))
        .build();
    Path f = dir.resolve("vocab.json");
    v.save(f);
    Vocabulary back = Vocabulary.load(f);
    assertEquals(v, back);
    assertEquals(v.hash(), back.hash());
    assertEquals(v.classNames(), back.classNames());
    assertEquals(v.group(TokenGroup.CLASS_NAME), back.group(TokenGroup.CLASS_NAME));

    Files.writeString(f, Files.readString(f).replace("\"drift\"", "\"drifts\""));
    VocabularyFormatException e = assertThrows(VocabularyFormatException.class, () -> Vocabulary.load(f));
    assertTrue(e.getMessage().contains("does not match"), e.getMessage());

    Files.writeString(f, "{\"format\":\"something-else\"}");
    assertThrows(VocabularyFormatException.class, () -> Vocabulary.load(f));
    Files.writeString(f, "{not json");
    assertThrows(VocabularyFormatException.class, () -> Vocabulary.load(f));
  }

  @Test
  void badArgumentsNameTheValue() {
    Vocabulary v = Vocabulary.standard();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> v.channelId(16));
    assertTrue(e.getMessage().contains("16"));
    assertThrows(IllegalArgumentException.class, () -> v.id("nonexistent_word"));
    assertThrows(IllegalArgumentException.class, () -> Vocabulary.builder().words(List.of("two words")));
    assertThrows(IllegalArgumentException.class, () -> Vocabulary.builder().channels(0));
  }
}
