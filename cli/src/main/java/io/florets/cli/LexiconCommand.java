package io.florets.cli;

import io.florets.dataengine.train.Recipe;
import io.florets.prompt.facade.bundle.BundleException;
import io.florets.prompt.facade.bundle.ModelBundle;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code florets lexicon DIR}: gives a series model folder the caption composer's lexicon, so that
 * its {@code <CAPTION>} and {@code <DETAILED_CAPTION>} answers decode as whole words of it (for
 * folders trained on composed captions before lexicons were saved with the model; new recipe
 * runs save it themselves). The folder is rewritten in place through a sibling folder; its
 * provenance records the step.
 */
@Command(name = "lexicon", mixinStandardHelpOptions = true,
    description = "Give a series model folder the caption composer's lexicon (whole-word captions).")
public final class LexiconCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "The model folder.")
  Path dir;

  @Override
  public Integer call() throws BundleException, java.io.IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (!Files.isDirectory(dir)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "model folder " + dir + " does not exist");
    }
    Path tmp = dir.resolveSibling(dir.getFileName() + ".lexicon-tmp");
    if (Files.exists(tmp)) {
      throw new CommandLine.ParameterException(spec.commandLine(), tmp
          + " exists (left by an interrupted run?); remove it first");
    }
    try (ModelBundle b = ModelBundle.load(dir)) {
      Map<String, String> details = new TreeMap<>(b.provenance().details());
      details.put("captionLexicon", "caption composer vocabulary (florets lexicon)");
      ModelBundle withLexicon = b.withCaptionLexicon(Recipe.captionLexicon())
          .withProvenance(b.provenance().withDetails(details));
      withLexicon.save(tmp);
    }
    Path old = dir.resolveSibling(dir.getFileName() + ".lexicon-old");
    Files.move(dir, old);
    Files.move(tmp, dir);
    try (var files = Files.walk(old)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    out.println("wrote " + dir + " with the caption composer's lexicon");
    out.flush();
    return 0;
  }
}
