package io.florets.vision.label;

import io.florets.vision.data.ColourName;
import io.florets.vision.data.Colours;
import io.florets.vision.image.RasterImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Colour statistics of an image: the share of each named colour among all pixels (pixels with chroma
 * above the threshold are named by hue; the rest are grey), and the mean grey level. Stateless.
 */
public final class ColourStats {
  private ColourStats() {
  }

  /**
   * One named colour's share of the image.
   *
   * @param colour the named colour
   * @param fraction its share of all pixels, in (0, 1]
   */
  public record Share(ColourName colour, double fraction) {
  }

  /** Named colours covering at least {@code minFraction} of the pixels, most frequent first. */
  public static List<Share> dominant(RasterImage img, double minChroma, double minFraction) {
    if (img.channels() != 3) {
      return List.of();
    }
    int[] counts = new int[ColourName.values().length];
    int n = img.width() * img.height();
    for (int y = 0; y < img.height(); y++) {
      for (int x = 0; x < img.width(); x++) {
        float r = img.get(0, x, y);
        float g = img.get(1, x, y);
        float b = img.get(2, x, y);
        if (Colours.chroma(r, g, b) > minChroma) {
          counts[Colours.nearest(r, g, b).ordinal()]++;
        }
      }
    }
    List<Share> out = new ArrayList<>();
    for (ColourName c : ColourName.values()) {
      double f = counts[c.ordinal()] / (double) n;
      if (counts[c.ordinal()] > 0 && f >= minFraction) {
        out.add(new Share(c, f));
      }
    }
    out.sort(Comparator.comparingDouble(Share::fraction).reversed());
    return out;
  }

  /** Mean over pixels of the channel mean, in [0, 1]. */
  public static double meanGrey(RasterImage img) {
    double s = 0;
    for (int c = 0; c < img.channels(); c++) {
      for (int y = 0; y < img.height(); y++) {
        for (int x = 0; x < img.width(); x++) {
          s += img.get(c, x, y);
        }
      }
    }
    return s / (img.channels() * (double) img.width() * img.height());
  }
}
