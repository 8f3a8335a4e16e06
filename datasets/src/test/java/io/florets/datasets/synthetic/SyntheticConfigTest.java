package io.florets.datasets.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.target.EventType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class SyntheticConfigTest {

  private static void rejects(String fragment, Executable build) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
    assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' lacks '" + fragment + "'");
  }

  @Test
  void defaultsAreValidAndSetsAreHeldInDeclarationOrder() {
    SyntheticConfig c = SyntheticConfig.builder()
        .trends(List.of(TrendKind.MULTIPLE, TrendKind.INCREASING, TrendKind.MULTIPLE)).build();
    assertEquals(List.of(TrendKind.INCREASING, TrendKind.MULTIPLE), c.trends());
    assertEquals(SyntheticConfig.INJECTABLE, SyntheticConfig.of(1, 256, 0).eventTypes());
    assertEquals(64, c.effectiveMaxPeriod());
    assertEquals(10, c.toBuilder().length(32).events(0, 2).periods(4, 64).build().effectiveMaxPeriod());
    assertEquals(c, c.toBuilder().build());
  }

  @Test
  void badSettingsAreRejectedWithTheirValue() {
    rejects("count must be in 1..10000000, got 0", () -> SyntheticConfig.builder().count(0).build());
    rejects("length must be in 32..100000, got 16", () -> SyntheticConfig.builder().length(16).build());
    rejects("channels must be in 1..64, got 0", () -> SyntheticConfig.builder().channels(0).build());
    rejects("maxEvents must be >= minEvents (3), got 1", () -> SyntheticConfig.builder().events(3, 1).build());
    rejects("maxEvents 40 does not fit", () -> SyntheticConfig.builder().events(0, 40).build());
    rejects("trend changes come from the MULTIPLE trend kind",
        () -> SyntheticConfig.builder().eventTypes(EventType.TREND_CHANGE).build());
    rejects("eventTypes must not be empty", () -> SyntheticConfig.builder().eventTypes(List.of()).build());
    rejects("trends must not be empty", () -> SyntheticConfig.builder().trends(List.of()).build());
    rejects("minPeriod must be >= 4 samples, got 2", () -> SyntheticConfig.builder().periods(2, 9).build());
    rejects("need minPeriod <= 21", () -> SyntheticConfig.builder().length(64).periods(30, 40).build());
    rejects("minOffset <= maxOffset, got [5.0, 1.0]", () -> SyntheticConfig.builder().offsets(5, 1).build());
    rejects("0 < minScale", () -> SyntheticConfig.builder().scales(0, 1).build());
    rejects("0 < minScale", () -> SyntheticConfig.builder().scales(Double.NaN, 1).build());
    rejects("pure noise", () -> SyntheticConfig.builder().trends(TrendKind.STEADY)
        .seasonalities(SeasonalityKind.NONE).noiseLevels(NoiseLevel.LOW).build());
    rejects("pure noise", () -> SyntheticConfig.builder().seasonalities(SeasonalityKind.NONE)
        .noiseLevels(NoiseLevel.LOW).classAttribute(ClassAttribute.TREND).build());
    rejects("pure noise", () -> SyntheticConfig.builder().trends(TrendKind.STEADY)
        .seasonalities(SeasonalityKind.NONE).classAttribute(ClassAttribute.NOISE).build());
  }

  @Test
  void emptyEventTypesAreFineWithoutEventsAndWindowIndexIsChecked() {
    SyntheticConfig c = SyntheticConfig.builder().count(3).events(0, 0).eventTypes(List.of()).build();
    assertEquals(3, SyntheticGenerator.generate(c).size());
    rejects("window index 3 outside [0, 3)", () -> SyntheticGenerator.window(c, 3));
  }

  @Test
  void pureNoiseChannelsAreHighNoise() {
    SyntheticConfig c = SyntheticConfig.builder().count(30).trends(TrendKind.STEADY)
        .seasonalities(SeasonalityKind.NONE).classAttribute(ClassAttribute.NOISE)
        .noiseLevels(NoiseLevel.HIGH).build();
    for (SyntheticWindow w : SyntheticGenerator.windows(c)) {
      assertEquals(NoiseLevel.HIGH, w.truth().get(0).noiseLevel());
      assertEquals(1.0, w.truth().get(0).noiseShare());
      assertEquals("high", w.window().classLabel().orElseThrow());
    }
  }
}
