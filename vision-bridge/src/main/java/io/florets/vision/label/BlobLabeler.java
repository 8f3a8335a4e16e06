package io.florets.vision.label;

import io.florets.vision.data.BoxTarget;
import io.florets.vision.data.ColourName;
import io.florets.vision.data.Colours;
import io.florets.vision.data.SceneObject;
import io.florets.vision.data.ShapeKind;
import io.florets.vision.image.RasterImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Connected components of coloured pixels on a grey background: every pixel whose chroma exceeds a
 * threshold is named by the nearest {@link ColourName}; 4-connected pixels of one name form a blob; blobs
 * smaller than a minimum are dropped. The shape is read from geometry: fill ratio of the box (square
 * &asymp; 1, circle &asymp; &pi;/4, triangle and diamond &asymp; 1/2) and, between triangle and diamond,
 * where the widest row lies. Stateless and thread-safe.
 *
 * @param minChroma pixels with chroma (max - min channel) above this are foreground, in (0, 1)
 * @param minPixels blobs with fewer pixels are dropped (&ge; 1)
 */
public record BlobLabeler(double minChroma, int minPixels) {
  /** The settings that suit the synthetic scenes: chroma above 0.3, at least 12 pixels. */
  public static final BlobLabeler DEFAULT = new BlobLabeler(0.3, 12);

  /** Validates. */
  public BlobLabeler {
    if (!(minChroma > 0 && minChroma < 1) || minPixels < 1) {
      throw new IllegalArgumentException("blob labeler needs minChroma in (0, 1) and minPixels >= 1, got "
          + minChroma + ", " + minPixels);
    }
  }

  /** The blobs of an RGB image in reading order; a grey image has none. */
  public List<Blob> label(RasterImage img) {
    if (img.channels() != 3) {
      return List.of();
    }
    int w = img.width();
    int h = img.height();
    int[] name = new int[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        float r = img.get(0, x, y);
        float g = img.get(1, x, y);
        float b = img.get(2, x, y);
        name[y * w + x] = Colours.chroma(r, g, b) > minChroma ? Colours.nearest(r, g, b).ordinal() : -1;
      }
    }
    int[] comp = new int[w * h];
    java.util.Arrays.fill(comp, -1);
    List<Blob> out = new ArrayList<>();
    int[] stack = new int[w * h];
    int next = 0;
    for (int start = 0; start < w * h; start++) {
      if (name[start] < 0 || comp[start] >= 0) {
        continue;
      }
      int id = next++;
      int top = 0;
      stack[top++] = start;
      comp[start] = id;
      List<Integer> members = new ArrayList<>();
      while (top > 0) {
        int p = stack[--top];
        members.add(p);
        int px = p % w;
        int py = p / w;
        int[] nb = {px > 0 ? p - 1 : -1, px < w - 1 ? p + 1 : -1, py > 0 ? p - w : -1, py < h - 1 ? p + w : -1};
        for (int q : nb) {
          if (q >= 0 && comp[q] < 0 && name[q] == name[start]) {
            comp[q] = id;
            stack[top++] = q;
          }
        }
      }
      if (members.size() >= minPixels) {
        out.add(describe(members, w, ColourName.values()[name[start]]));
      }
    }
    out.sort((a, b) -> io.florets.vision.data.Scene.READING_ORDER.compare(a.box(), b.box()));
    return out;
  }

  /** The blobs as scene objects (shape, colour, box), e.g. for captions. */
  public static List<SceneObject> asObjects(List<Blob> blobs) {
    List<SceneObject> out = new ArrayList<>();
    for (Blob b : blobs) {
      out.add(new SceneObject(b.shape(), b.colour(), b.box(), b.pixels()));
    }
    return out;
  }

  private static Blob describe(List<Integer> members, int w, ColourName colour) {
    int minX = Integer.MAX_VALUE;
    int minY = Integer.MAX_VALUE;
    int maxX = -1;
    int maxY = -1;
    for (int p : members) {
      minX = Math.min(minX, p % w);
      maxX = Math.max(maxX, p % w);
      minY = Math.min(minY, p / w);
      maxY = Math.max(maxY, p / w);
    }
    int bw = maxX - minX + 1;
    int bh = maxY - minY + 1;
    int[] rowWidth = new int[bh];
    for (int p : members) {
      rowWidth[p / w - minY]++;
    }
    double fill = members.size() / (double) (bw * bh);
    ShapeKind shape = classify(fill, rowWidth);
    return new Blob(new BoxTarget(shape.word(), minX, minY, maxX + 1, maxY + 1), shape, colour,
        members.size(), fill);
  }

  /** Shape from the fill ratio and the row-width profile (widest row low = triangle, mid = diamond). */
  static ShapeKind classify(double fill, int[] rowWidth) {
    if (fill > 0.9) {
      return ShapeKind.SQUARE;
    }
    if (fill > 0.68) {
      return ShapeKind.CIRCLE;
    }
    int n = rowWidth.length;
    double widest = 0;
    for (int v : rowWidth) {
      widest = Math.max(widest, v);
    }
    double low = rowWidth[Math.min(n - 1, (int) Math.floor(n * 0.85))];
    return low >= 0.6 * widest ? ShapeKind.TRIANGLE : ShapeKind.DIAMOND;
  }
}
