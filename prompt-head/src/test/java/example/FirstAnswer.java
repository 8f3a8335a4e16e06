package example;

import io.florets.datasets.Window;
import io.florets.prompt.facade.Florets;
import io.florets.prompt.readout.Events;
import io.florets.prompt.readout.ShapeTags;
import io.florets.prompt.task.Tasks;

public class FirstAnswer {
  public static void main(String[] args) {
    // 256 samples: a slow rise, a sine of period 32, and one spike at sample 180
    float[] samples = new float[256];
    for (int t = 0; t < samples.length; t++) {
      samples[t] = (float) (0.02 * t + Math.sin(2 * Math.PI * t / 32));
    }
    samples[180] += 8;
    Window window = Window.of(samples);

    try (Florets florets = Florets.defaultModel()) {   // the model shipped in the jar; offline
      ShapeTags shape = florets.ask(window, Tasks.SHAPE);
      for (ShapeTags.Tag tag : shape.tags()) {
        System.out.printf("%s: %s (confidence %.2f)%n",
            tag.facet().token(), tag.value(), tag.confidence());
      }
      Events events = florets.ask(window, Tasks.EVENTS);
      System.out.println(events.events().size() + " event(s)");
      for (Events.Item e : events.events()) {
        System.out.printf("%s from sample %.1f to %.1f (confidence %.2f)%n",
            e.type().token(), e.start(), e.end(), e.confidence());
      }
    }
  }
}
