package io.florets.labelers.minirocket;

/** Checks that a batch of series is non-empty, rectangular and finite, and reports its shape. */
final class Shape {
  final int channels;
  final int length;

  private Shape(int channels, int length) {
    this.channels = channels;
    this.length = length;
  }

  /**
   * Validates {@code x} (examples &times; channels &times; length).
   *
   * @param channels required channel count, or -1 to take it from the first example
   * @param length required length, or -1 to take it from the first example
   * @param what names the input in error messages
   */
  static Shape check(float[][][] x, int channels, int length, String what) {
    if (x == null || x.length == 0) {
      throw new IllegalArgumentException(what + ": needs at least one series");
    }
    if (x[0] == null || x[0].length == 0 || x[0][0] == null) {
      throw new IllegalArgumentException(what + ": series 0 has no channels");
    }
    int c = channels < 0 ? x[0].length : channels;
    int n = length < 0 ? x[0][0].length : length;
    for (int i = 0; i < x.length; i++) {
      float[][] s = x[i];
      if (s == null || s.length != c) {
        throw new IllegalArgumentException(what + ": series " + i + " has "
            + (s == null ? "no" : String.valueOf(s.length)) + " channels, expected " + c);
      }
      for (int ch = 0; ch < c; ch++) {
        float[] v = s[ch];
        if (v == null || v.length != n) {
          throw new IllegalArgumentException(what + ": series " + i + " channel " + ch + " has length "
              + (v == null ? "null" : String.valueOf(v.length)) + ", expected " + n
              + " (MiniRocket needs equal-length series)");
        }
        for (int t = 0; t < n; t++) {
          if (!Float.isFinite(v[t])) {
            throw new IllegalArgumentException(what + ": series " + i + " channel " + ch
                + " has non-finite value " + v[t] + " at position " + t);
          }
        }
      }
    }
    return new Shape(c, n);
  }
}
