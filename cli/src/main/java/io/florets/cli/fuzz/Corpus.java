package io.florets.cli.fuzz;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The committed seed corpus: small real files under {@code io/florets/cli/fuzz/corpus/<target>/}
 * (in {@code cli/src/main/resources}), listed in {@code corpus/index.txt} so that they can be read
 * from the jar.
 */
public final class Corpus {
  private static final String ROOT = "corpus/";

  private Corpus() {
  }

  /** The seeds of {@code target} (empty if it has none), in index order. */
  public static List<FuzzTarget.Input> seeds(String target) {
    List<FuzzTarget.Input> out = new ArrayList<>();
    for (String entry : index()) {
      if (entry.startsWith(target + "/")) {
        out.add(new FuzzTarget.Input(entry.substring(target.length() + 1), bytes(ROOT + entry)));
      }
    }
    return out;
  }

  private static List<String> index() {
    List<String> out = new ArrayList<>();
    try (InputStream in = Corpus.class.getResourceAsStream(ROOT + "index.txt")) {
      if (in == null) {
        throw new IllegalStateException("fuzz corpus index " + ROOT + "index.txt is missing from the class path");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank() && !line.startsWith("#")) {
          out.add(line.strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static byte[] bytes(String resource) {
    try (InputStream in = Corpus.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("fuzz corpus file " + resource + " is listed but missing");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
