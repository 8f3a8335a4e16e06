package io.florets.engine.series;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * The per-sample scores of {@link SeriesFrontEndBlock}, computed from the patches' values and the
 * statistics tokens, each {@code [B, C, T]}: stuck-sample flags, noise scores and slope scores, and
 * the shifts along time they are built from. No trainable parameters: these are the fixed inputs
 * that the block's zero-initialised projections read.
 */
final class SampleScores {
  /** Shortest run of identical observed values that the stuck-sample features mark as a run. */
  static final int STUCK_RUN = 5;
  /** Samples averaged on each side of a step in the noise scores. */
  static final int STEP_SIDE = 4;
  /** Lengths of the lines on either side of a sample whose slopes the slope scores compare. */
  static final int[] SLOPE_SIDES = {8, 16, 32};

  private SampleScores() {
  }

  /**
   * The stuck-sample flags of every sample, each {@code [B, C, T]} of 0/1: {@code [0]} the sample
   * and its predecessor are observed and exactly equal; {@code [1]} the sample lies in a run of at
   * least {@link #STUCK_RUN} identical observed values. Computed from the patches' robustly scaled
   * values: equal raw values scale to equal floats, so equality survives the scaling.
   */
  static NDArray[] stuckFeatures(NDArray patches, int patchLength) {
    NDArray[] vm = samples(patches, patchLength);
    NDArray values = vm[0];
    NDArray mask = vm[1];
    NDArray repeat = values.eq(shift(values, 1)).toType(DataType.FLOAT32, false)
        .mul(mask).mul(shift(mask, 1));
    // ends[t]: samples t-4..t are equal (four repeats in a row)
    NDArray ends = repeat;
    for (int k = 1; k < STUCK_RUN - 1; k++) {
      ends = ends.mul(shift(repeat, k));
    }
    NDArray inRun = ends;
    for (int k = 1; k < STUCK_RUN; k++) {
      inRun = inRun.maximum(shift(ends, -k));
    }
    return new NDArray[] {repeat, inRun};
  }

  /**
   * The noise scores of every sample, each {@code [B, C, T]}, 0 where a sample they need is missing:
   * {@code [0]} the first difference, {@code [1]} the distance from the mean of the two neighbours,
   * {@code [2]} the mean of the {@link #STEP_SIDE} samples from this one on minus the mean of the
   * {@link #STEP_SIDE} before it (over observed samples); each in units of the window's noise
   * (statistics feature 7, the normal-consistent median absolute first difference, over sqrt 2;
   * at least 1e-3) and bounded by asinh. Values are the patches' {@code asinh(z)} mapped back to z.
   */
  static NDArray[] noiseScores(NDArray patches, NDArray stats, int patchLength) {
    NDArray[] vm = samples(patches, patchLength);
    NDArray mask = vm[1];
    NDArray z = sinh(vm[0]).mul(mask);
    NDArray noise = noiseUnit(stats);
    NDArray prevMask = shift(mask, 1);
    NDArray nextMask = shift(mask, -1);
    NDArray d1 = asinh(z.sub(shift(z, 1)).mul(mask).mul(prevMask).div(noise));
    NDArray d2 = asinh(z.sub(shift(z, 1).add(shift(z, -1)).mul(0.5f)).mul(mask).mul(prevMask)
        .mul(nextMask).div(noise));
    NDArray afterSum = z;
    NDArray afterCount = mask;
    NDArray beforeSum = shift(z, 1);
    NDArray beforeCount = prevMask;
    for (int k = 1; k < STEP_SIDE; k++) {
      afterSum = afterSum.add(shift(z, -k));
      afterCount = afterCount.add(shift(mask, -k));
      beforeSum = beforeSum.add(shift(z, k + 1));
      beforeCount = beforeCount.add(shift(mask, k + 1));
    }
    NDArray both = afterCount.gt(0f).logicalAnd(beforeCount.gt(0f)).toType(DataType.FLOAT32, false);
    NDArray step = asinh(afterSum.div(afterCount.maximum(1f))
        .sub(beforeSum.div(beforeCount.maximum(1f))).mul(both).div(noise));
    return new NDArray[] {d1, d2, step};
  }

  /**
   * The slope scores of every sample, one {@code [B, C, T]} per length w of {@link #SLOPE_SIDES}:
   * the least-squares slope of the observed samples among the w from this one on, minus that of
   * the observed samples among the w before it, over its standard error when the window's noise
   * (as in {@link #noiseScores}) is white, bounded by asinh; 0 where either side has fewer than
   * three observed samples. The sums come from cumulative sums in double precision, so a window of
   * thousands of samples loses nothing to cancellation.
   */
  static NDArray[] slopeScores(NDArray patches, NDArray stats, int patchLength) {
    NDManager m = patches.getManager();
    long t = patches.getShape().get(2) * patchLength;
    NDArray[] vm = samples(patches, patchLength);
    NDArray mask = vm[1];
    NDArray z = sinh(vm[0]).mul(mask);
    NDArray noise = noiseUnit(stats).toType(DataType.FLOAT64, false);
    NDArray md = mask.toType(DataType.FLOAT64, false);
    NDArray zd = z.toType(DataType.FLOAT64, false);
    NDArray tt = m.arange(0, (int) t, 1, DataType.FLOAT64).reshape(1, 1, t);
    // inclusive cumulative sums of 1, t, t^2, y and t y over observed samples
    NDArray[] cum = {md.cumSum(2), md.mul(tt).cumSum(2), md.mul(tt).mul(tt).cumSum(2),
        zd.cumSum(2), zd.mul(tt).cumSum(2)};
    NDArray[] out = new NDArray[SLOPE_SIDES.length];
    for (int k = 0; k < SLOPE_SIDES.length; k++) {
      int w = SLOPE_SIDES[k];
      // after: samples u..u+w-1 = cum[u+w-1] - cum[u-1]; before: u-w..u-1 = cum[u-1] - cum[u-w-1]
      NDArray[] after = new NDArray[5];
      NDArray[] before = new NDArray[5];
      for (int i = 0; i < 5; i++) {
        NDArray upTo = shiftHold(cum[i], -(w - 1));
        NDArray prev = shift(cum[i], 1);
        after[i] = upTo.sub(prev);
        before[i] = prev.sub(shift(cum[i], w + 1));
      }
      NDArray[] fa = lineFit(after);
      NDArray[] fb = lineFit(before);
      NDArray ok = fa[2].mul(fb[2]);
      NDArray se = fa[1].add(fb[1]).sqrt().mul(noise).maximum(1e-12);
      NDArray score = fa[0].sub(fb[0]).div(se).mul(ok).toType(DataType.FLOAT32, false);
      out[k] = asinh(score);
    }
    return out;
  }

  /**
   * From the sums {n, St, Stt, Sy, Sty} of a stretch: {slope, 1 / Sxx (the slope's variance per
   * unit noise variance), 1 where at least three samples count else 0}.
   */
  private static NDArray[] lineFit(NDArray[] sums) {
    NDArray n = sums[0];
    NDArray enough = n.gte(3.0).toType(DataType.FLOAT64, false);
    NDArray safeN = n.maximum(1.0);
    NDArray sxx = sums[2].sub(sums[1].mul(sums[1]).div(safeN));
    NDArray sxy = sums[4].sub(sums[1].mul(sums[3]).div(safeN));
    NDArray good = enough.mul(sxx.gt(1e-9).toType(DataType.FLOAT64, false));
    NDArray safeSxx = sxx.maximum(1e-9);
    return new NDArray[] {sxy.div(safeSxx).mul(good), good.div(safeSxx), good};
  }

  /**
   * {@code x [B, C, T]} shifted by {@code k} along time like {@link #shift}, but past the end (for
   * {@code k < 0}) it repeats the last value: the running total of a cumulative sum.
   */
  private static NDArray shiftHold(NDArray x, int k) {
    if (k >= 0) {
      return shift(x, k);
    }
    Shape s = x.getShape();
    long t = s.get(2);
    long a = Math.min(-k, t);
    NDArray last = x.get(":, :, {}:", t - 1).repeat(2, a);
    if (a == t) {
      return last;
    }
    return NDArrays.concat(new NDList(x.get(":, :, {}:", a), last), 2);
  }

  /** Elementwise sinh (the engine has no native one). */
  private static NDArray sinh(NDArray x) {
    return x.exp().sub(x.neg().exp()).mul(0.5f);
  }

  /** Elementwise asinh, {@code sign(x) ln(|x| + sqrt(x^2 + 1))} (exact for large |x| of either sign). */
  private static NDArray asinh(NDArray x) {
    NDArray a = x.abs();
    return a.add(a.square().add(1f).sqrt()).log().mul(x.sign());
  }

  /** {@code x [B, C, T]} shifted by {@code k} along time: {@code out[t] = x[t - k]}, zero-filled. */
  static NDArray shift(NDArray x, int k) {
    if (k == 0) {
      return x;
    }
    Shape s = x.getShape();
    long t = s.get(2);
    long a = Math.min(Math.abs(k), t);
    NDArray zeros = x.getManager().zeros(new Shape(s.get(0), s.get(1), a), x.getDataType());
    if (a == t) {
      return zeros;
    }
    return k > 0
        ? NDArrays.concat(new NDList(zeros, x.get(":, :, 0:{}", t - a)), 2)
        : NDArrays.concat(new NDList(x.get(":, :, {}:", a), zeros), 2);
  }

  /**
   * The patches' per-sample values and observed mask, each {@code [B, C, T]} (the patches hold
   * {@code patchLength} values, then as many mask flags).
   */
  private static NDArray[] samples(NDArray patches, int patchLength) {
    Shape s = patches.getShape();
    long t = s.get(2) * patchLength;
    return new NDArray[] {
        patches.get(":, :, :, 0:{}", patchLength).reshape(s.get(0), s.get(1), t),
        patches.get(":, :, :, {}:", patchLength).reshape(s.get(0), s.get(1), t)};
  }

  /**
   * The window's noise unit, {@code [B, C, 1]}: statistics feature 7 (the normal-consistent median
   * absolute first difference) over sqrt 2, at least 1e-3.
   */
  private static NDArray noiseUnit(NDArray stats) {
    Shape s = stats.getShape();
    return sinh(stats.get(":, :, 7")).div((float) Math.sqrt(2)).maximum(1e-3f).reshape(s.get(0), s.get(1), 1);
  }
}
