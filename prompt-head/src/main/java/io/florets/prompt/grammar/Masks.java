package io.florets.prompt.grammar;

import io.florets.prompt.vocab.NumberCodec;
import io.florets.prompt.vocab.Quantizer;
import io.florets.prompt.vocab.TokenGroup;
import io.florets.prompt.vocab.Vocabulary;
import java.util.BitSet;

/** Precomputed token masks of one vocabulary, shared by the grammar states (read-only). */
final class Masks {
  final Vocabulary vocab;
  final int size;
  final BitSet eos = new BitSet();
  final BitSet channels;
  final BitSet time;
  final BitSet loc;
  final BitSet numberHead = new BitSet();
  final BitSet digits19 = new BitSet();
  final BitSet digits09 = new BitSet();
  final BitSet exponents = new BitSet();
  final BitSet numberBins = new BitSet();
  final BitSet textWords;
  final BitSet chars;
  final int timeBase;
  final int locBase;

  Masks(Vocabulary vocab) {
    this.vocab = vocab;
    this.size = vocab.size();
    eos.set(Vocabulary.EOS);
    channels = vocab.group(TokenGroup.CHANNEL);
    time = vocab.group(TokenGroup.TIME);
    loc = vocab.group(TokenGroup.LOC);
    numberHead.set(vocab.numZeroId());
    numberHead.set(vocab.numPosId());
    numberHead.set(vocab.numNegId());
    if (vocab.hasNumberBins()) {
      numberBins.set(vocab.numberBinId(0), vocab.numberBinId(0) + NumberCodec.BINS);
    }
    for (int d = 0; d <= 9; d++) {
      digits09.set(vocab.digitId(d));
      if (d > 0) {
        digits19.set(vocab.digitId(d));
      }
    }
    for (int e = NumberCodec.MIN_EXPONENT; e <= NumberCodec.MAX_EXPONENT; e++) {
      exponents.set(vocab.exponentId(e));
    }
    textWords = vocab.group(TokenGroup.WORD);
    textWords.or(vocab.group(TokenGroup.PUNCT));
    chars = vocab.group(TokenGroup.SPELL);
    chars.clear(vocab.spellId());
    timeBase = vocab.timeId(0);
    locBase = vocab.locId(0);
  }

  /** Time tokens with bin &ge; {@code from}. */
  BitSet timeFrom(int from) {
    BitSet b = new BitSet();
    b.set(timeBase + from, timeBase + Quantizer.BINS);
    return b;
  }

  /** Location tokens with bin &ge; {@code from}. */
  BitSet locFrom(int from) {
    BitSet b = new BitSet();
    b.set(locBase + from, locBase + Quantizer.BINS);
    return b;
  }
}
