package io.florets.prompt.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.florets.datasets.target.EventType;
import io.florets.datasets.target.Property;
import io.florets.prompt.calibration.ModelFingerprint;
import io.florets.prompt.task.Prompt;
import io.florets.prompt.task.Tasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCardTest {
  static final ModelFingerprint WEIGHTS = new ModelFingerprint("v".repeat(64), "p".repeat(64));

  @TempDir
  Path tmp;

  @Test
  void writesAndReadsTheSameCard() throws Exception {
    ModelCard c = Cards.card(WEIGHTS);
    Path file = tmp.resolve(ModelCard.FILE);
    String sum = c.write(file);
    assertEquals(64, sum.length());
    assertEquals(sum, new ObjectMapper().readTree(file.toFile()).path("sha256").asText());
    assertEquals(c, ModelCard.read(file, WEIGHTS));
    assertEquals(Files.readString(file), c.toJson(), "toJson is the file's content");
    // re-indenting keeps the checksum valid
    Object tree = new ObjectMapper().readTree(file.toFile());
    Files.writeString(file, new ObjectMapper().writeValueAsString(tree));
    assertEquals(c, ModelCard.read(file, WEIGHTS));
  }

  @Test
  void refusesAnEditedFileNamingIt() throws Exception {
    Path file = tmp.resolve(ModelCard.FILE);
    Cards.card(WEIGHTS).write(file);
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = (ObjectNode) json.readTree(file.toFile());
    ((ObjectNode) root.path("figures").path("eventF1")).put("model", 0.99);
    Files.writeString(file, json.writeValueAsString(root));
    ModelCardFormatException e = assertThrows(ModelCardFormatException.class,
        () -> ModelCard.read(file, WEIGHTS));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("edited or corrupted"), e.getMessage());
    Files.writeString(file, "{\"format\": \"florets-calibration\", \"version\": 1}");
    ModelCardFormatException format = assertThrows(ModelCardFormatException.class,
        () -> ModelCard.read(file, WEIGHTS));
    assertTrue(format.getMessage().contains("florets-model-card"), format.getMessage());
  }

  @Test
  void refusesACardOfOtherWeightsNamingTheFile() throws Exception {
    Path file = tmp.resolve(ModelCard.FILE);
    Cards.card(WEIGHTS).write(file);
    ModelFingerprint other = new ModelFingerprint("v".repeat(64), "q".repeat(64));
    ModelCardFormatException e = assertThrows(ModelCardFormatException.class,
        () -> ModelCard.read(file, other));
    assertTrue(e.getMessage().contains(file.toString())
        && e.getMessage().contains("p".repeat(64)) && e.getMessage().contains("q".repeat(64)),
        e.getMessage());
  }

  @Test
  void caveatsTheTasksWhereTheModelIsBelowItsLabelers() {
    ModelCard c = Cards.card(WEIGHTS);
    assertEquals(Optional.of("<EVENTS>: event F1 0.36 against the labelers' 0.59 on 1000 "
        + "synthetic windows (seed 4242); prefer florets label for events"),
        c.caveat(Tasks.EVENTS));
    assertEquals(c.caveat(Tasks.EVENTS).get().replace("<EVENTS>", "<ALERT>"),
        c.caveat(Tasks.ALERT).orElseThrow());
    assertTrue(c.caveat(Tasks.EVENTS_OF).orElseThrow().contains("event F1 0.36"));
    assertEquals(Optional.empty(), c.caveat(Tasks.SHAPE), "0.75 is above 0.743");
    assertEquals(Optional.empty(), c.caveat(Tasks.PROPERTIES), "0.91 is above 0.896");
    assertEquals(Optional.empty(), c.caveat(Tasks.CAPTION), "the labelers have no caption figure");
    assertTrue(c.caveat(Tasks.CLASSIFY).orElseThrow().startsWith("<CLASSIFY>: classification "
        + "accuracy 0.25 against the labelers' 0.50"));
    assertEquals(Optional.empty(), c.caveat(Tasks.SEGMENTS), "no figure for segments");
    assertEquals(Optional.empty(), c.caveat(Tasks.IMAGE_CLASSIFY), "an image task");
    assertEquals(List.of(c.caveat(Tasks.CLASSIFY).get(), c.caveat(Tasks.EVENTS).get(),
        c.caveat(Tasks.EVENTS_OF).get(), c.caveat(Tasks.ALERT).get()), c.caveats());
  }

  @Test
  void aPromptWithAnArgumentIsJudgedByItsTypeOrProperty() {
    ModelCard c = Cards.card(WEIGHTS);
    assertEquals(Optional.of("<EVENTS_OF>flatline: flatline F1 0.10 against the labelers' 0.97 "
        + "on 1000 synthetic windows (seed 4242); prefer florets label for flatline events"),
        c.caveat(Prompt.eventsOf(EventType.FLATLINE)));
    assertEquals(Optional.empty(), c.caveat(Prompt.eventsOf(EventType.SPIKE_UP)),
        "spike_up 0.9 is above 0.8, though event F1 is below");
    assertEquals(c.caveat(Tasks.EVENTS_OF), c.caveat(Prompt.eventsOf(EventType.DROPOUT)),
        "no model figure for dropout: the task's");
    assertTrue(c.caveat(Prompt.property(Property.STD)).orElseThrow()
        .startsWith("<PROPERTY>std: numeric score of std 0.40 against the labelers' 0.80"));
    assertEquals(Optional.empty(), c.caveat(Prompt.property(Property.MEAN)));
    assertEquals(c.caveat(Tasks.EVENTS), c.caveat(Tasks.EVENTS.prompt()));
  }

  @Test
  void equalLookingFiguresShowFourDecimals() {
    assertEquals("0.5941 against the labelers' 0.5949",
        new Comparison(0.5941, 0.5949).describe());
    assertFalse(new Comparison(0.6, 0.6).modelBelow());
    assertThrows(IllegalArgumentException.class, () -> new Comparison(Double.NaN, 0.5));
    assertThrows(IllegalArgumentException.class, () -> new Comparison(0.5, 1.5));
  }

  @Test
  void trendChangesWereSeenWhenTheTrendsIncludeSeveralPieces() {
    String data = Cards.DATA.replace("trends=[INCREASING]", "trends=[INCREASING, MULTIPLE]");
    TrainingData t = TrainingData.of("default", "florets train --recipe default", data, "h", 100,
        20000, Map.of(), 1);
    String unseen = t.notTrainedOn().get(4);
    assertEquals("event types absent from its training data: spike_run, wide_spike, clipping, "
        + "anomaly", unseen);
  }

  @Test
  void notTrainedOnIsDerivedFromProvenance() {
    List<String> not = Cards.card(WEIGHTS).notTrainedOn();
    assertEquals(5, not.size(), not.toString());
    assertEquals("real sensor windows: every one of its 20000 training windows came from the "
        + "synthetic generator v1", not.get(0));
    assertTrue(not.get(1).startsWith("multichannel interactions") && not.get(1)
        .contains("trained on 1 channel per window"), not.get(1));
    assertEquals("window lengths other than 256 samples", not.get(2));
    assertTrue(not.get(3).startsWith("image tasks (<CLASSIFY>") && not.get(3).contains("<OD>"),
        not.get(3));
    assertEquals("event types absent from its training data: spike_run, wide_spike, "
        + "trend_change, clipping, anomaly", not.get(4));
    TrainingData t = Cards.card(WEIGHTS).trainedOn();
    assertEquals(List.of(256), t.lengths());
    assertEquals(1, t.channels());

    TrainingData adapted = TrainingData.of("adaptation", "florets train --data x.csv",
        "x.csv (sha256 ab...): 300 windows, 20 with a class label, window 128, stride 64",
        "h", 400, 300, Map.of("window", "128"), 0);
    List<String> a = adapted.notTrainedOn();
    assertEquals(4, a.size(), a.toString());
    assertTrue(a.get(0).startsWith("real sensor windows other than those of its own training data"),
        a.get(0));
    assertTrue(a.get(1).contains("does not say how many channels"), a.get(1));
    assertEquals("window lengths other than 128 samples", a.get(2));
    assertEquals(List.of(128), adapted.lengths());
  }
}
