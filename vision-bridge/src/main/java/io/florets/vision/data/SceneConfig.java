package io.florets.vision.data;

/**
 * Settings of the synthetic scene generator.
 *
 * @param side image width and height in pixels (&ge; 16)
 * @param minObjects fewest shapes per scene (&ge; 1)
 * @param maxObjects most shapes per scene (&ge; minObjects, &le; 5, the counts captions can say)
 * @param minSize smallest shape extent in pixels (&ge; 6)
 * @param maxSize largest shape extent in pixels (&ge; minSize, &le; side / 2)
 * @param texturedFraction probability of a non-plain background, in [0, 1]
 * @param minVisibleFraction each shape keeps at least this fraction of its pixels visible, in (0, 1]
 */
public record SceneConfig(int side, int minObjects, int maxObjects, int minSize, int maxSize,
    double texturedFraction, double minVisibleFraction) {
  /** The defaults used for training and evaluation: 64 px, 1-4 shapes of 10-22 px, half textured. */
  public static final SceneConfig DEFAULT = new SceneConfig(64, 1, 4, 10, 22, 0.5, 0.6);

  /** Validates every bound. */
  public SceneConfig {
    if (side < 16) {
      throw new IllegalArgumentException("scene side must be >= 16 px, got " + side);
    }
    if (minObjects < 1 || maxObjects < minObjects || maxObjects > 5) {
      throw new IllegalArgumentException("scene object counts need 1 <= min <= max <= 5, got "
          + minObjects + ".." + maxObjects);
    }
    if (minSize < 6 || maxSize < minSize || maxSize > side / 2) {
      throw new IllegalArgumentException("shape sizes need 6 <= min <= max <= side/2 = " + side / 2
          + ", got " + minSize + ".." + maxSize);
    }
    if (!(texturedFraction >= 0 && texturedFraction <= 1)) {
      throw new IllegalArgumentException("texturedFraction must be in [0, 1], got " + texturedFraction);
    }
    if (!(minVisibleFraction > 0 && minVisibleFraction <= 1)) {
      throw new IllegalArgumentException("minVisibleFraction must be in (0, 1], got " + minVisibleFraction);
    }
  }
}
