package io.florets.cli;

import io.florets.prompt.facade.Florets;
import io.florets.prompt.facade.bundle.BundleException;
import java.nio.file.Path;

/** Resolves a {@code --model} value: {@code default} (the shipped model) or a model folder. */
final class ModelOption {
  private ModelOption() {
  }

  static Florets open(String model) throws BundleException {
    if (model == null || model.equals("default")) {
      return Florets.defaultModel();
    }
    return Florets.load(Path.of(model));
  }
}
