package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.target.ShapeFacet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's "Use it from Java" program: the README quotes {@code FirstAnswer.java} verbatim, it
 * compiles against the facade's public API from outside the library's packages (this test source
 * set), and it runs to a first answer from the shipped default model.
 */
class FirstAnswerTest {
  private static final Path SOURCE = Path.of("src/test/java/example/FirstAnswer.java");
  private static final Path README = Path.of("../README.md");

  @Test
  void theReadmeQuotesTheProgramVerbatim() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(readme);
    String quoted = null;
    while (m.find()) {
      if (m.group(1).contains("class FirstAnswer")) {
        quoted = m.group(1);
      }
    }
    assertTrue(quoted != null, "README.md has no ```java block with class FirstAnswer");
    assertEquals(Files.readString(SOURCE, StandardCharsets.UTF_8), quoted,
        "README.md's FirstAnswer differs from " + SOURCE + ": copy the file into the README");
  }

  @Test
  void theProgramPrintsShapeTagsAndEvents() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = System.out;
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      FirstAnswer.main(new String[0]);
    } finally {
      System.setOut(out);
    }
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().collect(Collectors.toList());
    String facets = Arrays.stream(ShapeFacet.values()).map(ShapeFacet::token)
        .collect(Collectors.joining("|"));
    Pattern tag = Pattern.compile("(" + facets + "): \\w+ \\(confidence [01][.,]\\d\\d\\)");
    int tags = 0;
    while (tags < lines.size() && tag.matcher(lines.get(tags)).matches()) {
      tags++;
    }
    assertTrue(tags >= 1, "no shape tag line first in " + lines);
    Matcher count = Pattern.compile("(\\d+) event\\(s\\)").matcher(tags < lines.size() ? lines.get(tags) : "");
    assertTrue(count.matches(), "no event count after the tags in " + lines);
    List<String> events = lines.subList(tags + 1, lines.size());
    assertEquals(Integer.parseInt(count.group(1)), events.size(), lines.toString());
    for (String e : events) {
      assertTrue(e.matches("\\w+ from sample \\d+[.,]\\d to \\d+[.,]\\d"
          + " \\(confidence [01][.,]\\d\\d\\)"), e);
    }
  }
}
