package io.florets.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes the one JSON file of figures of a benchmark run ({@code bench/run-all.sh}): machine,
 * commit, JMH results and the JSON printed by the {@code florets} commands; and compares two such
 * files. A command line tool of the bench module, so it prints.
 *
 * <pre>
 * write   OUT.json COMMIT JMH.json [NAME=COMMAND_OUTPUT_FILE ...]
 * compare OLD.json NEW.json
 * </pre>
 */
public final class BenchReport {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private BenchReport() {
  }

  /** Entry point; exits 2 on a usage error. */
  public static void main(String[] args) throws IOException {
    if (args.length >= 3 && args[0].equals("write")) {
      Path out = Paths.get(args[1]);
      ObjectNode report = write(args[2], Paths.get(args[3]), java.util.Arrays.copyOfRange(args, 4, args.length));
      Files.createDirectories(out.toAbsolutePath().getParent());
      Files.writeString(out, JSON.writeValueAsString(report) + "\n", StandardCharsets.UTF_8);
      System.out.println("wrote " + out);
    } else if (args.length == 3 && args[0].equals("compare")) {
      System.out.print(compare(JSON.readTree(Paths.get(args[1]).toFile()), JSON.readTree(Paths.get(args[2]).toFile())));
    } else {
      System.err.println("usage: BenchReport write OUT.json COMMIT JMH.json [NAME=FILE ...]\n"
          + "       BenchReport compare OLD.json NEW.json");
      System.exit(2);
    }
  }

  /** Builds the report from the JMH JSON file and the command outputs ({@code name=file}). */
  static ObjectNode write(String commit, Path jmh, String[] commands) throws IOException {
    ObjectNode r = JSON.createObjectNode();
    r.put("date", Instant.now().toString());
    r.put("commit", commit);
    r.set("machine", machine());
    ArrayNode benchmarks = r.putArray("jmh");
    if (Files.isRegularFile(jmh) && Files.size(jmh) > 0) {
      for (JsonNode b : JSON.readTree(jmh.toFile())) {
        ObjectNode o = benchmarks.addObject();
        o.put("benchmark", b.path("benchmark").asText());
        if (b.has("params")) {
          o.set("params", b.get("params"));
        }
        o.put("mode", b.path("mode").asText());
        JsonNode m = b.path("primaryMetric");
        o.put("score", m.path("score").asDouble());
        o.put("error", m.path("scoreError").isNumber() ? m.path("scoreError").asDouble() : Double.NaN);
        o.put("unit", m.path("scoreUnit").asText());
        o.put("threads", b.path("threads").asInt());
        o.put("forks", b.path("forks").asInt());
      }
    }
    ObjectNode cmds = r.putObject("commands");
    for (String c : commands) {
      int eq = c.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("command output must be NAME=FILE, got '" + c + "'");
      }
      String text = Files.readString(Paths.get(c.substring(eq + 1)), StandardCharsets.UTF_8);
      JsonNode last = lastJson(text);
      cmds.set(c.substring(0, eq), last == null ? JSON.getNodeFactory().textNode("no JSON output") : last);
    }
    return r;
  }

  /** The last complete JSON object in {@code text} (commands may log before their JSON). */
  static JsonNode lastJson(String text) {
    JsonNode found = null;
    int from = 0;
    while (true) {
      int i = text.indexOf('{', from);
      if (i < 0) {
        return found;
      }
      try (com.fasterxml.jackson.core.JsonParser p = JSON.getFactory().createParser(text.substring(i))) {
        JsonNode n = JSON.readTree(p);
        found = n;
        from = i + (int) p.getCurrentLocation().getCharOffset();
      } catch (IOException e) {
        from = i + 1;
      }
    }
  }

  private static ObjectNode machine() {
    ObjectNode m = JSON.createObjectNode();
    m.put("cpuModel", cpuModel());
    m.put("processors", Runtime.getRuntime().availableProcessors());
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      m.put("memoryBytes", sun.getTotalMemorySize());
    }
    m.put("loadAverage1m", os.getSystemLoadAverage());
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    return m;
  }

  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Paths.get("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException | UncheckedIOException e) {
      return "unknown";
    }
    return "unknown";
  }

  /** A table of new/old ratios for every JMH score and numeric command figure found in both. */
  static String compare(JsonNode old, JsonNode now) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("old %s (%s)%nnew %s (%s)%n", old.path("commit").asText(), old.path("date").asText(),
        now.path("commit").asText(), now.path("date").asText()));
    for (JsonNode b : now.path("jmh")) {
      for (JsonNode a : old.path("jmh")) {
        if (a.path("benchmark").equals(b.path("benchmark")) && a.path("params").equals(b.path("params"))) {
          sb.append(row(b.path("benchmark").asText() + " " + b.path("unit").asText(),
              a.path("score").asDouble(), b.path("score").asDouble()));
        }
      }
    }
    Iterator<Map.Entry<String, JsonNode>> it = now.path("commands").fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode before = old.path("commands").path(e.getKey());
      Iterator<Map.Entry<String, JsonNode>> f = e.getValue().fields();
      while (f.hasNext()) {
        Map.Entry<String, JsonNode> v = f.next();
        if (v.getValue().isNumber() && before.path(v.getKey()).isNumber()) {
          sb.append(row(e.getKey() + " " + v.getKey(), before.path(v.getKey()).asDouble(), v.getValue().asDouble()));
        }
      }
    }
    return sb.toString();
  }

  private static String row(String name, double a, double b) {
    return String.format("%-90s %12.4g -> %12.4g  (x%.3f)%n", name, a, b, a == 0 ? Double.NaN : b / a);
  }
}
