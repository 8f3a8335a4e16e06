package example;

import io.florets.prompt.facade.Florets;
import io.florets.prompt.facade.StreamSpec;
import io.florets.prompt.facade.WindowStream;
import io.florets.prompt.task.Tasks;

/**
 * The README's stream snippet, compiled against the public API: the lines between the markers are
 * quoted in the README (without this indentation) and {@code WatchASensorTest} checks both.
 */
final class WatchASensor {
  private WatchASensor() {
  }

  static void watch(Florets florets, float[] samples) {
    // README begin
    WindowStream stream = florets.stream(StreamSpec.windowsOf(256).every(64), Tasks.ALERT,
        answer -> {   // answer.readout() is an Alert
          if (answer.readout().abnormal()) {
            System.out.println("abnormal window from sample " + answer.windowStart());
          }
        });
    for (float value : samples) {   // or push each sample as it arrives
      stream.push(value);
    }
    // README end
  }
}
