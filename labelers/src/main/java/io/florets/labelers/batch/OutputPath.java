package io.florets.labelers.batch;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Checks an output file path before any work is done, so that a long labelling run cannot end in a
 * failed final rename: the path must not be an existing folder, its folder must exist or be
 * creatable, and files must be writable there (the output, its {@code .tmp} file and its
 * {@code .parts} checkpoint folder all go into that folder). Every refusal is an
 * {@link IllegalArgumentException} that names the path and says in words what is wrong.
 */
public final class OutputPath {
  private OutputPath() {
  }

  /**
   * Checks that {@code out} can be written as an output file (creating its folder if missing).
   *
   * @param out the output file
   * @throws IllegalArgumentException if {@code out} is an existing folder, its folder cannot be
   *     created (e.g. a file stands in the way), its checkpoint folder name is taken by a file, or
   *     files cannot be written in its folder (permissions, read-only or special file system)
   */
  public static void check(Path out) {
    Objects.requireNonNull(out, "out");
    Path abs = out.toAbsolutePath().normalize();
    if (abs.getFileName() == null) {
      throw new IllegalArgumentException("output " + out + " names no file; give a file path such as "
          + "labels.arrow");
    }
    if (Files.isDirectory(abs)) {
      throw new IllegalArgumentException("output " + out + " is an existing folder; give the path of "
          + "a file to write, e.g. " + out.resolve("labels.arrow"));
    }
    Path folder = abs.getParent();
    Path existing = folder;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing != null && !Files.isDirectory(existing)) {
      throw new IllegalArgumentException("output " + out + " cannot be written: " + existing
          + " is a file, not a folder, so nothing can be created inside it");
    }
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new IllegalArgumentException("output " + out + " cannot be written: the folder " + folder
          + " cannot be created (" + inWords(e) + ")", e);
    }
    Path parts = BatchLabeling.partsDir(abs);
    if (Files.exists(parts) && !Files.isDirectory(parts)) {
      throw new IllegalArgumentException("output " + out + " cannot be written: its checkpoint folder "
          + "name " + parts + " is taken by a file; move that file or choose another output name");
    }
    try {
      Path probe = Files.createTempFile(folder, "." + abs.getFileName() + ".", ".probe");
      Files.delete(probe);
    } catch (IOException | UnsupportedOperationException e) {
      throw new IllegalArgumentException("output " + out + " cannot be written: files cannot be "
          + "created in the folder " + folder + " (" + inWords(e) + ")", e);
    }
  }

  /** What an I/O failure means, in words (the JDK often gives only the path). */
  static String inWords(Exception e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "the file system there does not allow creating files, or a folder on the way is missing";
    }
    if (e instanceof NotDirectoryException) {
      return "a path on the way is a file, not a folder";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason().toLowerCase(java.util.Locale.ROOT);
    }
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }
}
