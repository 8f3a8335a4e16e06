package io.florets.prompt.facade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.Window;
import io.florets.datasets.target.Property;
import io.florets.prompt.readout.Numeric;
import io.florets.prompt.task.Prompt;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A prompt about a channel that the window does not have is refused with a message naming the
 * channel and the window's channel count, instead of being answered as if the channel were there.
 */
class FloretsChannelCheckTest {
  // a facade over the shared tiny model, never closed (the model stays open for other classes)
  private static final Florets FLORETS = Florets.of(TinyModels.bundle());

  @Test
  void aChannelTheWindowDoesNotHaveIsRefused() {
    Window w = TinyModels.data().windows().get(0);
    assertEquals(1, w.channels());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FLORETS.ask(w, "<PROPERTY>mean<ch_5>"));
    assertTrue(e.getMessage().contains("<PROPERTY>mean<ch_5>") && e.getMessage().contains("channel 5")
        && e.getMessage().contains("has 1 channel"), e.getMessage());
    IllegalArgumentException typed = assertThrows(IllegalArgumentException.class,
        () -> FLORETS.askAll(List.of(w, w), Prompt.property(Property.MEAN, 1)));
    assertTrue(typed.getMessage().contains("channel 1") && typed.getMessage().contains("index 0"),
        typed.getMessage());
  }

  @Test
  void channelsTheWindowHasAndTheWholeWindowAreStillAnswered() {
    Window w = TinyModels.data().windows().get(0);
    Numeric c0 = FLORETS.ask(w, Prompt.property(Property.MEAN, 0));
    assertEquals(Property.MEAN, c0.property());
    Numeric whole = FLORETS.ask(w, Prompt.property(Property.MEAN));
    assertEquals(Property.MEAN, whole.property());
  }
}
