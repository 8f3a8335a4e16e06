package io.florets.vision.data;

import io.florets.vision.image.RasterImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Seeded synthetic scenes with exact truth: coloured circles, squares, triangles and diamonds of varied
 * size and position on plain or textured grey backgrounds, possibly overlapping.
 *
 * <p>Rules that keep the truth exact and learnable: shapes of the same colour never touch (so their
 * pixels stay separable); shapes of different colours may overlap, but each keeps at least
 * {@link SceneConfig#minVisibleFraction()} of its pixels visible; a shape's truth box is the bounding box
 * of its visible pixels. Scene {@code i} of seed {@code s} is the same on every run and machine.
 * Immutable and thread-safe.
 */
public final class SceneGenerator {
  private static final int MAX_TRIES = 200;
  private final SceneConfig config;
  private final long seed;

  private SceneGenerator(SceneConfig config, long seed) {
    this.config = config;
    this.seed = seed;
  }

  /** A generator with the given settings and seed. */
  public static SceneGenerator of(SceneConfig config, long seed) {
    return new SceneGenerator(Objects.requireNonNull(config, "config"), seed);
  }

  /** The settings. */
  public SceneConfig config() {
    return config;
  }

  /** Scenes {@code 0..n-1}. */
  public List<Scene> generate(int n) {
    List<Scene> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(scene(i));
    }
    return out;
  }

  /** Scene number {@code index} (independent of which other scenes were made). */
  public Scene scene(long index) {
    SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
    int side = config.side();
    int n = config.minObjects() + rnd.nextInt(config.maxObjects() - config.minObjects() + 1);
    int[] ids = new int[side * side];
    Arrays.fill(ids, -1);
    List<Placed> placed = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      for (int t = 0; t < MAX_TRIES; t++) {
        Placed p = Placed.random(rnd, config, placed.size());
        if (tryPlace(p, placed, ids)) {
          placed.add(p);
          break;
        }
      }
    }
    Background bg = config.texturedFraction() > 0 && rnd.nextDouble() < config.texturedFraction()
        ? Background.values()[1 + rnd.nextInt(Background.values().length - 1)] : Background.PLAIN;
    float level = (float) (rnd.nextBoolean() ? 0.1 + 0.25 * rnd.nextDouble() : 0.6 + 0.3 * rnd.nextDouble());
    float[] chw = Backgrounds.paint(bg, level, side, rnd);
    List<SceneObject> objects = new ArrayList<>();
    int plane = side * side;
    for (Placed p : placed) {
      float[] rgb = p.colour.rgb();
      for (int c = 0; c < 3; c++) {
        rgb[c] = clamp(rgb[c] + (float) (rnd.nextDouble() * 0.12 - 0.06));
      }
      int minX = side;
      int minY = side;
      int maxX = -1;
      int maxY = -1;
      int count = 0;
      for (int i = 0; i < plane; i++) {
        if (ids[i] != p.id) {
          continue;
        }
        int x = i % side;
        int y = i / side;
        for (int c = 0; c < 3; c++) {
          chw[c * plane + i] = clamp(rgb[c] + (float) (rnd.nextDouble() * 0.04 - 0.02));
        }
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
        count++;
      }
      objects.add(new SceneObject(p.shape, p.colour,
          new BoxTarget(p.shape.word(), minX, minY, maxX + 1, maxY + 1), count));
    }
    return new Scene(RasterImage.of(side, side, 3, chw), objects, bg, level < 0.5f);
  }

  /** Draws {@code p} on top if all rules still hold; otherwise leaves {@code ids} unchanged. */
  private boolean tryPlace(Placed p, List<Placed> placed, int[] ids) {
    int side = config.side();
    for (Placed q : placed) {
      if (q.colour == p.colour && q.boundsTouch(p, 2)) {
        return false;
      }
    }
    int[] trial = ids.clone();
    int own = 0;
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        if (p.contains(x + 0.5, y + 0.5)) {
          trial[y * side + x] = p.id;
          own++;
        }
      }
    }
    if (own == 0) {
      return false;
    }
    int[] visible = new int[placed.size() + 1];
    for (int v : trial) {
      if (v >= 0) {
        visible[v]++;
      }
    }
    for (Placed q : placed) {
      if (visible[q.id] < config.minVisibleFraction() * q.area || visible[q.id] < 12) {
        return false;
      }
    }
    p.area = own;
    System.arraycopy(trial, 0, ids, 0, ids.length);
    return true;
  }

  private static float clamp(float v) {
    return Math.max(0f, Math.min(1f, v));
  }

  /** A shape being placed: kind, colour, centre and extent in pixels. */
  private static final class Placed {
    final int id;
    final ShapeKind shape;
    final ColourName colour;
    final double cx;
    final double cy;
    final double size;
    int area;

    Placed(int id, ShapeKind shape, ColourName colour, double cx, double cy, double size) {
      this.id = id;
      this.shape = shape;
      this.colour = colour;
      this.cx = cx;
      this.cy = cy;
      this.size = size;
    }

    static Placed random(SplittableRandom rnd, SceneConfig c, int id) {
      double size = c.minSize() + rnd.nextDouble() * (c.maxSize() - c.minSize());
      double half = size / 2;
      double cx = half + rnd.nextDouble() * (c.side() - size);
      double cy = half + rnd.nextDouble() * (c.side() - size);
      ShapeKind s = ShapeKind.values()[rnd.nextInt(ShapeKind.values().length)];
      ColourName col = ColourName.values()[rnd.nextInt(ColourName.values().length)];
      return new Placed(id, s, col, cx, cy, size);
    }

    boolean boundsTouch(Placed o, double gap) {
      double reach = (size + o.size) / 2 + gap;
      return Math.abs(cx - o.cx) < reach && Math.abs(cy - o.cy) < reach;
    }

    boolean contains(double px, double py) {
      double h = size / 2;
      double dx = px - cx;
      double dy = py - cy;
      switch (shape) {
        case CIRCLE:
          return dx * dx + dy * dy <= h * h;
        case SQUARE:
          return Math.abs(dx) <= h && Math.abs(dy) <= h;
        case TRIANGLE:
          return dy >= -h && dy <= h && Math.abs(dx) <= (dy + h) / 2;
        case DIAMOND:
          return Math.abs(dx) + Math.abs(dy) <= h;
        default:
          throw new IllegalStateException("unknown shape " + shape);
      }
    }
  }
}
