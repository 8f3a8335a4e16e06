package io.florets.prompt.vocab;

import io.florets.engine.MagnitudeBins;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The numeric encoding of the output contract. A vocabulary with magnitude-bin tokens
 * ({@link Vocabulary#hasNumberBins()}) writes a number as a sign and one bin of {@code log10|v|}:
 *
 * <pre>
 *   |v| &lt; 1e-6     -&gt;  &lt;num_zero&gt;
 *   otherwise      -&gt;  &lt;num_pos|num_neg&gt; &lt;nb_k&gt;    k = floor((log10|v| + 6) / 0.01), at most 1199
 *                    meaning  sign * 10^(-6 + (k + 0.5) * 0.01)
 * </pre>
 *
 * <p>so the relative error is at most {@code 10^0.005 - 1 ~ 1.16%} for {@code 1e-6 <= |v| < 1e6};
 * larger magnitudes saturate in the top bin (about {@code 9.9e5}). One token carries the whole
 * magnitude, so one wrong token is a small error (a neighbouring bin), never a tenfold one, and
 * the model can score the bins as an ordered scale. Vocabularies without the bin tokens (models
 * written before them) use decimal scientific notation with four significant digits:
 *
 * <pre>
 *   0            -&gt;  &lt;num_zero&gt;                                   (1 token, exact)
 *   v != 0       -&gt;  &lt;num_pos|num_neg&gt; &lt;d_a&gt; &lt;d_b&gt; &lt;d_c&gt; &lt;d_d&gt; &lt;e_k&gt;   (6 tokens)
 *                    meaning  sign * a.bcd * 10^k,  a in 1..9,  k in -12..12
 * </pre>
 *
 * <p>The mantissa is rounded half-to-even to four significant digits, so the relative error is at
 * most {@code 0.0005 / 1.0005 ~ 0.05%} over the whole range {@code 1e-12 <= |v| <= 1e12}.
 * The exponent tokens reach up to {@code 9.999e12}, so values somewhat above {@code 1e12} are
 * encoded too. Magnitudes below {@code 1e-12} (after rounding) are written as zero (absolute error
 * below {@code 1e-12}); magnitudes that round above {@code 9.999e12}, NaN and infinities are rejected
 * with an {@link IllegalArgumentException}. Stateless and thread-safe.
 */
public final class NumberCodec {
  /** Smallest decimal exponent token. */
  public static final int MIN_EXPONENT = -12;
  /** Largest decimal exponent token. */
  public static final int MAX_EXPONENT = 12;
  /** Number of significant digits written. */
  public static final int DIGITS = 4;
  /** Tokens of a non-zero number (sign, four digits, exponent). */
  public static final int NONZERO_LENGTH = DIGITS + 2;

  /** Number of magnitude bins ({@link MagnitudeBins#BINS}). */
  public static final int BINS = MagnitudeBins.BINS;
  /** log10 of the smallest non-zero magnitude a bin stands for. */
  public static final double LOG_MIN = MagnitudeBins.LOG_MIN;
  /** Width of one magnitude bin in decades. */
  public static final double BIN_WIDTH = MagnitudeBins.WIDTH;

  private static final MathContext ROUND = new MathContext(DIGITS, RoundingMode.HALF_EVEN);

  private NumberCodec() {
  }

  /**
   * The decomposition of a value: {@code sign * (d0.d1d2d3) * 10^exponent}, or zero.
   *
   * @param sign -1, 0 (zero) or +1
   * @param digits four digits, the first in 1..9 unless the value is zero
   * @param exponent decimal exponent in {@code -12..12}
   */
  public record Parts(int sign, int[] digits, int exponent) {
    /** Copies the digits. */
    public Parts {
      digits = digits.clone();
    }

    /** A copy of the four digits. */
    @Override
    public int[] digits() {
      return digits.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Parts p && p.sign == sign && p.exponent == exponent
          && java.util.Arrays.equals(p.digits, digits);
    }

    @Override
    public int hashCode() {
      return 31 * (31 * sign + exponent) + java.util.Arrays.hashCode(digits);
    }

    @Override
    public String toString() {
      return "Parts[sign=" + sign + ", digits=" + java.util.Arrays.toString(digits) + ", exponent=" + exponent + "]";
    }

    /** The value these parts denote. */
    public double value() {
      if (sign == 0) {
        return 0.0;
      }
      String s = (sign < 0 ? "-" : "") + digits[0] + "." + digits[1] + digits[2] + digits[3] + "e" + exponent;
      return Double.parseDouble(s);
    }
  }

  /**
   * Splits a value into its encoded parts.
   *
   * @param v a finite value with {@code |v|} rounding to at most {@code 9.999e12}
   * @throws IllegalArgumentException for NaN, infinities and larger magnitudes
   */
  public static Parts parts(double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("cannot encode non-finite number " + v
          + "; the numeric encoding covers finite values with |v| < 1e13");
    }
    if (v == 0.0) {
      return new Parts(0, new int[DIGITS], 0);
    }
    BigDecimal r = new BigDecimal(Math.abs(v)).round(ROUND);
    String unscaled = r.unscaledValue().toString();
    int exponent = unscaled.length() - 1 - r.scale();
    if (exponent > MAX_EXPONENT) {
      throw new IllegalArgumentException("cannot encode " + v + ": magnitude above 9.999e12"
          + " (the numeric encoding covers |v| < 1e13)");
    }
    if (exponent < MIN_EXPONENT) {
      return new Parts(0, new int[DIGITS], 0);
    }
    int[] digits = new int[DIGITS];
    for (int i = 0; i < DIGITS; i++) {
      digits[i] = i < unscaled.length() ? unscaled.charAt(i) - '0' : 0;
    }
    return new Parts(v < 0 ? -1 : 1, digits, exponent);
  }

  /**
   * The magnitude bin of {@code |v|} (for {@code |v| >= 1e-6}; larger magnitudes than the top bin
   * saturate there).
   */
  public static int bin(double v) {
    int k = MagnitudeBins.of(v);
    return k < 0 ? 0 : k;
  }

  /** The magnitude bin {@code k} stands for: {@code 10^(LOG_MIN + (k + 0.5) * BIN_WIDTH)}. */
  public static double binValue(int k) {
    return Math.pow(10, LOG_MIN + (k + 0.5) * BIN_WIDTH);
  }

  /** The value after an encode/decode round trip in {@code vocab}'s encoding. */
  public static double roundTrip(double v, Vocabulary vocab) {
    return vocab.hasNumberBins() ? binRoundTrip(v) : roundTrip(v);
  }

  private static double binRoundTrip(double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("cannot encode non-finite number " + v);
    }
    if (Math.abs(v) < Math.pow(10, LOG_MIN)) {
      return 0.0;
    }
    return Math.copySign(binValue(bin(v)), v);
  }

  /** The value after an encode/decode round trip (what a parser will read back). */
  public static double roundTrip(double v) {
    return parts(v).value();
  }

  /**
   * Encodes a value as token ids of {@code vocab}.
   *
   * @return 1 id for zero, else 2 ids (magnitude bins) or 6 ids (digits)
   */
  public static int[] encode(double v, Vocabulary vocab) {
    if (vocab.hasNumberBins()) {
      double r = binRoundTrip(v);
      if (r == 0.0) {
        return new int[] {vocab.numZeroId()};
      }
      return new int[] {v > 0 ? vocab.numPosId() : vocab.numNegId(), vocab.numberBinId(bin(v))};
    }
    Parts p = parts(v);
    if (p.sign() == 0) {
      return new int[] {vocab.numZeroId()};
    }
    int[] ids = new int[NONZERO_LENGTH];
    ids[0] = p.sign() > 0 ? vocab.numPosId() : vocab.numNegId();
    for (int i = 0; i < DIGITS; i++) {
      ids[1 + i] = vocab.digitId(p.digits()[i]);
    }
    ids[NONZERO_LENGTH - 1] = vocab.exponentId(p.exponent());
    return ids;
  }

  /**
   * Decodes a number starting at {@code ids[from]}.
   *
   * @return the value and how many tokens it used
   * @throws IllegalArgumentException if the ids there are not a well-formed number
   */
  public static Decoded decode(int[] ids, int from, Vocabulary vocab) {
    if (from >= ids.length) {
      throw new IllegalArgumentException("expected a number at token " + from + ", found the end");
    }
    int first = ids[from];
    if (first == vocab.numZeroId()) {
      return new Decoded(0.0, 1);
    }
    if (first != vocab.numPosId() && first != vocab.numNegId()) {
      throw new IllegalArgumentException("expected a number at token " + from + ", found "
          + vocab.describe(first));
    }
    int sign = first == vocab.numPosId() ? 1 : -1;
    if (vocab.hasNumberBins()) {
      if (from + 1 >= ids.length) {
        throw new IllegalArgumentException("number at token " + from + " is truncated");
      }
      int k = vocab.numberBinOf(ids[from + 1]);
      if (k < 0) {
        throw new IllegalArgumentException("expected a number bin at token " + (from + 1)
            + ", found " + vocab.describe(ids[from + 1]));
      }
      return new Decoded(sign * binValue(k), 2);
    }
    if (from + NONZERO_LENGTH > ids.length) {
      throw new IllegalArgumentException("number at token " + from + " is truncated");
    }
    int[] digits = new int[DIGITS];
    for (int i = 0; i < DIGITS; i++) {
      int d = vocab.digitOf(ids[from + 1 + i]);
      if (d < 0 || (i == 0 && d == 0)) {
        throw new IllegalArgumentException("bad digit at token " + (from + 1 + i) + ": "
            + vocab.describe(ids[from + 1 + i]));
      }
      digits[i] = d;
    }
    int e = vocab.exponentOf(ids[from + NONZERO_LENGTH - 1]);
    if (e == Integer.MIN_VALUE) {
      throw new IllegalArgumentException("expected an exponent at token " + (from + NONZERO_LENGTH - 1)
          + ", found " + vocab.describe(ids[from + NONZERO_LENGTH - 1]));
    }
    return new Decoded(new Parts(sign, digits, e).value(), NONZERO_LENGTH);
  }

  /**
   * A decoded number.
   *
   * @param value the value
   * @param length number of tokens it occupied
   */
  public record Decoded(double value, int length) {
  }
}
