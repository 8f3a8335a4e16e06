package io.florets.cli.fuzz;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One thing the fuzzer feeds: a reader of a file format, the model-folder loader or the prompt
 * parser. A target turns an {@link Input} into a call of the code under test and says which
 * exceptions are that code's own, documented failures; anything else it throws is a crash.
 */
public interface FuzzTarget {

  /** One input: the name of the seed it was derived from (it selects the file role) and its bytes. */
  record Input(String name, byte[] data) {
  }

  /** The name used by {@code florets fuzz --target}. */
  String name();

  /** One line for {@code florets fuzz --help}: what is read and which exception is expected. */
  String description();

  /**
   * The seed inputs: the committed corpus of this target plus any made at run time (Arrow files,
   * the tiny model folder). Called once per run, before any {@link #execute}.
   *
   * @param work a private scratch folder of this run
   */
  List<Input> seeds(Path work) throws IOException;

  /** Tokens worth inserting into inputs of this format (numbers, keywords, separators). */
  List<String> dictionary();

  /**
   * Optional repair after mutation (e.g. re-sealing a checksummed JSON file so that the mutation is
   * checked by the code behind the checksum); the result is what is executed and saved.
   */
  default byte[] afterMutation(Input base, byte[] mutated) {
    return mutated;
  }

  /**
   * Runs the code under test on {@code in}; returns normally when it accepted the input.
   *
   * @param work the run's scratch folder
   * @param generation changes whenever the worker thread is replaced (after a hang), so that a
   *     file still held by an abandoned thread is never rewritten
   */
  void execute(Input in, Path work, int generation) throws Throwable;

  /**
   * Null if {@code e} is the code's own, clear failure; otherwise why it is a crash (e.g. "raw
   * NullPointerException", "message does not name the file").
   */
  String violation(Throwable e, Input in, Path work, int generation);

  /** The file extension used when saving an input of this target (with the dot), e.g. ".ts". */
  String extension(Input in);
}
