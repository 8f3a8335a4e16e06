package io.florets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.target.EventType;
import io.florets.datasets.target.Property;
import io.florets.datasets.target.ShapeFacet;
import io.florets.prompt.readout.Alert;
import io.florets.prompt.readout.Caption;
import io.florets.prompt.readout.Events;
import io.florets.prompt.readout.Numeric;
import io.florets.prompt.readout.NumericProperties;
import io.florets.prompt.readout.ShapeTags;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Agreement}: the one-line comparison under the labelers' answer in a report panel. */
class AgreementTest {
  @Test
  void countsEqualTagsNearNumbersAndMatchingEvents() {
    ShapeTags m = new ShapeTags(List.of(new ShapeTags.Tag(ShapeFacet.TREND, "increasing", -1, 0.9),
        new ShapeTags.Tag(ShapeFacet.NOISE, "low", -1, 0.8)));
    ShapeTags l = new ShapeTags(List.of(new ShapeTags.Tag(ShapeFacet.TREND, "increasing", -1, 1),
        new ShapeTags.Tag(ShapeFacet.NOISE, "high", -1, 1)));
    assertEquals("1 of 2 tags equal", Agreement.of(m, l, 0.1, 2).orElseThrow());

    NumericProperties pm = new NumericProperties(List.of(new Numeric(Property.MEAN, 10.5, -1, 0.9),
        new Numeric(Property.STD, 3, -1, 0.9)));
    NumericProperties pl = new NumericProperties(List.of(new Numeric(Property.MEAN, 10, -1, 1),
        new Numeric(Property.STD, 2, -1, 1)));
    assertEquals("1 of 2 numbers within 10%", Agreement.of(pm, pl, 0.1, 2).orElseThrow());

    Events em = new Events(List.of(new Events.Item(EventType.SPIKE_UP, 100, 100, -1, 0.7),
        new Events.Item(EventType.SPIKE_DOWN, 50, 50, -1, 0.4)));
    Events el = new Events(List.of(new Events.Item(EventType.SPIKE_UP, 102, 102, -1, 1)));
    assertEquals("1 of the model's 2 events match the labelers' 1 by type and within 2 samples",
        Agreement.of(em, el, 0.1, 2).orElseThrow());
    assertTrue(Agreement.of(em, el, 0.1, 1).orElseThrow().startsWith("0 of"));

    assertEquals("different verdict", Agreement.of(new Alert(true, 0.9, List.of()),
        new Alert(false, 1, List.of()), 0.1, 2).orElseThrow());
    assertTrue(Agreement.of(new Caption("a", 0.5), new Caption("b", 1), 0.1, 2).isEmpty());
  }
}
