package io.florets.vision.data;

import io.florets.vision.image.RasterImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * The 8&times;8 handwritten digits (UCI optical recognition of handwritten digits, 1797 images with
 * values 0..16 and a label 0..9 in the last column, one CSV row each).
 *
 * <p>The fixed held-out split, stratified and seed-free: within each class, in file order, every fifth
 * image (the 5th, 10th, ... of that class) is held out for testing; the rest train. On the 1797-image file
 * that gives 1442 training and 355 test images (34 to 36 per class in test).
 * Immutable and thread-safe.
 */
public final class Digits {
  /** Number of pixel columns per row. */
  public static final int PIXELS = 64;
  private static final String[] WORDS = {"zero", "one", "two", "three", "four", "five", "six", "seven",
      "eight", "nine"};
  private final List<Digit> all;

  /**
   * One digit image.
   *
   * @param index row number in the file (0-based)
   * @param pixels 64 row-major grey values scaled to [0, 1] (ink = high)
   * @param label the digit 0..9
   * @param isTest whether the fixed split holds it out for testing
   */
  public record Digit(int index, float[] pixels, int label, boolean isTest) {
    /** Validates and copies. */
    public Digit {
      if (pixels.length != PIXELS || label < 0 || label > 9) {
        throw new IllegalArgumentException("digit " + index + " needs 64 pixels and a label 0..9, got "
            + pixels.length + " pixels and label " + label);
      }
      pixels = pixels.clone();
    }

    @Override
    public float[] pixels() {
      return pixels.clone();
    }

    /** The 8&times;8 grey image. */
    public RasterImage image() {
      return RasterImage.of(8, 8, 1, pixels);
    }

    /** The class word ({@code "three"}). */
    public String word() {
      return WORDS[label];
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Digit && ((Digit) o).index == index && ((Digit) o).label == label
          && ((Digit) o).isTest == isTest
          && java.util.Arrays.equals(((Digit) o).pixels, pixels);
    }

    @Override
    public int hashCode() {
      return 31 * index + label;
    }

    @Override
    public String toString() {
      return "Digit[" + index + ", label=" + label + "]";
    }
  }

  private Digits(List<Digit> all) {
    this.all = List.copyOf(all);
  }

  /** The class words {@code zero..nine}, index = digit. */
  public static List<String> classWords() {
    return List.of(WORDS);
  }

  /**
   * Reads {@code digits.csv.gz} (or an uncompressed {@code .csv}).
   *
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException naming the line and column of a malformed value
   */
  public static Digits read(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      List<Digit> out = new ArrayList<>();
      int[] perClass = new int[10];
      String line;
      int lineNo = 0;
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        Digit d = parse(line, file, lineNo, out.size());
        boolean test = ++perClass[d.label()] % 5 == 0;
        out.add(new Digit(d.index(), d.pixels, d.label(), test));
      }
      if (out.isEmpty()) {
        throw new IllegalArgumentException("digits file " + file + " holds no rows");
      }
      return new Digits(out);
    }
  }

  private static Digit parse(String line, Path file, int lineNo, int index) {
    String[] f = line.split(",");
    if (f.length != PIXELS + 1) {
      throw new IllegalArgumentException(file + ":" + lineNo + ": expected " + (PIXELS + 1)
          + " comma-separated values, got " + f.length);
    }
    float[] px = new float[PIXELS];
    for (int i = 0; i <= PIXELS; i++) {
      double v;
      try {
        v = Double.parseDouble(f[i].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(file + ":" + lineNo + ": column " + (i + 1) + " is not a number: '"
            + f[i] + "'", e);
      }
      if (i < PIXELS) {
        if (!(v >= 0 && v <= 16)) {
          throw new IllegalArgumentException(file + ":" + lineNo + ": pixel column " + (i + 1)
              + " must be in 0..16, got " + v);
        }
        px[i] = (float) (v / 16.0);
      } else if (v != Math.rint(v) || v < 0 || v > 9) {
        throw new IllegalArgumentException(file + ":" + lineNo + ": label must be an integer 0..9, got " + f[i]);
      } else {
        return new Digit(index, px, (int) v, false);
      }
    }
    throw new IllegalStateException("unreachable");
  }

  /** All digits in file order. */
  public List<Digit> all() {
    return all;
  }

  /** The training split (four in five of each class). */
  public List<Digit> train() {
    return all.stream().filter(d -> !d.isTest()).toList();
  }

  /** The held-out test split: within each class, in file order, every fifth image. */
  public List<Digit> test() {
    return all.stream().filter(Digit::isTest).toList();
  }
}
