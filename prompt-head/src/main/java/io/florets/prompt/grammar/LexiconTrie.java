package io.florets.prompt.grammar;

import io.florets.prompt.vocab.StandardWords;
import io.florets.prompt.vocab.Tokenizer;
import io.florets.prompt.vocab.Vocabulary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * A {@link CaptionLexicon} compiled against one vocabulary, as the tokenizer writes its entries: a
 * word with a vocabulary token is that token (never spelled, so encoding stays canonical); any other
 * word is {@code <spell>} and its {@code <c_x>} characters, and those spellings form a trie, so a
 * spelled word can only be completed into a lexicon word. Read-only after construction.
 */
final class LexiconTrie {
  private static final int ALPHABET = StandardWords.SPELL_CHARS.length();

  /** Token ids of the words written as one token. */
  final BitSet words = new BitSet();
  /** Token ids of the punctuation marks. */
  final BitSet punctuation = new BitSet();
  final Vocabulary vocab;
  /** Per node, the child node of each spelling character (index into SPELL_CHARS), or -1. */
  private final List<int[]> children = new ArrayList<>();
  private final List<Boolean> terminal = new ArrayList<>();
  /** Per node, the fewest characters still needed to end a word (0 at a word's end). */
  private int[] toEnd;
  private final int spelledWords;

  LexiconTrie(Vocabulary vocab, CaptionLexicon lexicon) {
    this.vocab = vocab;
    Tokenizer tok = new Tokenizer(vocab);
    newNode();
    int spelled = 0;
    for (String p : lexicon.punctuation()) {
      int id = vocab.find(p).orElseThrow(() -> new IllegalArgumentException("lexicon punctuation '" + p
          + "' is not a token of the vocabulary"));
      punctuation.set(id);
    }
    for (String w : lexicon.words()) {
      int[] ids = tok.encode(w);
      if (!tok.decode(ids).equals(w)) {
        throw new IllegalArgumentException("lexicon word '" + w + "' cannot be written as itself with this"
            + " vocabulary (it encodes to '" + tok.decode(ids) + "'); lexicon words are single lower-case"
            + " words of the characters '" + StandardWords.SPELL_CHARS + "' or vocabulary words");
      }
      if (ids.length == 1 && ids[0] != Vocabulary.UNK && vocab.charOf(ids[0]) == 0) {
        words.set(ids[0]);
      } else if (ids.length > 1 && ids[0] == vocab.spellId()) {
        insert(ids);
        spelled++;
      } else {
        throw new IllegalArgumentException("lexicon word '" + w + "' is not one word of this vocabulary: it"
            + " encodes to " + ids.length + " tokens");
      }
    }
    this.spelledWords = spelled;
    computeDistances();
  }

  private int newNode() {
    int[] c = new int[ALPHABET];
    Arrays.fill(c, -1);
    children.add(c);
    terminal.add(false);
    return children.size() - 1;
  }

  private void insert(int[] ids) {
    int node = 0;
    for (int i = 1; i < ids.length; i++) {
      int k = charIndex(ids[i]);
      if (k < 0) {
        throw new IllegalStateException("spelled word has non-character token " + vocab.describe(ids[i]));
      }
      if (children.get(node)[k] < 0) {
        int child = newNode();
        children.get(node)[k] = child;
      }
      node = children.get(node)[k];
    }
    terminal.set(node, true);
  }

  private void computeDistances() {
    toEnd = new int[children.size()];
    // children always have larger ids than their parent, so one backward pass suffices
    for (int n = children.size() - 1; n >= 0; n--) {
      int best = terminal.get(n) ? 0 : Integer.MAX_VALUE;
      for (int c : children.get(n)) {
        if (c >= 0 && toEnd[c] != Integer.MAX_VALUE) {
          best = Math.min(best, 1 + toEnd[c]);
        }
      }
      toEnd[n] = best;
    }
  }

  private int charIndex(int token) {
    char c = vocab.charOf(token);
    return c == 0 ? -1 : StandardWords.SPELL_CHARS.indexOf(c);
  }

  /** Whether any word is spelled (so {@code <spell>} may start one). */
  boolean hasSpelledWords() {
    return spelledWords > 0;
  }

  /** Fewest tokens of a spelled word including {@code <spell>}. */
  int shortestSpelling() {
    return 1 + toEnd[0];
  }

  /** Whether a spelled word may end at {@code node}. */
  boolean terminal(int node) {
    return terminal.get(node);
  }

  /** The child of {@code node} by character token {@code token}, or -1. */
  int child(int node, int token) {
    int k = charIndex(token);
    return k < 0 ? -1 : children.get(node)[k];
  }

  /** Adds to {@code out} the character tokens after {@code node} from which a word ends within {@code budget} tokens. */
  void addChars(int node, int budget, BitSet out) {
    int[] c = children.get(node);
    for (int k = 0; k < ALPHABET; k++) {
      if (c[k] >= 0 && 1 + toEnd[c[k]] <= budget) {
        out.set(vocab.charId(StandardWords.SPELL_CHARS.charAt(k)));
      }
    }
  }
}
