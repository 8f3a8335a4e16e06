package io.florets.engine.series;

import java.util.Locale;

/**
 * Settings of {@link SeriesFrontEnd}.
 *
 * @param dModel token width (must equal the engine's)
 * @param patchLength samples per patch (&ge; 1)
 * @param stride samples between patch starts (1..patchLength)
 * @param maxPatches longest accepted window in patches (size of the position table)
 * @param maxChannels most channels accepted (size of the channel table)
 * @param tokenNorm layer-normalise the tokens before the encoder (on for new models: without it
 *     the encoder output of a trained model collapsed to one vector per window)
 * @param stats one statistics token per channel ({@link WindowStatistics}: moments, extremes,
 *     slope, lag-1 autocorrelation, difference spread, missing fraction, autocorrelation peak), so
 *     that whole-window quantities need not be re-derived from patches by attention
 * @param pointerFirstId first output id scored by the location pointer (the output contract's
 *     first time-position token); ignored when {@code pointerBins} is 0
 * @param pointerBins number of consecutive location ids the pointer scores (0 = no pointer). With
 *     a pointer, the logit of location id {@code pointerFirstId + q} gains a score of the decoder
 *     state against per-sample keys at the sample {@code floor((q + 0.5) * L / pointerBins)}; the
 *     keys are built from the encoder's patch tokens and the samples around each position
 *     (requires {@code stride == patchLength})
 * @param denseClasses classes of a dense head over the pointer's per-sample keys (0 = none; needs
 *     the pointer): trained on per-sample labels (for example the type of event a sample belongs
 *     to), it supervises every location of every window at every step, not only the few positions
 *     an answer names
 * @param patchMlp a residual two-layer perceptron beside the linear patch projection, over each
 *     patch's values, observed-mask and absolute first differences: constant runs (flatlines,
 *     missing runs filled with the location) and local roughness are not linear in the samples, so
 *     a linear projection alone leaves them for the encoder to re-derive
 * @param typeFirstId first output id of a run of {@code types} consecutive ids (the contract's
 *     event types) whose logits gain a content score from the pointer keys; ignored when
 *     {@code types} is 0
 * @param types number of type ids scored from the pointer keys (0 = none; needs the pointer):
 *     the logit of type {@code k} gains {@code gate * logmeanexp_t(q . key_t + e_k . key_t)}, a soft
 *     "is there a sample that looks like the next event of type k" read from the same per-sample
 *     keys the positions are chosen from, so that choosing a type is grounded in the samples as
 *     choosing a position is
 * @param stuck stuck-sample features beside the raw values, in the patch tokens and the pointer's
 *     per-sample keys: whether a sample repeats its predecessor exactly, and whether it lies in a
 *     run of at least {@value SampleScores#STUCK_RUN} identical values. Exact equality is
 *     what tells a stuck sensor from a smooth or quiet one, and no linear projection of the scaled
 *     values (nor of their differences) can express it: a model trained without them for 15,000
 *     steps never answered a flatline
 * @param numberCopy number candidates per channel ({@link NumberCandidates}: mean, spread,
 *     extremes, change, autocorrelation, missing fraction, period, noise and amplitude estimates,
 *     computed exactly from the samples in model units) whose magnitude bins the decoder can point
 *     at when it writes a number (the engine's number copy; needs an output contract with
 *     {@link io.florets.engine.MagnitudeBins} numbers). A value the window determines exactly is
 *     then copied rather than regressed through the network
 * @param copySigns the number copy also scores the sign and zero tokens of a number: each
 *     candidate's score (with its own gate) goes to the token of its sign, or to the zero token
 *     when it is zero, so that a value the window determines exactly is copied whole (a missing
 *     fraction of 0.8% is not answered as 0, a falling slope not as rising); needs the number copy
 * @param noiseScores local differences in units of the window's noise, in the patch tokens and
 *     the pointer's per-sample keys: the first difference, the distance of a sample from the mean
 *     of its two neighbours and the step between the means of the four samples after and the
 *     four before, each divided by the noise estimate of the statistics token (the
 *     normal-consistent median absolute first difference over the square root of 2) and bounded by asinh (needs the
 *     statistics tokens). Whether a jump is a spike or noise depends on that ratio, and a division
 *     is not something a linear projection of the samples can express
 * @param convFeatures per-patch proportions of positive values of fixed convolutions
 *     ({@link ConvFeatures}: the MiniRocket kernels of length 9 at several dilations, three
 *     thresholds each) over the scaled values, projected into the patch tokens: a frozen, shape
 *     sensitive description of every stretch that needs no training, so that a model adapted to a
 *     few dozen labelled series learns only the projection and what to attend to, not the shape
 *     detectors themselves
 * @param cycleFeatures whole-window trend and waveform features per channel ({@link
 *     CycleFeatures}: a two-piece line's fit and bend, the period and the harmonics, kurtosis and
 *     skewness of the series folded at it), projected into the statistics token (needs the
 *     statistics tokens): which waveform a cycle has and where a trend bends are not linear in
 *     the patches, and models trained without them kept confusing sine, triangle and square
 *     seasonality
 * @param structuralFeatures whole-window features per channel from one jointly fitted structural
 *     model ({@link StructuralFeatures}: trend pieces, level steps and the season's waveform fitted
 *     together, so that a level shift is not read as a trend nor a long period as a level shift),
 *     projected into the statistics token (needs the statistics tokens)
 * @param slopeScores slope-change scores in the pointer's per-sample keys (needs the pointer and
 *     the statistics tokens): at every sample, the least-squares slope of the {@code w} samples
 *     from it on minus that of the {@code w} before it, for w = 8, 16 and 32, over its standard
 *     error under the window's noise estimate and bounded by asinh, at offsets -1..1. A turn of the
 *     trend is evidence spread over tens of samples, which the keys' nine raw values do not hold
 * @param waveformEvidence per channel, how much better each seasonality waveform explains the
 *     season than the others, as log-likelihood ratios ({@link WaveformEvidence}), projected into
 *     the statistics token (needs the statistics tokens). The structural features give each
 *     waveform's unexplained share of the season's power; between a sine and a triangle those
 *     shares differ by hundredths, which a linear projection trained from zero did not learn to
 *     read, while their difference in units of the noise is the test itself
 * @param readout a frozen whole-window convolution transform and the class ids its linear readout
 *     adds to ({@link ClassReadout}; {@code null} = none): fitted when a model is adapted to a
 *     user's classes, so that the classes of a few dozen labelled series are read from features
 *     that carry shape well for small data, beside what the decoder learned
 */
public record SeriesFrontEndConfig(int dModel, int patchLength, int stride, int maxPatches,
    int maxChannels, boolean tokenNorm, boolean stats, int pointerFirstId, int pointerBins,
    int denseClasses, boolean patchMlp, int typeFirstId, int types, boolean stuck,
    boolean numberCopy, boolean noiseScores, boolean copySigns, boolean convFeatures,
    boolean cycleFeatures, boolean structuralFeatures, boolean slopeScores, boolean waveformEvidence,
    ClassReadout readout) {
  /** Validates every field. */
  public SeriesFrontEndConfig {
    if (dModel < 1 || patchLength < 1 || maxPatches < 1 || maxChannels < 1) {
      throw new IllegalArgumentException("series front end: dModel, patchLength, maxPatches and "
          + "maxChannels must be >= 1, got " + describe(dModel, patchLength, stride,
          maxPatches, maxChannels));
    }
    if (stride < 1 || stride > patchLength) {
      throw new IllegalArgumentException("series front end: stride must be in [1, patchLength="
          + patchLength + "], got " + stride);
    }
    if (pointerBins < 0 || (pointerBins > 0 && pointerFirstId < 0)) {
      throw new IllegalArgumentException("series front end: pointerBins must be >= 0 and "
          + "pointerFirstId >= 0 when the pointer is on, got pointerBins=" + pointerBins
          + ", pointerFirstId=" + pointerFirstId);
    }
    if (denseClasses < 0 || (denseClasses > 0 && pointerBins == 0)) {
      throw new IllegalArgumentException("series front end: denseClasses must be >= 0 and needs "
          + "the pointer, got denseClasses=" + denseClasses + ", pointerBins=" + pointerBins);
    }
    if (types < 0 || (types > 0 && (pointerBins == 0 || typeFirstId < 0))) {
      throw new IllegalArgumentException("series front end: types must be >= 0 and needs the "
          + "pointer and typeFirstId >= 0, got types=" + types + ", typeFirstId=" + typeFirstId
          + ", pointerBins=" + pointerBins);
    }
    if (copySigns && !numberCopy) {
      throw new IllegalArgumentException("series front end: copySigns extends the number copy; "
          + "turn numberCopy on");
    }
    if (noiseScores && !stats) {
      throw new IllegalArgumentException("series front end: the noise scores read the noise "
          + "estimate of the statistics tokens; turn stats on");
    }
    if (cycleFeatures && !stats) {
      throw new IllegalArgumentException("series front end: the cycle features are added to the "
          + "statistics tokens; turn stats on");
    }
    if (structuralFeatures && !stats) {
      throw new IllegalArgumentException("series front end: the structural features are added to "
          + "the statistics tokens; turn stats on");
    }
    if (waveformEvidence && !stats) {
      throw new IllegalArgumentException("series front end: the waveform evidence is added to the "
          + "statistics tokens; turn stats on");
    }
    if (slopeScores && (!stats || pointerBins == 0)) {
      throw new IllegalArgumentException("series front end: the slope scores are part of the "
          + "pointer's keys and read the noise estimate of the statistics tokens; turn the pointer "
          + "and stats on");
    }
    if (pointerBins > 0 && stride != patchLength) {
      throw new IllegalArgumentException("series front end: the location pointer needs "
          + "non-overlapping patches (stride == patchLength), got stride " + stride
          + " and patchLength " + patchLength);
    }
  }

  /** Without the waveform evidence (model folders written before it existed). */
  public SeriesFrontEndConfig(int dModel, int patchLength, int stride, int maxPatches,
      int maxChannels, boolean tokenNorm, boolean stats, int pointerFirstId, int pointerBins,
      int denseClasses, boolean patchMlp, int typeFirstId, int types, boolean stuck,
      boolean numberCopy, boolean noiseScores, boolean copySigns, boolean convFeatures,
      boolean cycleFeatures, boolean structuralFeatures, boolean slopeScores, ClassReadout readout) {
    this(dModel, patchLength, stride, maxPatches, maxChannels, tokenNorm, stats, pointerFirstId,
        pointerBins, denseClasses, patchMlp, typeFirstId, types, stuck, numberCopy, noiseScores,
        copySigns, convFeatures, cycleFeatures, structuralFeatures, slopeScores, false, readout);
  }

  /** Without the slope scores (model folders written before they existed). */
  public SeriesFrontEndConfig(int dModel, int patchLength, int stride, int maxPatches,
      int maxChannels, boolean tokenNorm, boolean stats, int pointerFirstId, int pointerBins,
      int denseClasses, boolean patchMlp, int typeFirstId, int types, boolean stuck,
      boolean numberCopy, boolean noiseScores, boolean copySigns, boolean convFeatures,
      boolean cycleFeatures, boolean structuralFeatures, ClassReadout readout) {
    this(dModel, patchLength, stride, maxPatches, maxChannels, tokenNorm, stats, pointerFirstId,
        pointerBins, denseClasses, patchMlp, typeFirstId, types, stuck, numberCopy, noiseScores,
        copySigns, convFeatures, cycleFeatures, structuralFeatures, false, readout);
  }

  /** Without the structural features (model folders written before they existed). */
  public SeriesFrontEndConfig(int dModel, int patchLength, int stride, int maxPatches,
      int maxChannels, boolean tokenNorm, boolean stats, int pointerFirstId, int pointerBins,
      int denseClasses, boolean patchMlp, int typeFirstId, int types, boolean stuck,
      boolean numberCopy, boolean noiseScores, boolean copySigns, boolean convFeatures,
      boolean cycleFeatures, ClassReadout readout) {
    this(dModel, patchLength, stride, maxPatches, maxChannels, tokenNorm, stats, pointerFirstId,
        pointerBins, denseClasses, patchMlp, typeFirstId, types, stuck, numberCopy, noiseScores,
        copySigns, convFeatures, cycleFeatures, false, readout);
  }

  /** Without a class readout (the shipped models; an adaptation adds one). */
  public SeriesFrontEndConfig(int dModel, int patchLength, int stride, int maxPatches,
      int maxChannels, boolean tokenNorm, boolean stats, int pointerFirstId, int pointerBins,
      int denseClasses, boolean patchMlp, int typeFirstId, int types, boolean stuck,
      boolean numberCopy, boolean noiseScores, boolean copySigns, boolean convFeatures,
      boolean cycleFeatures) {
    this(dModel, patchLength, stride, maxPatches, maxChannels, tokenNorm, stats, pointerFirstId,
        pointerBins, denseClasses, patchMlp, typeFirstId, types, stuck, numberCopy, noiseScores,
        copySigns, convFeatures, cycleFeatures, null);
  }

  /** Without the cycle features (model folders written before they existed). */
  public SeriesFrontEndConfig(int dModel, int patchLength, int stride, int maxPatches,
      int maxChannels, boolean tokenNorm, boolean stats, int pointerFirstId, int pointerBins,
      int denseClasses, boolean patchMlp, int typeFirstId, int types, boolean stuck,
      boolean numberCopy, boolean noiseScores, boolean copySigns, boolean convFeatures) {
    this(dModel, patchLength, stride, maxPatches, maxChannels, tokenNorm, stats, pointerFirstId,
        pointerBins, denseClasses, patchMlp, typeFirstId, types, stuck, numberCopy, noiseScores,
        copySigns, convFeatures, false);
  }

  /** Without the convolution features (model folders written before they existed). */
  public SeriesFrontEndConfig(int dModel, int patchLength, int stride, int maxPatches,
      int maxChannels, boolean tokenNorm, boolean stats, int pointerFirstId, int pointerBins,
      int denseClasses, boolean patchMlp, int typeFirstId, int types, boolean stuck,
      boolean numberCopy, boolean noiseScores, boolean copySigns) {
    this(dModel, patchLength, stride, maxPatches, maxChannels, tokenNorm, stats, pointerFirstId,
        pointerBins, denseClasses, patchMlp, typeFirstId, types, stuck, numberCopy, noiseScores,
        copySigns, false);
  }

  /** Without the number copy's signs (model folders written before they existed). */
  public SeriesFrontEndConfig(int dModel, int patchLength, int stride, int maxPatches,
      int maxChannels, boolean tokenNorm, boolean stats, int pointerFirstId, int pointerBins,
      int denseClasses, boolean patchMlp, int typeFirstId, int types, boolean stuck,
      boolean numberCopy, boolean noiseScores) {
    this(dModel, patchLength, stride, maxPatches, maxChannels, tokenNorm, stats, pointerFirstId,
        pointerBins, denseClasses, patchMlp, typeFirstId, types, stuck, numberCopy, noiseScores,
        false);
  }

  /** Without the noise scores (model folders written before they existed). */
  public SeriesFrontEndConfig(int dModel, int patchLength, int stride, int maxPatches,
      int maxChannels, boolean tokenNorm, boolean stats, int pointerFirstId, int pointerBins,
      int denseClasses, boolean patchMlp, int typeFirstId, int types, boolean stuck,
      boolean numberCopy) {
    this(dModel, patchLength, stride, maxPatches, maxChannels, tokenNorm, stats, pointerFirstId,
        pointerBins, denseClasses, patchMlp, typeFirstId, types, stuck, numberCopy, false);
  }

  /** Without the number copy (model folders written before it existed). */
  public SeriesFrontEndConfig(int dModel, int patchLength, int stride, int maxPatches,
      int maxChannels, boolean tokenNorm, boolean stats, int pointerFirstId, int pointerBins,
      int denseClasses, boolean patchMlp, int typeFirstId, int types, boolean stuck) {
    this(dModel, patchLength, stride, maxPatches, maxChannels, tokenNorm, stats, pointerFirstId,
        pointerBins, denseClasses, patchMlp, typeFirstId, types, stuck, false);
  }

  /** Without stuck-sample features (model folders written before they existed). */
  public SeriesFrontEndConfig(int dModel, int patchLength, int stride, int maxPatches,
      int maxChannels, boolean tokenNorm, boolean stats, int pointerFirstId, int pointerBins,
      int denseClasses, boolean patchMlp, int typeFirstId, int types) {
    this(dModel, patchLength, stride, maxPatches, maxChannels, tokenNorm, stats, pointerFirstId,
        pointerBins, denseClasses, patchMlp, typeFirstId, types, false);
  }

  /** Without the patch perceptron and type scores (model folders written before they existed). */
  public SeriesFrontEndConfig(int dModel, int patchLength, int stride, int maxPatches,
      int maxChannels, boolean tokenNorm, boolean stats, int pointerFirstId, int pointerBins,
      int denseClasses) {
    this(dModel, patchLength, stride, maxPatches, maxChannels, tokenNorm, stats, pointerFirstId,
        pointerBins, denseClasses, false, 0, 0);
  }

  /** Without statistics tokens and pointer (model folders written before they existed). */
  public SeriesFrontEndConfig(int dModel, int patchLength, int stride, int maxPatches,
      int maxChannels, boolean tokenNorm) {
    this(dModel, patchLength, stride, maxPatches, maxChannels, tokenNorm, false, 0, 0, 0, false, 0, 0);
  }

  /**
   * Without the token norm: the layout of model folders written before it existed (their
   * {@code frontEnd} JSON has no {@code tokenNorm} key and loads as {@code false}).
   */
  public SeriesFrontEndConfig(int dModel, int patchLength, int stride, int maxPatches,
      int maxChannels) {
    this(dModel, patchLength, stride, maxPatches, maxChannels, false);
  }

  /** Patch 16, stride 16, up to 256 patches (4,096 samples) and 16 channels, token norm on. */
  public static SeriesFrontEndConfig defaults(int dModel) {
    return new SeriesFrontEndConfig(dModel, 16, 16, 256, 16, true);
  }

  /** A copy with statistics tokens on or off. */
  public SeriesFrontEndConfig withStats(boolean on) {
    return new SeriesFrontEndConfig(dModel, patchLength, stride, maxPatches, maxChannels, tokenNorm,
        on, pointerFirstId, pointerBins, denseClasses, patchMlp, typeFirstId, types,
        stuck, numberCopy, on && noiseScores, copySigns, convFeatures, on && cycleFeatures,
        on && structuralFeatures, on && slopeScores, on && waveformEvidence, readout);
  }

  /** A copy whose pointer scores ids {@code firstId .. firstId + bins - 1} (bins 0 = off). */
  public SeriesFrontEndConfig withPointer(int firstId, int bins) {
    return new SeriesFrontEndConfig(dModel, patchLength, stride, maxPatches, maxChannels, tokenNorm,
        stats, firstId, bins, bins == 0 ? 0 : denseClasses, patchMlp, bins == 0 ? 0 : typeFirstId,
        bins == 0 ? 0 : types, stuck, numberCopy, noiseScores, copySigns, convFeatures, cycleFeatures,
        structuralFeatures, bins != 0 && slopeScores, waveformEvidence, readout);
  }

  /** A copy with other patch length and stride (equal: non-overlapping patches). */
  public SeriesFrontEndConfig withPatch(int length) {
    return new SeriesFrontEndConfig(dModel, length, length, maxPatches, maxChannels, tokenNorm,
        stats, pointerFirstId, pointerBins, denseClasses, patchMlp, typeFirstId, types,
        stuck, numberCopy, noiseScores, copySigns, convFeatures, cycleFeatures,
        structuralFeatures, slopeScores, waveformEvidence, readout);
  }

  /** A copy with another token width. */
  public SeriesFrontEndConfig withDModel(int d) {
    return new SeriesFrontEndConfig(d, patchLength, stride, maxPatches, maxChannels, tokenNorm,
        stats, pointerFirstId, pointerBins, denseClasses, patchMlp, typeFirstId, types,
        stuck, numberCopy, noiseScores, copySigns, convFeatures, cycleFeatures,
        structuralFeatures, slopeScores, waveformEvidence, readout);
  }

  /** A copy with a dense head of {@code k} classes (0 = none). */
  public SeriesFrontEndConfig withDenseClasses(int k) {
    return new SeriesFrontEndConfig(dModel, patchLength, stride, maxPatches, maxChannels, tokenNorm,
        stats, pointerFirstId, pointerBins, k, patchMlp, typeFirstId, types, stuck, numberCopy,
        noiseScores, copySigns, convFeatures, cycleFeatures, structuralFeatures, slopeScores, waveformEvidence, readout);
  }

  /** A copy with the patch perceptron on or off. */
  public SeriesFrontEndConfig withPatchMlp(boolean on) {
    return new SeriesFrontEndConfig(dModel, patchLength, stride, maxPatches, maxChannels, tokenNorm,
        stats, pointerFirstId, pointerBins, denseClasses, on, typeFirstId, types,
        stuck, numberCopy, noiseScores, copySigns, convFeatures, cycleFeatures,
        structuralFeatures, slopeScores, waveformEvidence, readout);
  }

  /** A copy whose type ids {@code firstId .. firstId + count - 1} gain pointer scores (0 = off). */
  public SeriesFrontEndConfig withTypeScores(int firstId, int count) {
    return new SeriesFrontEndConfig(dModel, patchLength, stride, maxPatches, maxChannels, tokenNorm,
        stats, pointerFirstId, pointerBins, denseClasses, patchMlp, count == 0 ? 0 : firstId, count,
        stuck, numberCopy, noiseScores, copySigns, convFeatures, cycleFeatures,
        structuralFeatures, slopeScores, waveformEvidence, readout);
  }

  /** A copy with the stuck-sample features on or off. */
  public SeriesFrontEndConfig withStuck(boolean on) {
    return new SeriesFrontEndConfig(dModel, patchLength, stride, maxPatches, maxChannels, tokenNorm,
        stats, pointerFirstId, pointerBins, denseClasses, patchMlp, typeFirstId, types, on,
        numberCopy, noiseScores, copySigns, convFeatures, cycleFeatures,
        structuralFeatures, slopeScores, waveformEvidence, readout);
  }

  /** A copy with the noise scores on or off. */
  public SeriesFrontEndConfig withNoiseScores(boolean on) {
    return new SeriesFrontEndConfig(dModel, patchLength, stride, maxPatches, maxChannels, tokenNorm,
        stats, pointerFirstId, pointerBins, denseClasses, patchMlp, typeFirstId, types, stuck,
        numberCopy, on, copySigns, convFeatures, cycleFeatures, structuralFeatures, slopeScores, waveformEvidence, readout);
  }

  /** A copy whose number copy also scores the sign and zero tokens (off with the copy). */
  public SeriesFrontEndConfig withCopySigns(boolean on) {
    return new SeriesFrontEndConfig(dModel, patchLength, stride, maxPatches, maxChannels, tokenNorm,
        stats, pointerFirstId, pointerBins, denseClasses, patchMlp, typeFirstId, types, stuck,
        numberCopy, noiseScores, on && numberCopy, convFeatures, cycleFeatures,
        structuralFeatures, slopeScores, waveformEvidence, readout);
  }

  /** A copy with the number copy on or off. */
  public SeriesFrontEndConfig withNumberCopy(boolean on) {
    return new SeriesFrontEndConfig(dModel, patchLength, stride, maxPatches, maxChannels, tokenNorm,
        stats, pointerFirstId, pointerBins, denseClasses, patchMlp, typeFirstId, types, stuck, on,
        noiseScores, on && copySigns, convFeatures, cycleFeatures, structuralFeatures, slopeScores, waveformEvidence, readout);
  }

  /** A copy with the convolution features on or off. */
  public SeriesFrontEndConfig withConvFeatures(boolean on) {
    return new SeriesFrontEndConfig(dModel, patchLength, stride, maxPatches, maxChannels, tokenNorm,
        stats, pointerFirstId, pointerBins, denseClasses, patchMlp, typeFirstId, types, stuck,
        numberCopy, noiseScores, copySigns, on, cycleFeatures, structuralFeatures, slopeScores, waveformEvidence, readout);
  }

  /** A copy with the cycle features on or off (on needs the statistics tokens). */
  public SeriesFrontEndConfig withCycleFeatures(boolean on) {
    return new SeriesFrontEndConfig(dModel, patchLength, stride, maxPatches, maxChannels, tokenNorm,
        stats, pointerFirstId, pointerBins, denseClasses, patchMlp, typeFirstId, types, stuck,
        numberCopy, noiseScores, copySigns, convFeatures, on, structuralFeatures, slopeScores, waveformEvidence, readout);
  }

  /** A copy with the structural features on or off (on needs the statistics tokens). */
  public SeriesFrontEndConfig withStructuralFeatures(boolean on) {
    return new SeriesFrontEndConfig(dModel, patchLength, stride, maxPatches, maxChannels, tokenNorm,
        stats, pointerFirstId, pointerBins, denseClasses, patchMlp, typeFirstId, types, stuck,
        numberCopy, noiseScores, copySigns, convFeatures, cycleFeatures, on, slopeScores, waveformEvidence, readout);
  }

  /** A copy with the slope scores on or off (on needs the pointer and the statistics tokens). */
  public SeriesFrontEndConfig withSlopeScores(boolean on) {
    return new SeriesFrontEndConfig(dModel, patchLength, stride, maxPatches, maxChannels, tokenNorm,
        stats, pointerFirstId, pointerBins, denseClasses, patchMlp, typeFirstId, types, stuck,
        numberCopy, noiseScores, copySigns, convFeatures, cycleFeatures, structuralFeatures, on,
        waveformEvidence, readout);
  }

  /** A copy with the waveform evidence on or off (on needs the statistics tokens). */
  public SeriesFrontEndConfig withWaveformEvidence(boolean on) {
    return new SeriesFrontEndConfig(dModel, patchLength, stride, maxPatches, maxChannels, tokenNorm,
        stats, pointerFirstId, pointerBins, denseClasses, patchMlp, typeFirstId, types, stuck,
        numberCopy, noiseScores, copySigns, convFeatures, cycleFeatures, structuralFeatures,
        slopeScores, on, readout);
  }

  /** A copy with a class readout ({@code null} = none). */
  public SeriesFrontEndConfig withReadout(ClassReadout r) {
    return new SeriesFrontEndConfig(dModel, patchLength, stride, maxPatches, maxChannels, tokenNorm,
        stats, pointerFirstId, pointerBins, denseClasses, patchMlp, typeFirstId, types, stuck,
        numberCopy, noiseScores, copySigns, convFeatures, cycleFeatures, structuralFeatures, slopeScores, waveformEvidence, r);
  }

  /** True when the location pointer is on. */
  public boolean pointer() {
    return pointerBins > 0;
  }

  /** Number of patches covering {@code length} samples (the last one padded if needed). */
  public int patchesFor(int length) {
    if (length <= patchLength) {
      return 1;
    }
    return (length - patchLength + stride - 1) / stride + 1;
  }

  /**
   * Canonical JSON with a fixed key order ({@code tokenNorm}, {@code stats}, the pointer, the dense
   * head, the patch perceptron, the type scores, the stuck-sample features, the number copy and
   * the noise scores only when on, as older folders).
   */
  public String toJson() {
    return String.format(Locale.ROOT,
        "{\"dModel\":%d,\"patchLength\":%d,\"stride\":%d,\"maxPatches\":%d,\"maxChannels\":%d%s%s%s%s%s%s%s%s%s%s%s%s%s%s%s%s}",
        dModel, patchLength, stride, maxPatches, maxChannels, tokenNorm ? ",\"tokenNorm\":true" : "",
        stats ? ",\"stats\":true" : "", pointerBins > 0 ? String.format(Locale.ROOT,
            ",\"pointerFirstId\":%d,\"pointerBins\":%d", pointerFirstId, pointerBins) : "",
        denseClasses > 0 ? ",\"denseClasses\":" + denseClasses : "",
        patchMlp ? ",\"patchMlp\":true" : "", types > 0 ? String.format(Locale.ROOT,
            ",\"typeFirstId\":%d,\"types\":%d", typeFirstId, types) : "",
        stuck ? ",\"stuck\":true" : "", numberCopy ? ",\"numberCopy\":true" : "",
        noiseScores ? ",\"noiseScores\":true" : "", copySigns ? ",\"copySigns\":true" : "",
        convFeatures ? ",\"convFeatures\":true" : "", cycleFeatures ? ",\"cycleFeatures\":true" : "",
        structuralFeatures ? ",\"structuralFeatures\":true" : "",
        slopeScores ? ",\"slopeScores\":true" : "",
        waveformEvidence ? ",\"waveformEvidence\":true" : "",
        readout != null ? ",\"readout\":" + readout.toJson() : "");
  }

  private static String describe(int d, int p, int s, int mp, int mc) {
    return "dModel=" + d + ", patchLength=" + p + ", stride=" + s + ", maxPatches=" + mp
        + ", maxChannels=" + mc;
  }
}
