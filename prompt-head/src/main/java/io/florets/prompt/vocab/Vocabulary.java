package io.florets.prompt.vocab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The token vocabulary of the output contract: specials, task tokens, {@code <t_0>..<t_999>},
 * {@code <loc_0>..<loc_999>}, channel tokens, numeric tokens, spelling tokens, punctuation and a
 * closed word vocabulary (event types, shape facets and values, properties, segment labels, image
 * labels, caption words, class names).
 *
 * <p>Ids are dense {@code 0..size()-1} and deterministic: building with the same inputs gives the
 * same ids and the same {@link #hash()}. {@link #withClassNames} appends new class names at the end,
 * so existing ids never change. Immutable and thread-safe.
 */
public final class Vocabulary {
  /** Id of {@code <pad>}. */
  public static final int PAD = 0;
  /** Id of {@code <s>} (begin of sequence). */
  public static final int BOS = 1;
  /** Id of {@code </s>} (end of sequence). */
  public static final int EOS = 2;
  /** Id of {@code <unk>}. */
  public static final int UNK = 3;
  /** Id of {@code <sep>}. */
  public static final int SEP = 4;
  /** The special tokens in id order. */
  public static final List<String> SPECIALS = List.of("<pad>", "<s>", "</s>", "<unk>", "<sep>");

  private final List<String> tokens;
  private final Map<String, Integer> ids;
  private final EnumMap<TokenGroup, BitSet> groups;
  private final int channels;
  private final String hash;
  private final List<String> classNames;
  private final int timeBase;
  private final int locBase;
  private final int channelBase;
  private final int digitBase;
  private final int numberBinBase;
  private final int exponentBase;
  private final int numZero;
  private final int numPos;
  private final int numNeg;
  private final int spell;
  private final int[] charIds = new int[128];
  private final char[] charOfId;

  Vocabulary(List<String> tokens, Map<TokenGroup, BitSet> groups, int channels, List<String> classNames) {
    this.tokens = List.copyOf(tokens);
    Map<String, Integer> m = new HashMap<>();
    for (int i = 0; i < this.tokens.size(); i++) {
      if (m.put(this.tokens.get(i), i) != null) {
        throw new IllegalArgumentException("duplicate vocabulary token '" + this.tokens.get(i) + "' at id " + i);
      }
    }
    for (int i = 0; i < SPECIALS.size(); i++) {
      if (!SPECIALS.get(i).equals(this.tokens.get(i))) {
        throw new IllegalArgumentException("vocabulary id " + i + " must be " + SPECIALS.get(i)
            + ", found '" + this.tokens.get(i) + "'");
      }
    }
    this.ids = Collections.unmodifiableMap(m);
    this.groups = new EnumMap<>(TokenGroup.class);
    for (TokenGroup g : TokenGroup.values()) {
      BitSet b = groups.get(g);
      BitSet copy = b == null ? new BitSet() : (BitSet) b.clone();
      if (copy.length() > this.tokens.size()) {
        throw new IllegalArgumentException("group " + g + " names id " + (copy.length() - 1)
            + " beyond the vocabulary size " + this.tokens.size());
      }
      this.groups.put(g, copy);
    }
    this.channels = channels;
    this.classNames = List.copyOf(classNames);
    this.timeBase = require("<t_0>");
    this.locBase = require("<loc_0>");
    this.channelBase = channels > 0 ? require("<ch_0>") : -1;
    this.digitBase = require("<d_0>");
    Integer nb = ids.get("<nb_0>");
    this.numberBinBase = nb == null ? -1 : nb;
    if (nb != null) {
      checkRun(nb, "<nb_", NumberCodec.BINS);
    }
    this.exponentBase = require("<e_" + NumberCodec.MIN_EXPONENT + ">");
    this.numZero = require("<num_zero>");
    this.numPos = require("<num_pos>");
    this.numNeg = require("<num_neg>");
    this.spell = require("<spell>");
    java.util.Arrays.fill(charIds, -1);
    this.charOfId = new char[this.tokens.size()];
    for (char c : StandardWords.SPELL_CHARS.toCharArray()) {
      int id = require("<c_" + c + ">");
      charIds[c] = id;
      charOfId[id] = c;
    }
    checkRun(timeBase, "<t_", Quantizer.BINS);
    checkRun(locBase, "<loc_", Quantizer.BINS);
    if (channels > 0) {
      checkRun(channelBase, "<ch_", channels);
    }
    checkRun(digitBase, "<d_", 10);
    for (int e = NumberCodec.MIN_EXPONENT; e <= NumberCodec.MAX_EXPONENT; e++) {
      if (!tokens.get(exponentBase + e - NumberCodec.MIN_EXPONENT).equals("<e_" + e + ">")) {
        throw new IllegalArgumentException("exponent tokens must be consecutive from id " + exponentBase);
      }
    }
    this.hash = computeHash();
  }

  private int require(String token) {
    Integer id = ids.get(token);
    if (id == null) {
      throw new IllegalArgumentException("vocabulary lacks the required token " + token);
    }
    return id;
  }

  private void checkRun(int base, String prefix, int n) {
    for (int i = 0; i < n; i++) {
      if (base + i >= tokens.size() || !tokens.get(base + i).equals(prefix + i + ">")) {
        throw new IllegalArgumentException("tokens " + prefix + "0> .. " + prefix + (n - 1)
            + "> must be consecutive from id " + base);
      }
    }
  }

  /** A builder for the standard vocabulary plus extra words and class names. */
  public static VocabularyBuilder builder() {
    return new VocabularyBuilder();
  }

  /** The standard vocabulary: no class names, 16 channel tokens, the built-in word lists. */
  public static Vocabulary standard() {
    return builder().build();
  }

  /** Number of tokens. */
  public int size() {
    return tokens.size();
  }

  /** The token with id {@code id}. */
  public String token(int id) {
    if (id < 0 || id >= tokens.size()) {
      throw new IllegalArgumentException("token id " + id + " outside the vocabulary 0.." + (tokens.size() - 1));
    }
    return tokens.get(id);
  }

  /** All tokens in id order (unmodifiable). */
  public List<String> tokens() {
    return tokens;
  }

  /** The id of {@code token}, if present. */
  public OptionalInt find(String token) {
    Integer id = ids.get(token);
    return id == null ? OptionalInt.empty() : OptionalInt.of(id);
  }

  /** The id of {@code token}; throws {@link IllegalArgumentException} naming it if absent. */
  public int id(String token) {
    Integer id = ids.get(token);
    if (id == null) {
      throw new IllegalArgumentException("token '" + token + "' is not in the vocabulary (size "
          + tokens.size() + ", hash " + hash.substring(0, 12) + ")");
    }
    return id;
  }

  /** Whether {@code id} belongs to {@code group}. */
  public boolean in(TokenGroup group, int id) {
    return id >= 0 && groups.get(group).get(id);
  }

  /** A copy of the ids of one group. */
  public BitSet group(TokenGroup group) {
    return (BitSet) groups.get(group).clone();
  }

  /** Number of channel tokens ({@code <ch_0>..<ch_{n-1}>}). */
  public int channels() {
    return channels;
  }

  /** The class names in id order (unmodifiable). */
  public List<String> classNames() {
    return classNames;
  }

  /** Id of {@code <t_q>}. */
  public int timeId(int q) {
    checkBin(q);
    return timeBase + q;
  }

  /** The bin of a time token, or -1 if {@code id} is not a time token. */
  public int timeBin(int id) {
    int q = id - timeBase;
    return q >= 0 && q < Quantizer.BINS ? q : -1;
  }

  /** Id of {@code <loc_q>}. */
  public int locId(int q) {
    checkBin(q);
    return locBase + q;
  }

  /** The bin of an image-location token, or -1. */
  public int locBin(int id) {
    int q = id - locBase;
    return q >= 0 && q < Quantizer.BINS ? q : -1;
  }

  /** Id of {@code <ch_c>}; throws if {@code c} is beyond the channel tokens of this vocabulary. */
  public int channelId(int c) {
    if (c < 0 || c >= channels) {
      throw new IllegalArgumentException("channel " + c + " has no token: this vocabulary has <ch_0>..<ch_"
          + (channels - 1) + "> (build it with more channels)");
    }
    return channelBase + c;
  }

  /** The channel of a channel token, or -1. */
  public int channelOf(int id) {
    int c = id - channelBase;
    return channelBase >= 0 && c >= 0 && c < channels ? c : -1;
  }

  /** Id of {@code <num_zero>}. */
  public int numZeroId() {
    return numZero;
  }

  /** True if numbers are written as magnitude bins ({@code <nb_k>}; see {@link NumberCodec}). */
  public boolean hasNumberBins() {
    return numberBinBase >= 0;
  }

  /** Id of the magnitude-bin token {@code <nb_k>}; {@link IllegalStateException} without them. */
  public int numberBinId(int k) {
    if (numberBinBase < 0) {
      throw new IllegalStateException("this vocabulary has no number bin tokens");
    }
    if (k < 0 || k >= NumberCodec.BINS) {
      throw new IllegalArgumentException("number bin must be in [0, " + NumberCodec.BINS + "), got " + k);
    }
    return numberBinBase + k;
  }

  /** The bin of a {@code <nb_k>} id, or -1 for any other id. */
  public int numberBinOf(int id) {
    int k = id - numberBinBase;
    return numberBinBase >= 0 && k >= 0 && k < NumberCodec.BINS ? k : -1;
  }

  /** Id of {@code <num_pos>}. */
  public int numPosId() {
    return numPos;
  }

  /** Id of {@code <num_neg>}. */
  public int numNegId() {
    return numNeg;
  }

  /** Id of digit token {@code <d_d>}. */
  public int digitId(int d) {
    if (d < 0 || d > 9) {
      throw new IllegalArgumentException("digit must be 0..9, got " + d);
    }
    return digitBase + d;
  }

  /** The digit of a digit token, or -1. */
  public int digitOf(int id) {
    int d = id - digitBase;
    return d >= 0 && d <= 9 ? d : -1;
  }

  /** Id of exponent token {@code <e_k>}. */
  public int exponentId(int e) {
    if (e < NumberCodec.MIN_EXPONENT || e > NumberCodec.MAX_EXPONENT) {
      throw new IllegalArgumentException("exponent must be in -12..12, got " + e);
    }
    return exponentBase + e - NumberCodec.MIN_EXPONENT;
  }

  /** The exponent of an exponent token, or {@link Integer#MIN_VALUE}. */
  public int exponentOf(int id) {
    int k = id - exponentBase;
    return k >= 0 && k <= NumberCodec.MAX_EXPONENT - NumberCodec.MIN_EXPONENT
        ? k + NumberCodec.MIN_EXPONENT : Integer.MIN_VALUE;
  }

  /** Id of {@code <spell>}, which starts a word spelled character by character. */
  public int spellId() {
    return spell;
  }

  /** Id of the spelling token of {@code c}, or -1 if {@code c} cannot be spelled. */
  public int charId(char c) {
    return c < 128 ? charIds[c] : -1;
  }

  /** The character of a spelling token, or 0 if {@code id} is not one. */
  public char charOf(int id) {
    return id >= 0 && id < charOfId.length ? charOfId[id] : 0;
  }

  /** A short description of a token for error messages: {@code '<t_3>' (id 42)}. */
  public String describe(int id) {
    return id >= 0 && id < tokens.size() ? "'" + tokens.get(id) + "' (id " + id + ")" : "id " + id + " (out of range)";
  }

  /** SHA-256 (hex) over the channel count, the tokens in order and the group memberships. */
  public String hash() {
    return hash;
  }

  /**
   * This vocabulary with {@code names} added as class names. Names already present as words gain
   * the class-name role; new names are appended in the given order. Existing ids never change.
   */
  public Vocabulary withClassNames(Collection<String> names) {
    List<String> toks = new ArrayList<>(tokens);
    EnumMap<TokenGroup, BitSet> g = new EnumMap<>(TokenGroup.class);
    groups.forEach((k, v) -> g.put(k, (BitSet) v.clone()));
    List<String> classes = new ArrayList<>(classNames);
    VocabularyBuilder.addClassNames(names, toks, g, classes);
    return new Vocabulary(toks, g, channels, classes);
  }

  /**
   * This vocabulary whose class names are exactly {@code names}, in that order: new names are
   * appended as tokens (existing ids never change) and former class names that are not among
   * {@code names} keep their tokens as plain words but no longer answer {@code <CLASSIFY>}. Used to
   * adapt a trained model to a user's classes: its tokens stay a prefix of the result.
   *
   * @throws IllegalArgumentException if {@code names} is empty or a name is not a valid class name
   */
  public Vocabulary withOnlyClassNames(Collection<String> names) {
    if (names.isEmpty()) {
      throw new IllegalArgumentException("give at least one class name");
    }
    List<String> toks = new ArrayList<>(tokens);
    EnumMap<TokenGroup, BitSet> g = new EnumMap<>(TokenGroup.class);
    groups.forEach((k, v) -> g.put(k, (BitSet) v.clone()));
    g.put(TokenGroup.CLASS_NAME, new BitSet());
    List<String> classes = new ArrayList<>();
    VocabularyBuilder.addClassNames(names, toks, g, classes);
    return new Vocabulary(toks, g, channels, classes);
  }

  /** Saves this vocabulary as JSON (with its hash) to {@code file}. */
  public void save(Path file) throws IOException {
    VocabularyJson.write(this, file);
  }

  /**
   * Loads a vocabulary saved by {@link #save}, recomputing and checking its hash.
   *
   * @throws VocabularyFormatException if the file is not a vocabulary or its hash does not match
   * @throws IOException if it cannot be read
   */
  public static Vocabulary load(Path file) throws IOException {
    return VocabularyJson.read(file);
  }

  Map<TokenGroup, BitSet> groupsView() {
    return groups;
  }

  private static void checkBin(int q) {
    if (q < 0 || q >= Quantizer.BINS) {
      throw new IllegalArgumentException("location bin must be in 0..999, got " + q);
    }
  }

  private String computeHash() {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(("florets-vocabulary/1\nchannels=" + channels + "\n").getBytes(StandardCharsets.UTF_8));
      for (String t : tokens) {
        md.update(t.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
      }
      for (TokenGroup g : TokenGroup.values()) {
        md.update(("\n" + g.name() + ":" + groups.get(g)).getBytes(StandardCharsets.UTF_8));
      }
      md.update(("\nclasses:" + String.join("\u0000", classNames)).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Vocabulary v && v.hash.equals(hash) && v.tokens.equals(tokens);
  }

  @Override
  public int hashCode() {
    return hash.hashCode();
  }

  @Override
  public String toString() {
    return "Vocabulary[size=" + tokens.size() + ", classes=" + classNames.size() + ", hash="
        + hash.substring(0, 12) + "]";
  }
}
