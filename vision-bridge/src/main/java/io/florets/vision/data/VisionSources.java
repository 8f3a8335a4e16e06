package io.florets.vision.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The image sets of the vision model, each with a fixed training and held-out part: synthetic scenes
 * (training seed vs. a held-out seed), digits (the fixed split of {@link Digits}) and digit canvases
 * composed only from digits of the matching split. Stateless.
 */
public final class VisionSources {
  /** Seed of training scenes and canvases. */
  public static final long TRAIN_SEED = 1;
  /** Seed of held-out scenes and canvases (never used for training). */
  public static final long TEST_SEED = 99;

  private VisionSources() {
  }

  /** Scenes {@code from..from+n-1} of a seed, as examples. */
  public static List<ImageExample> scenes(long seed, long from, int n) {
    SceneGenerator g = SceneGenerator.of(SceneConfig.DEFAULT, seed);
    List<ImageExample> out = new ArrayList<>(n);
    for (long i = from; i < from + n; i++) {
      out.add(ImageExample.of("scene " + i + " of seed " + seed, g.scene(i)));
    }
    return out;
  }

  /** Digit canvases {@code from..from+n-1} of a seed from one split, as examples. */
  public static List<ImageExample> canvases(Digits digits, boolean test, long seed, long from, int n) {
    DigitCanvas dc = DigitCanvas.of(test ? digits.test() : digits.train(), 64, seed);
    List<ImageExample> out = new ArrayList<>(n);
    for (long i = from; i < from + n; i++) {
      out.add(ImageExample.of("digit canvas " + i + " of seed " + seed, dc.canvas(i)));
    }
    return out;
  }

  /** The digits of one split, as classification examples. */
  public static List<ImageExample> digits(Digits digits, boolean test) {
    return (test ? digits.test() : digits.train()).stream().map(ImageExample::of).toList();
  }

  /**
   * The digits file: {@code images/digits.csv.gz} under the shared data folder named by the system
   * property {@code florets.shared.data}, else {@code ../shared/data} from {@code florets.home} or the
   * working directory.
   *
   * @throws IOException if no digits file is found
   */
  public static Path digitsFile() throws IOException {
    List<Path> tried = new ArrayList<>();
    String data = System.getProperty("florets.shared.data");
    if (data != null) {
      tried.add(Path.of(data, "images", "digits.csv.gz"));
    }
    String home = System.getProperty("florets.home");
    if (home != null) {
      tried.add(Path.of(home, "..", "shared", "data", "images", "digits.csv.gz"));
    }
    tried.add(Path.of("..", "shared", "data", "images", "digits.csv.gz"));
    for (Path p : tried) {
      if (Files.isRegularFile(p)) {
        return p.normalize();
      }
    }
    throw new IOException("digits data not found; looked at " + tried
        + " (set -Dflorets.shared.data=DIR to the shared data folder)");
  }
}
