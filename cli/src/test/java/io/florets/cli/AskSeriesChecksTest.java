package io.florets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.engine.EngineConfig;
import io.florets.engine.series.SeriesFrontEndConfig;
import io.florets.prompt.PromptHead;
import io.florets.prompt.facade.bundle.ModelBundle;
import io.florets.prompt.vocab.Vocabulary;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code florets ask} and {@code florets eval nab} refuse what they used to ignore or answer
 * silently: a prompt about a channel the series does not have, options of the other modality, and
 * NAB labels naming a data file that is absent.
 */
class AskSeriesChecksTest {
  @TempDir
  Path dir;

  private record Run(int code, String out, String err) {
  }

  private static Run run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  /** A one-channel series of 64 samples. */
  private Path series() throws Exception {
    StringBuilder b = new StringBuilder("value\n");
    for (int t = 0; t < 64; t++) {
      b.append(String.format(Locale.ROOT, "%.4f%n", Math.sin(t / 4.0)));
    }
    return Files.writeString(dir.resolve("one-channel.csv"), b.toString());
  }

  /** An untrained one-channel model folder (the tiny engine): the check does not depend on training. */
  private Path tinyModel() throws Exception {
    Path m = dir.resolve("tiny-model");
    EngineConfig e = EngineConfig.tiny().withMaxLengths(32, 128);
    try (ModelBundle b = ModelBundle.create(e, SeriesFrontEndConfig.defaults(e.dModel()),
        PromptHead.of(Vocabulary.standard()), 3).withChannels(1)) {
      b.save(m);
    }
    return m;
  }

  @Test
  void aChannelTheSeriesDoesNotHaveIsAnErrorNamingItAndTheChannelCount() throws Exception {
    Run r = run("ask", "--input", series().toString(), "--prompt", "<PROPERTY>mean<ch_5>",
        "--model", tinyModel().toString());
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("channel 5") && r.err().contains("has 1 channel"), r.err());
    assertTrue(r.out().isEmpty(), "no answer printed: " + r.out());
  }

  @Test
  void imageOnlyOptionsAreRefusedForSeriesAndSeriesOnlyOptionsForImages() throws Exception {
    Path s = series();
    Run beam = run("ask", "--input", s.toString(), "--prompt", "<SHAPE>", "--beam", "3");
    assertEquals(2, beam.code(), beam.err());
    assertTrue(beam.err().contains("--beam 3 applies to --image only"), beam.err());
    Run annotate = run("ask", "--input", s.toString(), "--prompt", "<EVENTS>", "--annotate",
        dir.resolve("a.png").toString());
    assertEquals(2, annotate.code(), annotate.err());
    assertTrue(annotate.err().contains("--annotate") && annotate.err().contains("--image only"),
        annotate.err());
    Run window = run("ask", "--image", dir.resolve("x.png").toString(), "--prompt", "<OD>",
        "--window", "0:10");
    assertEquals(2, window.code(), window.err());
    assertTrue(window.err().contains("--window applies to --input"), window.err());
    Run order = run("ask", "--image", dir.resolve("x.png").toString(), "--prompt", "<OD>",
        "--time-order", "STRICT");
    assertEquals(2, order.code(), order.err());
    assertTrue(order.err().contains("--time-order applies to --input"), order.err());
  }

  @Test
  void aSeriesLongerThanTheModelTakesPointsAtWindowNotAtTheJavaApi() throws Exception {
    Path model = tinyModel();
    int max;
    try (io.florets.prompt.facade.Florets f = io.florets.prompt.facade.Florets.load(model)) {
      max = f.maxWindowLength();
    }
    StringBuilder b = new StringBuilder("value\n");
    for (int t = 0; t < max + 10; t++) {
      b.append(String.format(Locale.ROOT, "%.4f%n", Math.sin(t / 4.0)));
    }
    Path s = Files.writeString(dir.resolve("long.csv"), b.toString());
    Run whole = run("ask", "--input", s.toString(), "--prompt", "<SHAPE>", "--model",
        model.toString());
    assertEquals(2, whole.code(), whole.out() + whole.err());
    assertTrue(whole.err().contains((max + 10) + " samples") && whole.err().contains("at most " + max)
        && whole.err().contains("--window START:LENGTH"), whole.err());
    assertTrue(!whole.err().contains("Windowing"), whole.err());
    Run part = run("ask", "--input", s.toString(), "--prompt", "<SHAPE>", "--model",
        model.toString(), "--window", "0:" + (max + 1));
    assertEquals(2, part.code(), part.out() + part.err());
    assertTrue(part.err().contains("--window 0:" + (max + 1)), part.err());
  }

  @Test
  void helpSaysWhatModelAndPromptTakeForEachModality() {
    String help = new CommandLine(new AskCommand()).setUsageHelpWidth(400)
        .getUsageMessage(CommandLine.Help.Ansi.OFF).replaceAll("\\s+", " ");
    assertTrue(help.contains("'default' for the model shipped in the jar (the series model with "
        + "--input, the vision model with --image)"), help);
    assertTrue(help.contains("\"<SHAPE>\"") && help.contains("florets tasks lists every task"), help);
    assertTrue(help.contains("e.g. 0:256"), help);
  }

  @Test
  void nabLabelsNamingAnAbsentFileAreAnError() throws Exception {
    Path data = dir.resolve("data");
    Files.createDirectories(data.resolve("realKnownCause"));
    Files.writeString(data.resolve("realKnownCause/present.csv"), "timestamp,value\n"
        + "2014-04-01 00:00:00,1.0\n2014-04-01 00:05:00,2.0\n2014-04-01 00:10:00,1.5\n");
    Path labels = Files.writeString(dir.resolve("windows.json"), "{\"realKnownCause/present.csv\": [],"
        + " \"realKnownCause/absent.csv\": [[\"2014-04-01 00:00:00.000000\","
        + " \"2014-04-01 00:05:00.000000\"]]}");
    Run r = run("eval", "nab", "--data", data.toString(), "--labels", labels.toString(), "--json");
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("windows.json") && r.err().contains("1 of its 2 entries")
        && r.err().contains("realKnownCause/absent.csv") && r.err().contains(data.toString()),
        r.err());
    assertTrue(r.out().isEmpty(), "no scores printed: " + r.out());
  }
}
