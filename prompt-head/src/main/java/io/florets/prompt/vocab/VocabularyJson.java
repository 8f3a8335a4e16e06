package io.florets.prompt.vocab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;

/** JSON persistence of a {@link Vocabulary}: tokens, groups, class names and the content hash. */
final class VocabularyJson {
  static final String FORMAT = "florets-vocabulary";
  static final int VERSION = 1;
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private VocabularyJson() {
  }

  static void write(Vocabulary v, Path file) throws IOException {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    root.put("size", v.size());
    root.put("channels", v.channels());
    root.put("hash", v.hash());
    ArrayNode toks = root.putArray("tokens");
    v.tokens().forEach(toks::add);
    ObjectNode groups = root.putObject("groups");
    for (TokenGroup g : TokenGroup.values()) {
      ArrayNode a = groups.putArray(g.name());
      v.groupsView().get(g).stream().forEach(a::add);
    }
    ArrayNode classes = root.putArray("classNames");
    v.classNames().forEach(classes::add);
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, MAPPER.writeValueAsString(root));
  }

  static Vocabulary read(Path file) throws IOException {
    JsonNode root;
    try {
      root = MAPPER.readTree(Files.readString(file));
    } catch (JsonProcessingException e) {
      throw new VocabularyFormatException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !FORMAT.equals(root.path("format").asText()) || root.path("version").asInt() != VERSION) {
      throw new VocabularyFormatException(file + ": not a " + FORMAT + " version " + VERSION + " file");
    }
    try {
      List<String> tokens = new ArrayList<>();
      for (JsonNode t : required(root, "tokens", file)) {
        tokens.add(t.asText());
      }
      EnumMap<TokenGroup, BitSet> groups = new EnumMap<>(TokenGroup.class);
      JsonNode gs = root.get("groups");
      if (gs == null || !gs.isObject()) {
        throw new VocabularyFormatException(file + ": missing object field 'groups'");
      }
      for (TokenGroup g : TokenGroup.values()) {
        BitSet b = new BitSet();
        for (JsonNode id : gs.path(g.name())) {
          int i = id.asInt(-1);
          if (i < 0 || i >= tokens.size()) {
            throw new VocabularyFormatException(file + ": group " + g + " names id " + id + " outside 0.." + (tokens.size() - 1));
          }
          b.set(i);
        }
        groups.put(g, b);
      }
      List<String> classes = new ArrayList<>();
      for (JsonNode c : required(root, "classNames", file)) {
        classes.add(c.asText());
      }
      Vocabulary v = new Vocabulary(tokens, groups, root.path("channels").asInt(), classes);
      String expected = root.path("hash").asText();
      if (!v.hash().equals(expected)) {
        throw new VocabularyFormatException(file + ": content hash " + v.hash() + " does not match the recorded hash '"
            + expected + "' (the file was edited or corrupted)");
      }
      return v;
    } catch (IllegalArgumentException e) {
      throw new VocabularyFormatException(file + ": invalid vocabulary: " + e.getMessage(), e);
    }
  }

  private static JsonNode required(JsonNode root, String field, Path file) throws VocabularyFormatException {
    JsonNode n = root.get(field);
    if (n == null || !n.isArray()) {
      throw new VocabularyFormatException(file + ": missing array field '" + field + "'");
    }
    return n;
  }
}
