package io.florets.cli;

import io.florets.prompt.facade.Florets;
import io.florets.prompt.facade.bundle.BundleException;
import java.nio.file.Path;

/** Resolves a {@code --model} value: {@code default} (the shipped model) or a model folder. */
final class ModelOption {
  private ModelOption() {
  }

  /**
   * PyTorch intra-op threads for commands that ask a model: {@code FLORETS_TORCH_THREADS}, default 1.
   * One thread per decoding caller is the safe default: with two threads per call, decoding on a
   * two-core machine that also runs other work was 5-15 times slower, not faster.
   */
  static int torchThreads() {
    String v = System.getenv("FLORETS_TORCH_THREADS");
    if (v == null || v.isBlank()) {
      return 1;
    }
    try {
      int n = Integer.parseInt(v.trim());
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("FLORETS_TORCH_THREADS must be a whole number >= 1, got '"
        + v + "'");
  }

  /** The model folder behind a {@code --model}/{@code --init} value (caller closes it). */
  static io.florets.prompt.facade.bundle.ModelBundle bundle(String model) throws BundleException {
    if (model == null || model.equals("default")) {
      return io.florets.prompt.facade.bundle.ModelBundle.loadResource(Florets.DEFAULT_MODEL,
          Florets.class.getClassLoader());
    }
    return io.florets.prompt.facade.bundle.ModelBundle.load(Path.of(model));
  }

  /**
   * Opens a model for asking on this thread with {@link #torchThreads()} PyTorch intra-op threads.
   */
  static Florets open(String model) throws BundleException {
    io.florets.engine.GradMode.setIntraOpThreads(torchThreads());
    if (model == null || model.equals("default")) {
      return Florets.defaultModel();
    }
    return Florets.load(Path.of(model));
  }

  /**
   * {@code --model} as an existing model folder to write a file into, never the shipped default
   * model (it lives on the class path, or in the sources as a resource folder).
   *
   * @param doing what the command would do to it, for example "calibrated" or "measured for its card"
   * @throws CommandLine.ParameterException naming the value otherwise
   */
  static Path writableFolder(picocli.CommandLine cl, String model, String doing) {
    if (model.equals("default")) {
      throw new picocli.CommandLine.ParameterException(cl, "--model default: the shipped default "
          + "model lives on the class path and is not " + doing + " in place; save a copy to a "
          + "folder (ModelBundle.loadResource(Florets.DEFAULT_MODEL, ...).save(DIR)) and give that");
    }
    Path dir = Path.of(model);
    if (!java.nio.file.Files.isDirectory(dir)) {
      throw new picocli.CommandLine.ParameterException(cl, "--model " + model
          + ": not a folder; give a model folder (one with bundle.json)");
    }
    if (dir.toAbsolutePath().normalize().endsWith(Path.of(Florets.DEFAULT_MODEL))) {
      throw new picocli.CommandLine.ParameterException(cl, "--model " + model
          + ": this is the shipped default model's resource folder; give a copy of it");
    }
    return dir;
  }
}
