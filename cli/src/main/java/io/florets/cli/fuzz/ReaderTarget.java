package io.florets.cli.fuzz;

import java.io.IOException;
import io.florets.datasets.io.DataFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A file reader of the datasets module: each input is written to a file with the reader's
 * extension and read. The reader's own failure is a {@link DataFormatException} whose message names
 * the file; any other exception, or one with a blank message or without the file's name, is a crash.
 */
final class ReaderTarget implements FuzzTarget {

  /** The call under test. */
  interface Reader {
    Object read(Path file) throws IOException;
  }

  /** Seeds made at run time (e.g. Arrow files written from the text seeds). */
  interface SeedMaker {
    List<Input> make(Path work) throws IOException;
  }

  private final String name;
  private final String extension;
  private final String description;
  private final Reader reader;
  private final List<String> dictionary;
  private final SeedMaker extraSeeds;

  ReaderTarget(String name, String extension, String description, Reader reader,
      List<String> dictionary, SeedMaker extraSeeds) {
    this.name = name;
    this.extension = extension;
    this.description = description;
    this.reader = reader;
    this.dictionary = dictionary;
    this.extraSeeds = extraSeeds;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public List<Input> seeds(Path work) throws IOException {
    List<Input> out = new ArrayList<>(Corpus.seeds(name));
    if (extraSeeds != null) {
      out.addAll(extraSeeds.make(work));
    }
    return out;
  }

  @Override
  public List<String> dictionary() {
    return dictionary;
  }

  private Path file(Path work, int generation) {
    return work.resolve("input-" + generation + extension);
  }

  @Override
  public void execute(Input in, Path work, int generation) throws Throwable {
    Path f = file(work, generation);
    Files.write(f, in.data());
    reader.read(f);
  }

  @Override
  public String violation(Throwable e, Input in, Path work, int generation) {
    return FuzzTargets.violation(e, DataFormatException.class,
        file(work, generation).getFileName().toString(), "the file");
  }

  @Override
  public String extension(Input in) {
    return extension.isEmpty() ? ".bin" : extension;
  }
}
