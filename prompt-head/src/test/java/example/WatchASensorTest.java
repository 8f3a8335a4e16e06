package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.prompt.facade.Florets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's stream snippet is {@link WatchASensor}'s body, and it flags a spiking stream. */
class WatchASensorTest {
  private static final Path SOURCE = Path.of("src/test/java/example/WatchASensor.java");
  private static final Path README = Path.of("../README.md");

  @Test
  void theReadmeQuotesTheSnippetVerbatim() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(readme);
    String quoted = null;
    while (m.find()) {
      if (m.group(1).contains("StreamSpec.windowsOf")) {
        quoted = m.group(1);
      }
    }
    assertTrue(quoted != null, "README.md has no ```java block with StreamSpec.windowsOf");
    String source = Files.readString(SOURCE, StandardCharsets.UTF_8);
    String body = source.substring(source.indexOf("// README begin\n") + 16,
        source.indexOf("    // README end"));
    String unindented = body.lines().map(l -> l.startsWith("    ") ? l.substring(4) : l)
        .collect(Collectors.joining("\n", "", "\n"));
    assertEquals(unindented, quoted, "README.md's stream snippet differs from " + SOURCE);
  }

  @Test
  void theSnippetReportsAbnormalWindowsInStreamTime() {
    float[] samples = new float[512];
    for (int t = 0; t < samples.length; t++) {
      samples[t] = (float) Math.sin(2 * Math.PI * t / 32);
    }
    samples[400] += 12;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = System.out;
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try (Florets florets = Florets.defaultModel()) {
      WatchASensor.watch(florets, samples);
    } finally {
      System.setOut(out);
    }
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    for (String l : lines) {
      assertTrue(l.matches("abnormal window from sample (0|64|128|192|256)"), lines.toString());
    }
    // windows of 256 every 64 over 512 samples start at 0..256; those holding sample 400
    // (starts 192 and 256) hold the spike
    assertTrue(lines.contains("abnormal window from sample 256")
        || lines.contains("abnormal window from sample 192"), lines.toString());
  }
}
