package io.florets.prompt.serial;

import io.florets.prompt.vocab.NumberCodec;
import io.florets.prompt.vocab.Quantizer;
import io.florets.prompt.vocab.TokenGroup;
import io.florets.prompt.vocab.Vocabulary;
import java.util.Arrays;

/** A read position in an answer, with the per-token log-probabilities; not thread-safe (one per parse). */
final class TokenCursor {
  private final Vocabulary vocab;
  private final int[] tokens;
  private final double[] logProbs;
  private final String prompt;
  private final int end;
  private int pos;

  TokenCursor(Vocabulary vocab, int[] tokens, double[] logProbs, String prompt) {
    this.vocab = vocab;
    this.tokens = tokens;
    this.logProbs = logProbs;
    this.prompt = prompt;
    int start = tokens.length > 0 && tokens[0] == Vocabulary.BOS ? 1 : 0;
    int e = start;
    while (e < tokens.length && tokens[e] != Vocabulary.EOS) {
      e++;
    }
    this.end = e;
    this.pos = start;
  }

  int pos() {
    return pos;
  }

  void seek(int p) {
    pos = p;
  }

  int[] tokens() {
    return tokens;
  }

  boolean atEnd() {
    return pos >= end;
  }

  int take(TokenGroup group, String what) {
    if (atEnd() || !vocab.in(group, tokens[pos])) {
      fail(what);
    }
    return tokens[pos++];
  }

  /** An optional channel token: its channel, or -1. */
  int channel() {
    if (!atEnd() && vocab.channelOf(tokens[pos]) >= 0) {
      return vocab.channelOf(tokens[pos++]);
    }
    return -1;
  }

  double number() {
    try {
      NumberCodec.Decoded d = NumberCodec.decode(Arrays.copyOfRange(tokens, pos, end), 0, vocab);
      pos += d.length();
      return d.value();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("answer to " + prompt + ": bad number at token " + pos + ": " + e.getMessage(), e);
    }
  }

  double[] span(int length) {
    int a = bin(true, "a start time token <t_q>");
    int b = bin(true, "an end time token <t_q>");
    if (b < a) {
      failAt(pos - 1, "an end time token not before the start <t_" + a + ">");
    }
    return new double[] {Quantizer.dequantize(a, length), Quantizer.dequantize(b, length)};
  }

  double[] box(Extent extent) {
    int x1 = bin(false, "a <loc_q> token (x1)");
    int y1 = bin(false, "a <loc_q> token (y1)");
    int x2 = bin(false, "a <loc_q> token (x2)");
    int y2 = bin(false, "a <loc_q> token (y2)");
    if (x2 < x1 || y2 < y1) {
      failAt(pos - 4, "a box with x1 <= x2 and y1 <= y2, got bins " + x1 + "," + y1 + "," + x2 + "," + y2);
    }
    return new double[] {Quantizer.dequantize(x1, extent.width()), Quantizer.dequantize(y1, extent.height()),
        Quantizer.dequantize(x2, extent.width()), Quantizer.dequantize(y2, extent.height())};
  }

  private int bin(boolean time, String what) {
    int q = atEnd() ? -1 : time ? vocab.timeBin(tokens[pos]) : vocab.locBin(tokens[pos]);
    if (q < 0) {
      fail(what);
    }
    pos++;
    return q;
  }

  /** End of the run of {@code group} tokens starting here. */
  int wordsEnd(TokenGroup group) {
    int e = pos;
    while (e < end && vocab.in(group, tokens[e])) {
      e++;
    }
    return e;
  }

  /** End of the run of text tokens (words, punctuation, spelling) starting here. */
  int textEnd() {
    int e = pos;
    while (e < end && (vocab.in(TokenGroup.WORD, tokens[e]) || vocab.in(TokenGroup.PUNCT, tokens[e])
        || vocab.in(TokenGroup.SPELL, tokens[e]))) {
      e++;
    }
    return e;
  }

  /** {@code exp(mean log-prob)} of the tokens from {@code from} to here; 1.0 without log-probs. */
  double confidence(int from) {
    if (logProbs == null || from >= pos) {
      return 1.0;
    }
    double sum = 0;
    for (int i = from; i < pos; i++) {
      double lp = logProbs[i];
      if (Double.isNaN(lp) || lp > 1e-6) {
        throw new IllegalArgumentException("log-probability of token " + i + " must be <= 0, got " + lp);
      }
      sum += Math.min(lp, 0.0);
    }
    return Math.exp(sum / (pos - from));
  }

  void expectEnd() {
    if (!atEnd()) {
      fail("the end of the answer (</s>)");
    }
  }

  void fail(String what) {
    failAt(pos, what);
  }

  void failAt(int at, String what) {
    String found = at >= end ? (end < tokens.length ? "</s>" : "the end") : vocab.describe(tokens[at]);
    throw new IllegalArgumentException("answer to " + prompt + ": expected " + what + " at token " + at + ", found "
        + found);
  }
}
