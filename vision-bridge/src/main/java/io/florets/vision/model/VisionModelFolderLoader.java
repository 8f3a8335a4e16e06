package io.florets.vision.model;

import io.florets.prompt.facade.bundle.BundleException;
import io.florets.prompt.facade.spi.ModelFolderLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Lets {@code Florets.load(dir)} open a vision model folder (one with {@code vision.json}, as written by
 * {@link VisionModel#save}); registered in {@code META-INF/services}. Stateless and thread-safe.
 */
public final class VisionModelFolderLoader implements ModelFolderLoader {
  /** For the service loader. */
  public VisionModelFolderLoader() {
  }

  /** True if the folder has a {@code vision.json}. */
  @Override
  public boolean recognises(Path dir) {
    return Files.isRegularFile(dir.resolve("vision.json"));
  }

  /** Loads the folder with {@link VisionModel#load}; a read failure becomes a {@link BundleException}. */
  @Override
  public VisionModel load(Path dir) throws BundleException {
    try {
      return VisionModel.load(dir);
    } catch (IOException e) {
      throw new BundleException("vision model folder " + dir + " cannot be loaded: " + e.getMessage(), e);
    }
  }
}
