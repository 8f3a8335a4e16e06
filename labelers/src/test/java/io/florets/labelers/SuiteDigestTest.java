package io.florets.labelers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.florets.datasets.Window;
import io.florets.datasets.synthetic.SyntheticConfig;
import io.florets.datasets.synthetic.SyntheticGenerator;
import io.florets.datasets.target.Annotation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every annotation of the default suite, bit for bit, on seeded synthetic windows: a SHA-256 over
 * each window's annotations (records print every double exactly) for seeds 1, 7, 11 and lengths
 * 64, 256, 1000, checked against {@code suite-digests.txt}. Speed work on the labelers must leave
 * these digests unchanged. The default run checks the first 200 windows of each set; with
 * {@code -Dflorets.digest.full=true} also the 2,000-window sets. {@link #main} prints the lines of
 * the file for the current code.
 */
class SuiteDigestTest {
  private static final String FILE = "suite-digests.txt";
  private static final long[] SEEDS = {1, 7, 11};
  private static final int[] LENGTHS = {64, 256, 1000};
  private static final int[] COUNTS = {200, 2000};
  private static final int QUICK = 200;

  /** The digest of the default suite's annotations on {@code count} windows. */
  static String digest(LabelerSuite suite, long seed, int length, int count) {
    List<Window> ws = SyntheticGenerator.generate(SyntheticConfig.of(count, length, seed)).windows();
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < ws.size(); i++) {
      sb.setLength(0);
      sb.append('#').append(i).append('\n');
      for (Annotation a : suite.label(ws.get(i))) {
        sb.append(a).append('\n');
      }
      md.update(sb.toString().getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static List<String[]> expected() throws IOException {
    List<String[]> out = new ArrayList<>();
    try (InputStream in = SuiteDigestTest.class.getResourceAsStream(FILE)) {
      if (in == null) {
        throw new IllegalStateException("test resource " + FILE + " is missing");
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          out.add(line.trim().split("\\s+"));
        }
      }
    }
    return out;
  }

  @Test
  void defaultSuiteAnnotationsAreUnchanged() throws IOException {
    boolean full = Boolean.getBoolean("florets.digest.full");
    LabelerSuite suite = LabelerSuite.defaults();
    List<String[]> rows = expected();
    assertEquals(SEEDS.length * LENGTHS.length * COUNTS.length, rows.size(), "rows of " + FILE);
    int checked = 0;
    for (String[] r : rows) {
      long seed = Long.parseLong(r[0]);
      int length = Integer.parseInt(r[1]);
      int count = Integer.parseInt(r[2]);
      if (count > QUICK && !full) {
        continue;
      }
      assertEquals(r[3], digest(suite, seed, length, count),
          "annotation digest for seed " + seed + ", length " + length + ", " + count + " windows");
      checked++;
    }
    assertFalse(checked == 0, "no digest checked");
  }

  /** Prints the lines of {@code suite-digests.txt} for the current labelers. */
  public static void main(String[] args) {
    LabelerSuite suite = LabelerSuite.defaults();
    for (int count : COUNTS) {
      for (long seed : SEEDS) {
        for (int length : LENGTHS) {
          System.out.println(seed + " " + length + " " + count + " " + digest(suite, seed, length, count));
        }
      }
    }
  }
}
