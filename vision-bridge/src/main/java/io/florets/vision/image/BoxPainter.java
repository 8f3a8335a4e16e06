package io.florets.vision.image;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * Draws labelled boxes on a copy of an image (for {@code florets ask --annotate}): each box outlined in
 * a colour of its own, with its label and confidence on a filled tag above it. Small images are
 * enlarged (nearest neighbour) first so that labels stay legible. Stateless and thread-safe.
 */
public final class BoxPainter {
  private static final Color[] PALETTE = {new Color(255, 64, 64), new Color(64, 160, 255), new Color(64, 220, 64),
      new Color(255, 200, 0), new Color(220, 64, 255), new Color(255, 128, 0), new Color(0, 220, 220)};

  private BoxPainter() {
  }

  /**
   * A box to draw, in pixels of the original image.
   *
   * @param label text of the tag
   * @param x1 left
   * @param y1 top
   * @param x2 right
   * @param y2 bottom
   * @param confidence in [0, 1], printed after the label
   */
  public record Drawn(String label, double x1, double y1, double x2, double y2, double confidence) {
  }

  /** The image with the boxes drawn on it, enlarged to at least 256 pixels on its shorter side. */
  public static BufferedImage paint(RasterImage image, List<Drawn> boxes) {
    BufferedImage src = ImageFiles.toBuffered(image);
    int scale = Math.max(1, (int) Math.ceil(256.0 / Math.min(image.width(), image.height())));
    BufferedImage out = new BufferedImage(image.width() * scale, image.height() * scale, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
      g.drawImage(src, 0, 0, out.getWidth(), out.getHeight(), null);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setStroke(new BasicStroke(2f));
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
      FontMetrics fm = g.getFontMetrics();
      for (int i = 0; i < boxes.size(); i++) {
        Drawn b = boxes.get(i);
        Color c = PALETTE[i % PALETTE.length];
        int x = (int) Math.round(b.x1() * scale);
        int y = (int) Math.round(b.y1() * scale);
        int w = Math.max(1, (int) Math.round((b.x2() - b.x1()) * scale));
        int h = Math.max(1, (int) Math.round((b.y2() - b.y1()) * scale));
        g.setColor(c);
        g.drawRect(x, y, w, h);
        String tag = String.format(Locale.ROOT, "%s %.2f", b.label(), b.confidence());
        int tw = fm.stringWidth(tag) + 4;
        int th = fm.getHeight();
        int ty = y - th >= 0 ? y - th : y;
        g.fillRect(x, ty, tw, th);
        g.setColor(Color.BLACK);
        g.drawString(tag, x + 2, ty + fm.getAscent());
      }
    } finally {
      g.dispose();
    }
    return out;
  }
}
