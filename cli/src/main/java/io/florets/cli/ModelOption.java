package io.florets.cli;

import io.florets.prompt.facade.Florets;
import io.florets.prompt.facade.bundle.BundleException;
import java.nio.file.Path;

/** Resolves a {@code --model} value: {@code default} (the shipped model) or a model folder. */
final class ModelOption {
  private ModelOption() {
  }

  /** The model folder behind a {@code --model}/{@code --init} value (caller closes it). */
  static io.florets.prompt.facade.bundle.ModelBundle bundle(String model) throws BundleException {
    if (model == null || model.equals("default")) {
      return io.florets.prompt.facade.bundle.ModelBundle.loadResource(Florets.DEFAULT_MODEL,
          Florets.class.getClassLoader());
    }
    return io.florets.prompt.facade.bundle.ModelBundle.load(Path.of(model));
  }

  static Florets open(String model) throws BundleException {
    if (model == null || model.equals("default")) {
      return Florets.defaultModel();
    }
    return Florets.load(Path.of(model));
  }
}
