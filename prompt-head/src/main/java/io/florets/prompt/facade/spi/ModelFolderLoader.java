package io.florets.prompt.facade.spi;

import io.florets.prompt.facade.bundle.BundleException;
import java.nio.file.Path;

/**
 * Opens model folders of another modality for {@link io.florets.prompt.facade.Florets#load}. A module
 * that brings such models (the vision bridge) registers an implementation in
 * {@code META-INF/services/io.florets.prompt.facade.spi.ModelFolderLoader}; the facade asks every
 * registered loader, in class-path order, whether it recognises a folder before it reads the folder as a
 * time-series model bundle.
 *
 * <p>Implementations need a public no-argument constructor and must be thread-safe.
 */
public interface ModelFolderLoader {

  /**
   * Whether {@code dir} is a model folder of this loader's kind (decided from a marker file, without
   * reading the weights).
   */
  boolean recognises(Path dir);

  /**
   * Loads the model folder (the caller closes the model).
   *
   * @throws BundleException if a file is missing or corrupt, naming the folder
   */
  InputModel<?> load(Path dir) throws BundleException;
}
