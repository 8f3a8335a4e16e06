package io.florets.prompt.serial;

import io.florets.prompt.task.Contract;
import io.florets.prompt.task.Prompt;
import io.florets.prompt.task.Task;
import io.florets.prompt.task.Tasks;
import io.florets.prompt.vocab.Quantizer;
import io.florets.prompt.vocab.TokenGroup;
import io.florets.prompt.vocab.Vocabulary;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Serializes the targets of one image ({@link ImageTruth}) into answer token sequences, Florence-2
 * style: {@code label<loc_x1><loc_y1><loc_x2><loc_y2>...} with {@code <loc_q>} quantised on the
 * original width (x) and height (y). Boxes are written in order of (x1, y1, x2, y2) bins, then
 * label; at most {@link Contract#MAX_ITEMS}. Label words must be image labels or class names of the
 * vocabulary. Immutable and thread-safe.
 */
public final class ImageSerializer {
  private final Encoding enc;
  private final BitSet labelWords;

  /** A serializer over {@code vocab}. */
  public ImageSerializer(Vocabulary vocab) {
    this.enc = new Encoding(vocab);
    this.labelWords = vocab.group(TokenGroup.IMAGE_LABEL);
    labelWords.or(vocab.group(TokenGroup.CLASS_NAME));
  }

  /**
   * The training pairs of one image: {@code <CLASSIFY>}, captions (when present), {@code <OD>}
   * (always), one {@code <REGION_TO_CATEGORY>} per box and one {@code <CAPTION_TO_PHRASE_GROUNDING>}
   * per distinct label (at most {@link Contract#MAX_ITEMS} of each).
   */
  public List<TrainingPair> pairs(ImageTruth truth) {
    Set<Prompt<?>> prompts = new LinkedHashSet<>();
    prompts.add(Tasks.IMAGE_CLASSIFY.prompt());
    prompts.add(Tasks.IMAGE_CAPTION.prompt());
    prompts.add(Tasks.IMAGE_DETAILED_CAPTION.prompt());
    prompts.add(Tasks.OD.prompt());
    sorted(truth).stream().limit(Contract.MAX_ITEMS).forEach(b -> prompts.add(Prompt.regionToCategoryPixels(
        b.x1(), b.y1(), b.x2(), b.y2(), truth.width(), truth.height())));
    truth.boxes().stream().map(ImageBox::label).distinct().limit(Contract.MAX_ITEMS)
        .forEach(l -> prompts.add(Prompt.phraseGrounding(l)));
    List<TrainingPair> out = new ArrayList<>();
    for (Prompt<?> p : prompts) {
      serialize(p, truth).ifPresent(ids -> out.add(new TrainingPair(p, p.tokens(enc.vocab), ids)));
    }
    return out;
  }

  /**
   * The answer of {@code prompt} for the image, or empty if the truth says nothing about it.
   *
   * @throws IllegalArgumentException for a label word or class name outside the vocabulary
   */
  public Optional<int[]> serialize(Prompt<?> prompt, ImageTruth truth) {
    Task<?> task = prompt.task();
    List<Integer> out = new ArrayList<>();
    if (task == Tasks.IMAGE_CLASSIFY) {
      if (truth.classLabelText().isEmpty()) {
        return Optional.empty();
      }
      String label = truth.classLabel();
      int id = enc.vocab.find(label).orElse(-1);
      if (!enc.vocab.in(TokenGroup.CLASS_NAME, id)) {
        throw new IllegalArgumentException("image class '" + label + "' is not a class name of the vocabulary;"
            + " add it with Vocabulary.withClassNames");
      }
      out.add(id);
    } else if (task == Tasks.IMAGE_CAPTION) {
      return truth.captionText().map(c -> enc.text(prompt, c));
    } else if (task == Tasks.IMAGE_DETAILED_CAPTION) {
      return truth.detailedCaptionText().map(c -> enc.text(prompt, c));
    } else if (task == Tasks.OD) {
      boxes(sorted(truth), truth, out);
    } else if (task == Tasks.REGION_TO_CATEGORY) {
      int[] q = prompt.bins();
      Optional<ImageBox> hit = sorted(truth).stream().filter(b -> java.util.Arrays.equals(bins(b, truth), q)).findFirst();
      if (hit.isEmpty()) {
        return Optional.empty();
      }
      for (int id : enc.labelWords(hit.get().label(), labelWords, "region")) {
        out.add(id);
      }
    } else if (task == Tasks.CAPTION_TO_PHRASE_GROUNDING) {
      int[] phrase = enc.tokenizer.encode(prompt.phrase().orElseThrow());
      List<ImageBox> matching = sorted(truth).stream()
          .filter(b -> contains(phrase, enc.tokenizer.encode(b.label()))).toList();
      boxes(matching, truth, out);
    } else {
      throw new IllegalArgumentException("task " + task.name() + " is not an image task; use SeriesSerializer");
    }
    out.add(Vocabulary.EOS);
    return Optional.of(Encoding.toArray(out));
  }

  private void boxes(List<ImageBox> boxes, ImageTruth truth, List<Integer> out) {
    int n = 0;
    int[] prev = null;
    String prevLabel = null;
    for (ImageBox b : boxes) {
      int[] q = bins(b, truth);
      if (n == Contract.MAX_ITEMS || (java.util.Arrays.equals(q, prev) && b.label().equals(prevLabel))) {
        continue;
      }
      for (int id : enc.labelWords(b.label(), labelWords, "box")) {
        out.add(id);
      }
      out.add(enc.vocab.locId(q[0]));
      out.add(enc.vocab.locId(q[1]));
      out.add(enc.vocab.locId(q[2]));
      out.add(enc.vocab.locId(q[3]));
      prev = q;
      prevLabel = b.label();
      n++;
    }
  }

  private static boolean contains(int[] text, int[] part) {
    for (int i = 0; i + part.length <= text.length; i++) {
      if (java.util.Arrays.equals(text, i, i + part.length, part, 0, part.length)) {
        return true;
      }
    }
    return false;
  }

  private static int[] bins(ImageBox b, ImageTruth t) {
    return new int[] {Quantizer.quantize(b.x1(), t.width()), Quantizer.quantize(b.y1(), t.height()),
        Quantizer.quantize(b.x2(), t.width()), Quantizer.quantize(b.y2(), t.height())};
  }

  private static List<ImageBox> sorted(ImageTruth t) {
    return sorted(t.boxes(), t);
  }

  private static List<ImageBox> sorted(List<ImageBox> boxes, ImageTruth t) {
    List<ImageBox> s = new ArrayList<>(boxes);
    s.sort(Comparator.<ImageBox, int[]>comparing(b -> bins(b, t), java.util.Arrays::compare)
        .thenComparing(ImageBox::label));
    return s;
  }
}
