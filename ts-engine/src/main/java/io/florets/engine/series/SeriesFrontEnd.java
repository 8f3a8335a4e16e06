package io.florets.engine.series;

import io.florets.datasets.Window;
import io.florets.engine.FrontEnd;
import io.florets.engine.FrontEndBatch;
import io.florets.engine.HostTensor;
import io.florets.engine.MagnitudeBins;
import io.florets.engine.OutputMapping;
import io.florets.engine.nn.FrontEndBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The windowed time-series front end. For each window and channel: robust location/scale
 * ({@link RobustScale}), values normalised as {@code asinh((x - location) / scale)} (linear near 0,
 * logarithmic for outliers, so that one spike cannot swamp a patch's other content and its
 * position embedding), NaN replaced by 0
 * with an observed-mask, patches of {@code patchLength} every {@code stride} samples (the tail
 * padded and masked), and the features {@code [asinh(location), ln(scale)]} for a scale token.
 *
 * <p>Host arrays (in this order) for a batch with at most C channels and P patches:
 * {@code patches [B, C, P, 2*patchLength]} (values then mask), {@code patchMask [B, C, P]},
 * {@code scaleFeatures [B, C, 2]}, {@code channelMask [B, C]}, then with statistics tokens
 * {@code stats [B, C, F]} ({@link WindowStatistics}), with the number copy {@code copyBins
 * [B, C * K]} (the magnitude bin of each {@link NumberCandidates number candidate}, -1 where it is
 * zero, undefined or the channel absent), with its signs {@code copySigns [B, C * K]} (1 zero,
 * 2 positive, 3 negative, 0 undefined or absent), with the convolution features {@code conv
 * [B, C, P, F]} ({@link ConvFeatures}), with the cycle features {@code cycle [B, C, F]}
 * ({@link CycleFeatures}), with the structural features {@code structural [B, C, F]}
 * ({@link StructuralFeatures}), with the waveform evidence {@code waveform [B, C, F]}
 * ({@link WaveformEvidence}), with a class readout {@code readout [B, F]} ({@link ClassReadout})
 * and with a pointer {@code locationIndex [B, bins]} (the
 * sample each location bin stands for, as floats). Token layout (see
 * {@link SeriesFrontEndBlock}): {@code [summary ; C scale tokens ; (C statistics tokens ;) C*P
 * patch tokens]}.
 *
 * <p>Immutable and thread-safe. The {@link OutputMapping} extent is {window length}.
 */
public final class SeriesFrontEnd implements FrontEnd<Window> {
  private final SeriesFrontEndConfig config;

  private SeriesFrontEnd(SeriesFrontEndConfig config) {
    this.config = config;
  }

  /** A front end with the given settings. */
  public static SeriesFrontEnd of(SeriesFrontEndConfig config) {
    return new SeriesFrontEnd(Objects.requireNonNull(config, "config"));
  }

  /** The settings. */
  public SeriesFrontEndConfig config() {
    return config;
  }

  @Override
  public String kind() {
    return "series";
  }

  @Override
  public String configJson() {
    return config.toJson();
  }

  @Override
  public int dModel() {
    return config.dModel();
  }

  @Override
  public FrontEndBlock createBlock() {
    return new SeriesFrontEndBlock(config);
  }

  @Override
  public FrontEndBatch prepare(List<? extends Window> windows) {
    if (windows == null || windows.isEmpty()) {
      throw new IllegalArgumentException("series front end: no windows given");
    }
    int b = windows.size();
    int maxC = 0;
    int maxP = 0;
    for (int i = 0; i < b; i++) {
      Window w = Objects.requireNonNull(windows.get(i), "window " + i);
      if (w.channels() > config.maxChannels()) {
        throw new IllegalArgumentException(w + " (batch index " + i + ") has " + w.channels()
            + " channels; this front end takes at most " + config.maxChannels());
      }
      int p = config.patchesFor(w.length());
      if (p > config.maxPatches()) {
        throw new IllegalArgumentException(w + " (batch index " + i + ") needs " + p
            + " patches; this front end takes at most " + config.maxPatches() + " (window length <= "
            + ((config.maxPatches() - 1) * config.stride() + config.patchLength()) + ")");
      }
      if (w.isAllMissing()) {
        throw new IllegalArgumentException(w + " (batch index " + i + ") is all missing (NaN)");
      }
      maxC = Math.max(maxC, w.channels());
      maxP = Math.max(maxP, p);
    }
    int pl = config.patchLength();
    float[] patches = new float[b * maxC * maxP * 2 * pl];
    float[] patchMask = new float[b * maxC * maxP];
    float[] scaleFeatures = new float[b * maxC * 2];
    float[] channelMask = new float[b * maxC];
    int nf = WindowStatistics.FEATURES;
    float[] stats = config.stats() ? new float[b * maxC * nf] : null;
    int nk = NumberCandidates.KINDS;
    float[] copyBins = config.numberCopy() ? new float[b * maxC * nk] : null;
    if (copyBins != null) {
      java.util.Arrays.fill(copyBins, -1f);
    }
    float[] copySigns = config.copySigns() ? new float[b * maxC * nk] : null;
    int nv = ConvFeatures.FEATURES;
    float[] conv = config.convFeatures() ? new float[b * maxC * maxP * nv] : null;
    int ny = CycleFeatures.FEATURES;
    float[] cycle = config.cycleFeatures() ? new float[b * maxC * ny] : null;
    int nz = StructuralFeatures.FEATURES;
    float[] structural = config.structuralFeatures() ? new float[b * maxC * nz] : null;
    int ne = WaveformEvidence.FEATURES;
    float[] waveform = config.waveformEvidence() ? new float[b * maxC * ne] : null;
    ClassReadout readout = config.readout();
    int nr = readout == null ? 0 : readout.features();
    float[] readoutFeatures = readout == null ? null : new float[b * nr];
    int bins = config.pointerBins();
    float[] locationIndex = bins > 0 ? new float[b * bins] : null;
    List<OutputMapping> mappings = new ArrayList<>(b);
    for (int i = 0; i < b; i++) {
      Window w = windows.get(i);
      int len = w.length();
      int np = config.patchesFor(len);
      float[] loc = new float[w.channels()];
      float[] sc = new float[w.channels()];
      for (int c = 0; c < w.channels(); c++) {
        float[] x = w.channelView(c);
        float[] ls;
        try {
          ls = RobustScale.of(x);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(w + " channel " + c + ": " + e.getMessage(), e);
        }
        loc[c] = ls[0];
        sc[c] = ls[1];
        int bc = i * maxC + c;
        channelMask[bc] = 1f;
        scaleFeatures[bc * 2] = (float) asinh(ls[0]);
        scaleFeatures[bc * 2 + 1] = (float) Math.log(ls[1]);
        if (stats != null) {
          System.arraycopy(WindowStatistics.of(x, ls[0], ls[1]), 0, stats, bc * nf, nf);
        }
        if (cycle != null) {
          System.arraycopy(CycleFeatures.of(x, ls[0], ls[1]), 0, cycle, bc * ny, ny);
        }
        if (structural != null || waveform != null) {
          io.florets.datasets.signal.StructuralFit fit = StructuralFeatures.fit(x); // one fit for both
          if (structural != null) {
            System.arraycopy(StructuralFeatures.of(fit), 0, structural, bc * nz, nz);
          }
          if (waveform != null) {
            System.arraycopy(WaveformEvidence.of(fit, StructuralFeatures.observed(x)), 0, waveform,
                bc * ne, ne);
          }
        }
        if (copyBins != null) {
          double[] cand = NumberCandidates.of(x, ls[0], ls[1]);
          for (int k = 0; k < nk; k++) {
            copyBins[bc * nk + k] = MagnitudeBins.of(cand[k]);
            if (copySigns != null) {
              copySigns[bc * nk + k] = signCode(cand[k]);
            }
          }
        }
        for (int p = 0; p < np; p++) {
          patchMask[bc * maxP + p] = 1f;
          int base = (bc * maxP + p) * 2 * pl;
          int start = p * config.stride();
          for (int j = 0; j < pl; j++) {
            int t = start + j;
            if (t < len && !Float.isNaN(x[t])) {
              patches[base + j] = (float) asinh((x[t] - ls[0]) / ls[1]);
              patches[base + pl + j] = 1f;
            }
          }
        }
        if (conv != null) {
          writeConv(x, ls, np, conv, bc * maxP * nv);
        }
      }
      if (readoutFeatures != null) {
        float[][] channels = new float[w.channels()][];
        for (int c = 0; c < channels.length; c++) {
          channels[c] = w.channelView(c);
        }
        try {
          readout.write(channels, readoutFeatures, i * nr);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(w + " (batch index " + i + "): " + e.getMessage(), e);
        }
      }
      if (locationIndex != null) {
        for (int q = 0; q < bins; q++) {
          locationIndex[i * bins + q] = sampleOfBin(q, len, bins);
        }
      }
      mappings.add(new OutputMapping(new int[] {len}, loc, sc));
    }
    List<HostTensor> tensors = new ArrayList<>(List.of(
        new HostTensor("patches", patches, new long[] {b, maxC, maxP, 2L * pl}),
        new HostTensor("patchMask", patchMask, new long[] {b, maxC, maxP}),
        new HostTensor("scaleFeatures", scaleFeatures, new long[] {b, maxC, 2}),
        new HostTensor("channelMask", channelMask, new long[] {b, maxC})));
    if (stats != null) {
      tensors.add(new HostTensor("stats", stats, new long[] {b, maxC, nf}));
    }
    if (copyBins != null) {
      tensors.add(new HostTensor("copyBins", copyBins, new long[] {b, (long) maxC * nk}));
    }
    if (copySigns != null) {
      tensors.add(new HostTensor("copySigns", copySigns, new long[] {b, (long) maxC * nk}));
    }
    if (conv != null) {
      tensors.add(new HostTensor("conv", conv, new long[] {b, maxC, maxP, nv}));
    }
    if (cycle != null) {
      tensors.add(new HostTensor("cycle", cycle, new long[] {b, maxC, ny}));
    }
    if (structural != null) {
      tensors.add(new HostTensor("structural", structural, new long[] {b, maxC, nz}));
    }
    if (waveform != null) {
      tensors.add(new HostTensor("waveform", waveform, new long[] {b, maxC, ne}));
    }
    if (readoutFeatures != null) {
      tensors.add(new HostTensor("readout", readoutFeatures, new long[] {b, nr}));
    }
    if (locationIndex != null) {
      tensors.add(new HostTensor("locationIndex", locationIndex, new long[] {b, bins}));
    }
    return FrontEndBatch.of(tensors, mappings);
  }

  /** The {@link ConvFeatures} of one channel's samples, scaled as the patches are. */
  private void writeConv(float[] x, float[] ls, int patches, float[] out, int offset) {
    float[] scaled = new float[x.length];
    boolean[] observed = new boolean[x.length];
    for (int t = 0; t < x.length; t++) {
      if (!Float.isNaN(x[t])) {
        scaled[t] = (float) asinh((x[t] - ls[0]) / ls[1]);
        observed[t] = true;
      }
    }
    ConvFeatures.write(scaled, observed, x.length, patches, config.patchLength(), config.stride(),
        out, offset);
  }

  /**
   * The sample that location bin {@code q} of {@code bins} stands for in a window of {@code length}
   * samples: the sample holding the bin centre, {@code floor((q + 0.5) * length / bins)}.
   */
  static int sampleOfBin(int q, int length, int bins) {
    return Math.min(length - 1, (int) Math.floor((q + 0.5) * length / bins));
  }

  /**
   * The sign code of a number candidate: 1 zero (written as the zero token), 2 positive,
   * 3 negative, 0 undefined.
   */
  static float signCode(double v) {
    if (!Double.isFinite(v)) {
      return 0f;
    }
    return MagnitudeBins.of(v) < 0 ? 1f : v > 0 ? 2f : 3f;
  }

  private static double asinh(double x) {
    return Math.log(x + Math.sqrt(x * x + 1.0));
  }
}
