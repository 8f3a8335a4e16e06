package io.florets.prompt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.target.Event;
import io.florets.datasets.target.EventType;
import io.florets.datasets.target.NumericProperty;
import io.florets.datasets.target.Property;
import io.florets.datasets.target.Target;
import io.florets.prompt.grammar.GrammarConstraint;
import io.florets.prompt.readout.Alert;
import io.florets.prompt.readout.Events;
import io.florets.prompt.readout.Numeric;
import io.florets.prompt.serial.Extent;
import io.florets.prompt.serial.TrainingPair;
import io.florets.prompt.task.Prompt;
import io.florets.prompt.task.Tasks;
import io.florets.prompt.vocab.Vocabulary;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromptHeadTest {
  private final PromptHead head = PromptHead.of(Vocabulary.standard());

  @Test
  void trainingPairsDecodeToTheFlorenceStyleText() {
    List<Target> targets = List.of(new Event(EventType.SPIKE_UP, 120, 124, 2), new Event(EventType.DROPOUT, 10, 30),
        new NumericProperty(Property.MEAN, 3.14159));
    List<TrainingPair> pairs = head.series().pairs(targets, 1000);
    TrainingPair events = pairs.stream().filter(p -> p.prompt().task() == Tasks.EVENTS).findFirst().orElseThrow();
    assertEquals("<ch_2>spike_up<t_120><t_124>dropout<t_10><t_30></s>", head.tokenizer().decode(events.targetTokens()));
    assertEquals(Vocabulary.BOS, events.decoderInput()[0]);
    assertArrayEquals(java.util.Arrays.copyOf(events.targetTokens(), events.targetTokens().length - 1),
        java.util.Arrays.copyOfRange(events.decoderInput(), 1, events.decoderInput().length));
    TrainingPair mean = pairs.stream().filter(p -> p.prompt().equals(Prompt.property(Property.MEAN))).findFirst()
        .orElseThrow();
    assertEquals("<num_pos><d_3><d_1><d_4><d_2><e_0></s>", head.tokenizer().decode(mean.targetTokens()));
    assertEquals(3.142, head.parse(Prompt.property(Property.MEAN), mean.targetTokens(), null, Extent.series(1000))
        .value(), 1e-12);
    Alert alert = head.parse(Tasks.ALERT.prompt(), pairs.stream().filter(p -> p.prompt().task() == Tasks.ALERT)
        .findFirst().orElseThrow().targetTokens(), null, Extent.series(1000));
    assertTrue(alert.abnormal());
    assertEquals(2, alert.events().size());
  }

  @Test
  void confidencesComeFromTokenLogProbabilities() {
    int[] ids = head.series().serialize(Tasks.EVENTS.prompt(), List.of(new Event(EventType.FLATLINE, 0, 9)), 10)
        .orElseThrow();
    double[] lp = {Math.log(0.9), Math.log(0.5), Math.log(0.8), 0.0};
    Events e = head.parse(Tasks.EVENTS.prompt(), ids, lp, Extent.series(10));
    assertEquals(Math.exp((Math.log(0.9) + Math.log(0.5) + Math.log(0.8)) / 3), e.events().get(0).confidence(), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> head.parse(Tasks.EVENTS.prompt(), ids, new double[2],
        Extent.series(10)));
    Numeric n = head.parse(Prompt.property(Property.STD, 1), new int[] {head.vocabulary().numZeroId(),
        Vocabulary.EOS}, null, Extent.series(10));
    assertEquals(0.0, n.value());
    assertEquals(1, n.channel());
  }

  @Test
  void promptTokensNameTheirArguments() {
    Vocabulary v = head.vocabulary();
    assertArrayEquals(new int[] {v.id("<PROPERTY>"), v.id("mean"), v.channelId(3)},
        Prompt.property(Property.MEAN, 3).tokens(v));
    assertArrayEquals(new int[] {v.id("<REGION_TO_DESCRIPTION>"), v.timeId(100), v.timeId(250)},
        io.florets.prompt.task.PromptParser.parse("<REGION_TO_DESCRIPTION><t_100><t_250>").tokens(v));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Prompt.property(Property.MEAN, 99).tokens(v));
    assertTrue(e.getMessage().contains("99"), e.getMessage());
  }

  @Test
  void batchConstraintFollowsEachRowsGrammar() {
    GrammarConstraint c = head.constraint(List.of(Tasks.EVENTS.prompt(), Prompt.property(Property.MAX)));
    BitSet events = c.allowed(0, new int[0]);
    BitSet number = c.allowed(1, new int[] {Vocabulary.BOS});
    assertTrue(events.get(Vocabulary.EOS) && events.get(head.vocabulary().id("spike_up")));
    assertFalse(number.get(Vocabulary.EOS));
    assertEquals(3, number.cardinality());
    assertThrows(IllegalArgumentException.class, () -> c.allowed(1, new int[] {head.vocabulary().timeId(3)}));
    assertThrows(IllegalArgumentException.class, () -> head.parse(Tasks.EMBED.prompt(), new int[] {Vocabulary.EOS},
        null, Extent.series(5)));
  }
}
