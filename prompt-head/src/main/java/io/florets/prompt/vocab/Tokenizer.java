package io.florets.prompt.vocab;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Turns Florence-style text ({@code "<EVENTS>spike_up<t_3><t_40>"}, captions, phrases) into token
 * ids and back.
 *
 * <p>Encoding: a {@code <...>} run that names a vocabulary token becomes that token; class names
 * (also multi-word ones) match longest first; a word ({@code [letters digits _]} runs, joined by
 * inner {@code ' . -}) becomes its vocabulary token, else its lower-case token, else it is spelled
 * as {@code <spell><c_x>...}; punctuation marks become their tokens; anything else becomes
 * {@code <unk>}. Whitespace only separates. Decoding writes angle tokens without spaces around them,
 * words separated by one space, no space before {@code , . ; : ! ? ) ] %} nor after {@code ( [}.
 * So {@code decode(encode(s))} is {@link #normalize(String) s normalised}. Immutable, thread-safe.
 */
public final class Tokenizer {
  private final Vocabulary vocab;
  private final List<String> phraseClassNames;

  /** A tokenizer over {@code vocab}. */
  public Tokenizer(Vocabulary vocab) {
    this.vocab = Objects.requireNonNull(vocab, "vocab");
    List<String> phrases = new ArrayList<>();
    for (String c : vocab.classNames()) {
      if (!isPlainWord(c)) {
        phrases.add(c);
      }
    }
    phrases.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
    this.phraseClassNames = List.copyOf(phrases);
  }

  /** The vocabulary. */
  public Vocabulary vocabulary() {
    return vocab;
  }

  /** Encodes text to token ids (never fails: unknown pieces become {@code <unk>}). */
  public int[] encode(String text) {
    Objects.requireNonNull(text, "text");
    List<Integer> out = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      if (c == '<') {
        int j = text.indexOf('>', i);
        OptionalInt id = j > i ? vocab.find(text.substring(i, j + 1)) : OptionalInt.empty();
        if (id.isPresent()) {
          out.add(id.getAsInt());
          i = j + 1;
          continue;
        }
      }
      int phraseEnd = matchPhrase(text, i);
      if (phraseEnd > 0) {
        out.add(vocab.id(text.substring(i, phraseEnd)));
        i = phraseEnd;
        continue;
      }
      if (isWordChar(text.codePointAt(i))) {
        int j = wordEnd(text, i);
        encodeWord(text.substring(i, j), out);
        i = j;
        continue;
      }
      int cp = text.codePointAt(i);
      String s = new String(Character.toChars(cp));
      OptionalInt id = vocab.in(TokenGroup.PUNCT, vocab.find(s).orElse(-1)) ? vocab.find(s) : OptionalInt.empty();
      out.add(id.orElse(Vocabulary.UNK));
      i += Character.charCount(cp);
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private int matchPhrase(String text, int i) {
    for (String p : phraseClassNames) {
      int end = i + p.length();
      if (text.startsWith(p, i) && (end == text.length() || !isWordChar(text.codePointAt(end))
          || !isWordChar(p.codePointBefore(p.length())))) {
        return end;
      }
    }
    return -1;
  }

  private void encodeWord(String w, List<Integer> out) {
    OptionalInt id = wordId(w);
    if (id.isEmpty()) {
      id = wordId(w.toLowerCase(Locale.ROOT));
    }
    if (id.isPresent()) {
      out.add(id.getAsInt());
      return;
    }
    String lower = w.toLowerCase(Locale.ROOT);
    List<Integer> spelled = new ArrayList<>();
    spelled.add(vocab.spellId());
    for (int k = 0; k < lower.length(); k++) {
      int cid = vocab.charId(lower.charAt(k));
      if (cid < 0) {
        out.add(Vocabulary.UNK);
        return;
      }
      spelled.add(cid);
    }
    out.addAll(spelled);
  }

  private OptionalInt wordId(String w) {
    OptionalInt id = vocab.find(w);
    return id.isPresent() && vocab.in(TokenGroup.WORD, id.getAsInt()) ? id : OptionalInt.empty();
  }

  /** Decodes ids to text; {@code <pad>} is skipped, every other token is written. */
  public String decode(int[] ids) {
    return decode(ids, 0, ids.length);
  }

  /** Decodes {@code ids[from..to)} to text. */
  public String decode(int[] ids, int from, int to) {
    StringBuilder sb = new StringBuilder();
    boolean prevAngle = true;
    boolean prevOpen = false;
    int i = from;
    while (i < to) {
      int id = ids[i];
      if (id == Vocabulary.PAD) {
        i++;
        continue;
      }
      String piece;
      if (id == vocab.spellId() && i + 1 < to && vocab.charOf(ids[i + 1]) != 0) {
        StringBuilder w = new StringBuilder();
        i++;
        while (i < to && vocab.charOf(ids[i]) != 0) {
          w.append(vocab.charOf(ids[i]));
          i++;
        }
        piece = w.toString();
      } else {
        piece = vocab.token(id);
        i++;
      }
      boolean angle = isAngle(piece);
      boolean close = piece.length() == 1 && ",.;:!?)]%".indexOf(piece.charAt(0)) >= 0;
      if (sb.length() > 0 && !angle && !prevAngle && !close && !prevOpen) {
        sb.append(' ');
      }
      sb.append(piece);
      prevAngle = angle;
      prevOpen = piece.equals("(") || piece.equals("[");
    }
    return sb.toString();
  }

  /** The canonical form of a text: {@code decode(encode(text))}. */
  public String normalize(String text) {
    return decode(encode(text));
  }

  private static boolean isAngle(String t) {
    return t.length() > 2 && t.charAt(0) == '<' && t.charAt(t.length() - 1) == '>';
  }

  private static boolean isPlainWord(String s) {
    if (s.isEmpty() || !isWordChar(s.codePointAt(0))) {
      return false;
    }
    return wordEnd(s, 0) == s.length();
  }

  static boolean isWordChar(int cp) {
    return Character.isLetterOrDigit(cp) || cp == '_';
  }

  /** End (exclusive) of the word starting at {@code i}: word chars, joined by single inner {@code ' . -}. */
  static int wordEnd(String s, int i) {
    int j = i;
    int n = s.length();
    while (j < n) {
      int cp = s.codePointAt(j);
      if (isWordChar(cp)) {
        j += Character.charCount(cp);
      } else if ((cp == '\'' || cp == '.' || cp == '-') && j + 1 < n && isWordChar(s.codePointAt(j + 1)) && j > i) {
        j++;
      } else {
        break;
      }
    }
    return j;
  }
}
