package io.florets.vision.image;

/**
 * Bicubic squash-resize to a square side, as Florence-2 resizes: the aspect ratio is not kept.
 *
 * <p>Separable cubic convolution (Keys, a = -0.5) with the kernel widened by the scale factor when
 * shrinking, so that downsizing a large photograph averages instead of aliasing. Edge pixels are
 * replicated. Results are clamped to [0, 1] (cubic overshoot). Stateless and thread-safe.
 */
public final class Resize {
  private static final double A = -0.5;

  private Resize() {
  }

  /** The image resized to {@code side} &times; {@code side} (a copy even when already that size). */
  public static RasterImage square(RasterImage img, int side) {
    return to(img, side, side);
  }

  /** The image resized to {@code width} &times; {@code height}. */
  public static RasterImage to(RasterImage img, int width, int height) {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("resize target must be >= 1x1, got " + width + "x" + height);
    }
    int sw = img.width();
    int sh = img.height();
    int ch = img.channels();
    float[] src = img.toChw();
    if (sw == width && sh == height) {
      return RasterImage.ofOwned(width, height, ch, src);
    }
    Weights wx = weights(sw, width);
    Weights wy = weights(sh, height);
    float[] tmp = new float[ch * sh * width];
    for (int c = 0; c < ch; c++) {
      for (int y = 0; y < sh; y++) {
        int rowIn = (c * sh + y) * sw;
        int rowOut = (c * sh + y) * width;
        for (int x = 0; x < width; x++) {
          double s = 0;
          for (int k = 0; k < wx.taps; k++) {
            s += wx.w[x * wx.taps + k] * src[rowIn + wx.idx[x * wx.taps + k]];
          }
          tmp[rowOut + x] = (float) s;
        }
      }
    }
    float[] out = new float[ch * height * width];
    for (int c = 0; c < ch; c++) {
      for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
          double s = 0;
          for (int k = 0; k < wy.taps; k++) {
            s += wy.w[y * wy.taps + k] * tmp[(c * sh + wy.idx[y * wy.taps + k]) * width + x];
          }
          out[(c * height + y) * width + x] = (float) Math.max(0.0, Math.min(1.0, s));
        }
      }
    }
    return RasterImage.ofOwned(width, height, ch, out);
  }

  /** The cubic convolution kernel (Keys, a = -0.5) at distance {@code t}. */
  static double cubic(double t) {
    double x = Math.abs(t);
    if (x <= 1) {
      return ((A + 2) * x - (A + 3)) * x * x + 1;
    }
    if (x < 2) {
      return ((A * x - 5 * A) * x + 8 * A) * x - 4 * A;
    }
    return 0;
  }

  private static final class Weights {
    final int taps;
    final int[] idx;
    final double[] w;

    Weights(int taps, int n) {
      this.taps = taps;
      this.idx = new int[taps * n];
      this.w = new double[taps * n];
    }
  }

  /** Per output pixel, the source indices and normalised weights along one axis. */
  private static Weights weights(int in, int out) {
    double scale = (double) in / out;
    double support = 2.0 * Math.max(1.0, scale);
    double stretch = Math.max(1.0, scale);
    int taps = (int) Math.ceil(2 * support) + 1;
    Weights r = new Weights(taps, out);
    for (int o = 0; o < out; o++) {
      double centre = (o + 0.5) * scale - 0.5;
      int first = (int) Math.floor(centre - support) + 1;
      double sum = 0;
      for (int k = 0; k < taps; k++) {
        int i = first + k;
        double wt = cubic((i - centre) / stretch);
        r.idx[o * taps + k] = Math.max(0, Math.min(in - 1, i));
        r.w[o * taps + k] = wt;
        sum += wt;
      }
      for (int k = 0; k < taps; k++) {
        r.w[o * taps + k] /= sum;
      }
    }
    return r;
  }
}
