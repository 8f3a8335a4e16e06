package io.florets.prompt.serial;

import io.florets.prompt.grammar.GrammarState;
import io.florets.prompt.grammar.Grammars;
import io.florets.prompt.task.Prompt;
import io.florets.prompt.vocab.NumberCodec;
import io.florets.prompt.vocab.TokenGroup;
import io.florets.prompt.vocab.Tokenizer;
import io.florets.prompt.vocab.Vocabulary;
import java.util.ArrayList;
import java.util.List;

/** Token-writing helpers shared by the serializers. */
final class Encoding {
  final Vocabulary vocab;
  final Tokenizer tokenizer;
  final Grammars grammars;

  Encoding(Vocabulary vocab) {
    this(new Grammars(vocab));
  }

  Encoding(Grammars grammars) {
    this.vocab = grammars.vocabulary();
    this.tokenizer = new Tokenizer(vocab);
    this.grammars = grammars;
  }

  static int[] toArray(List<Integer> ids) {
    return ids.stream().mapToInt(Integer::intValue).toArray();
  }

  void channel(List<Integer> out, int channel) {
    if (channel >= 0) {
      out.add(vocab.channelId(channel));
    }
  }

  void number(List<Integer> out, double v) {
    for (int id : NumberCodec.encode(v, vocab)) {
      out.add(id);
    }
  }

  /**
   * Free text for a text task: tokens its grammar cannot take ({@code <unk>}, angle tokens) are
   * dropped, and the text is cut at the grammar's length limit. Returns {@code null} if nothing is left,
   * or if the task has a {@link io.florets.prompt.grammar.CaptionLexicon} and the text uses a word
   * outside it (a text in another language than the one the model answers in is no answer).
   */
  int[] text(Prompt<?> prompt, String text) {
    int[] ids = tokenizer.encode(text);
    if (!grammars.lexicon(prompt.task()).map(l -> inLexicon(ids, l)).orElse(true)) {
      return null;
    }
    GrammarState s = grammars.forPrompt(prompt).start();
    List<Integer> out = new ArrayList<>();
    int whole = 0;
    for (int t : ids) {
      if (t == Vocabulary.EOS) {
        continue;
      }
      if (s.isAllowed(t)) {
        s = s.next(t);
        out.add(t);
        whole = s.complete() ? out.size() : whole;
      } else if (vocab.in(TokenGroup.WORD, t) || vocab.in(TokenGroup.PUNCT, t) || vocab.in(TokenGroup.SPELL, t)) {
        break; // the length limit is reached: cut here rather than glue spelled pieces together
      }
    }
    // cut after the last point where the answer may end (never inside a spelled word of a lexicon)
    List<Integer> kept = out.subList(0, whole);
    if (kept.isEmpty()) {
      return null;
    }
    kept.add(Vocabulary.EOS);
    return toArray(kept);
  }

  /** Whether every word, spelled word and punctuation mark of {@code ids} is in {@code lexicon}. */
  private boolean inLexicon(int[] ids, io.florets.prompt.grammar.CaptionLexicon lexicon) {
    int i = 0;
    while (i < ids.length) {
      int j = i + 1;
      if (ids[i] == vocab.spellId()) {
        while (j < ids.length && vocab.charOf(ids[j]) != 0) {
          j++;
        }
      }
      if (!lexicon.contains(tokenizer.decode(ids, i, j))) {
        return false;
      }
      i = j;
    }
    return true;
  }

  /** Label words of a box or category: every word must be an image label or class name. */
  int[] labelWords(String label, java.util.BitSet allowed, String where) {
    int[] ids = tokenizer.encode(label);
    if (ids.length == 0 || ids.length > io.florets.prompt.task.Contract.MAX_LABEL_WORDS) {
      throw new IllegalArgumentException(where + ": label '" + label + "' must have 1.."
          + io.florets.prompt.task.Contract.MAX_LABEL_WORDS + " words");
    }
    for (int id : ids) {
      if (!allowed.get(id)) {
        throw new IllegalArgumentException(where + ": label '" + label + "' has word " + vocab.describe(id)
            + " that is not an image label or class name of the vocabulary (add it with"
            + " VocabularyBuilder.imageLabels or withClassNames)");
      }
    }
    return ids;
  }
}
