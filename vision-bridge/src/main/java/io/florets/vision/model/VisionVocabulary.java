package io.florets.vision.model;

import io.florets.engine.VocabSpec;
import io.florets.prompt.vocab.Vocabulary;
import io.florets.vision.data.Background;
import io.florets.vision.data.Digits;
import io.florets.vision.data.ShapeKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The vocabulary of the vision model: the standard contract vocabulary plus the words of scene
 * captions that it lacks (plural shape names, background words) and the digit class names. Built
 * deterministically, so its hash identifies it.
 */
public final class VisionVocabulary {
  private VisionVocabulary() {
  }

  /** Caption words added to the standard vocabulary. */
  public static List<String> captionWords() {
    List<String> w = new ArrayList<>();
    for (ShapeKind k : ShapeKind.values()) {
      w.add(k.plural());
    }
    for (Background b : Background.values()) {
      w.add(b.word());
    }
    w.addAll(List.of("dark", "light", "nothing"));
    return w;
  }

  /** Builds the vocabulary. */
  public static Vocabulary build() {
    return Vocabulary.builder().words(captionWords()).classNames(Digits.classWords()).build();
  }

  /** What the engine needs of a vocabulary. */
  public static VocabSpec spec(Vocabulary v) {
    return new VocabSpec(v.size(), Vocabulary.PAD, Vocabulary.BOS, Vocabulary.EOS, v.hash());
  }
}
