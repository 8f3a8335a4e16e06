package io.florets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.florets.dataengine.train.Recipe;
import io.florets.engine.EngineConfig;
import io.florets.engine.series.SeriesFrontEndConfig;
import io.florets.prompt.PromptHead;
import io.florets.prompt.card.CardFigures;
import io.florets.prompt.card.CardMeasurement;
import io.florets.prompt.card.Comparison;
import io.florets.prompt.card.ModelCard;
import io.florets.prompt.card.TrainingData;
import io.florets.prompt.facade.Florets;
import io.florets.prompt.facade.bundle.ModelBundle;
import io.florets.prompt.vocab.Vocabulary;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CardCommandTest {
  @TempDir
  Path tmp;

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

  /** A tiny untrained model folder whose classes are the default recipe's trend tags. */
  private Path tinyModel() throws Exception {
    List<String> classes = Recipe.defaultRecipe(1).data().trends().stream().map(t -> t.tag())
        .toList();
    EngineConfig e = EngineConfig.tiny().withMaxLengths(32, 128);
    Path dir = tmp.resolve("model");
    try (ModelBundle b = ModelBundle.create(e, SeriesFrontEndConfig.defaults(e.dModel()),
        PromptHead.of(Vocabulary.standard().withClassNames(classes)), 3).withChannels(1)) {
      b.save(dir);
    }
    return dir;
  }

  /** A card of the model in {@code dir} whose classification accuracy is {@code model}. */
  private static ModelCard card(Path dir, double model) throws Exception {
    Comparison none = new Comparison(null, null);
    CardFigures f = new CardFigures(none, none, none, none, new Comparison(model, 0.5), 1.0,
        Map.of(), Map.of(), Map.of());
    CardMeasurement m = new CardMeasurement("test", "test windows", 10, 7, 5,
        "2026-12-02T18:00:00Z", 1, null, null, "none");
    return ModelCard.of(ModelBundle.fingerprint(dir), m, f,
        TrainingData.of("untrained", "", "none", "none", 0, 0, Map.of(), 1));
  }

  @Test
  void measuresWritesAndPrintsTheCardOfAFolder() throws Exception {
    Path dir = tinyModel();
    Run r = run("card", "--model", dir.toString(), "--windows", "6", "--seed", "5", "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals("florets-model-card", j.path("format").asText());
    assertEquals(6, j.path("measured").path("windows").asInt());
    assertEquals(5, j.path("measured").path("seed").asInt());
    assertTrue(j.path("figures").path("eventF1").has("labelers"), r.out());
    assertEquals("untrained", j.path("trainedOn").path("recipe").asText());
    Path file = dir.resolve(ModelCard.FILE);
    assertEquals(Files.readString(file).strip(), r.out().strip(), "prints what it wrote");
    try (Florets f = Florets.load(dir)) {
      ModelCard c = f.card().orElseThrow();
      assertEquals(j.path("sha256").asText(),
          new ObjectMapper().readTree(c.toJson()).path("sha256").asText());
      assertEquals(4, c.notTrainedOn().size(), c.notTrainedOn().toString());
    }
    Run shown = run("card", "--model", dir.toString());
    assertEquals(0, shown.code(), shown.err());
    assertTrue(shown.out().contains("model card of " + dir) && shown.out().contains("event F1")
        && shown.out().contains("not trained on:") && shown.out().contains("--seed 5"),
        shown.out());
  }

  @Test
  void refusesEvaluationSeedsTheShippedModelAndSaysWhenThereIsNoCard() throws Exception {
    Path dir = tinyModel();
    Run seed = run("card", "--model", dir.toString(), "--seed", "123");
    assertEquals(2, seed.code());
    assertTrue(seed.err().contains("123") && seed.err().contains("evaluation seed"), seed.err());
    Run def = run("card", "--model", "default", "--windows", "5");
    assertEquals(2, def.code());
    assertTrue(def.err().contains("default model"), def.err());
    Run none = run("card", "--model", dir.toString());
    assertEquals(1, none.code());
    assertTrue(none.err().contains("has no model card") && none.err().contains(dir.toString()),
        none.err());
    assertFalse(Files.exists(dir.resolve(ModelCard.FILE)));
  }

  @Test
  void askCarriesTheCaveatOfATaskWhereTheModelIsBelowItsLabelers() throws Exception {
    Path dir = tinyModel();
    StringBuilder csv = new StringBuilder("value\n");
    for (int i = 0; i < 64; i++) {
      csv.append(Math.sin(i / 4.0)).append('\n');
    }
    Path series = Files.writeString(tmp.resolve("s.csv"), csv);
    card(dir, 0.25).write(dir.resolve(ModelCard.FILE));
    Run json = run("ask", "--input", series.toString(), "--prompt", "<CLASSIFY>", "--model",
        dir.toString(), "--json");
    assertEquals(0, json.code(), json.err());
    String expected = "<CLASSIFY>: classification accuracy 0.25 against the labelers' 0.50 on 10 "
        + "synthetic windows (seed 7); prefer florets label for classes";
    assertEquals(expected, new ObjectMapper().readTree(json.out()).path("caveat").asText(),
        json.out());
    Run text = run("ask", "--input", series.toString(), "--prompt", "<CLASSIFY>", "--model",
        dir.toString());
    assertEquals(0, text.code(), text.err());
    assertTrue(text.err().contains("caveat: " + expected), text.err());
    assertFalse(text.out().contains("caveat"), text.out());

    card(dir, 0.75).write(dir.resolve(ModelCard.FILE));
    Run above = run("ask", "--input", series.toString(), "--prompt", "<CLASSIFY>", "--model",
        dir.toString(), "--json");
    assertEquals(0, above.code(), above.err());
    assertFalse(new ObjectMapper().readTree(above.out()).has("caveat"), above.out());
  }
}
