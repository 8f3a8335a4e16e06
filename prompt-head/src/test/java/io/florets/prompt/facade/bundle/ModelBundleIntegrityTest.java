package io.florets.prompt.facade.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.florets.prompt.facade.Florets;
import io.florets.prompt.facade.TinyModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bundle.json} integrity (issue 17, item 3): a content checksum written on save and checked on
 * load, and fields that contradict each other or the engine checkpoint refused, each with a message
 * naming the file and the field; folders without a checksum (saved before it existed) still load.
 */
class ModelBundleIntegrityTest {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @TempDir
  Path tmp;
  private Path dir;
  private Path manifest;

  @BeforeEach
  void saveTinyModel() throws Exception {
    dir = tmp.resolve("model");
    TinyModels.bundle().save(dir);
    manifest = dir.resolve("bundle.json");
  }

  private ObjectNode read() throws Exception {
    return (ObjectNode) JSON.readTree(manifest.toFile());
  }

  /** Rewrites bundle.json after {@code edit}. */
  private void edit(Consumer<ObjectNode> edit) throws Exception {
    ObjectNode m = read();
    edit.accept(m);
    Files.writeString(manifest, JSON.writeValueAsString(m));
  }

  private void loads() throws Exception {
    try (ModelBundle b = ModelBundle.load(dir)) {
      assertEquals(TinyModels.bundle().head().vocabulary().hash(), b.head().vocabulary().hash());
    }
  }

  private BundleException refused(String... mustName) {
    BundleException e = assertThrows(BundleException.class, () -> ModelBundle.load(dir).close());
    assertTrue(e.getMessage().contains(manifest.toString()), "names the file: " + e.getMessage());
    for (String s : mustName) {
      assertTrue(e.getMessage().contains(s), "names '" + s + "': " + e.getMessage());
    }
    return e;
  }

  @Test
  void saveWritesAChecksumOverTheContentAndLoadAcceptsIt() throws Exception {
    String c = read().path("checksum").asText();
    assertTrue(c.matches("sha256:[0-9a-f]{64}"), c);
    loads();
    // the checksum is over the content, not the layout: the same content written compactly loads
    Files.writeString(manifest, new ObjectMapper().writeValueAsString(read()));
    loads();
    // saving again writes the same checksum (deterministic content)
    TinyModels.bundle().save(dir);
    assertEquals(c, read().path("checksum").asText());
  }

  @Test
  void anEditedFieldIsCaughtByTheChecksum() throws Exception {
    edit(m -> m.put("channels", 0));
    BundleException e = refused("checksum", "edited or damaged");
    assertFalse(e.getMessage().contains("null"), e.getMessage());
    edit(m -> m.put("checksum", "not-a-sha"));
    refused("field checksum", "not-a-sha");
  }

  @Test
  void aFolderWithoutChecksumLoadsAsBefore() throws Exception {
    edit(m -> m.remove("checksum"));
    loads();
  }

  @Test
  void theShippedDefaultModelStillLoads() throws Exception {
    try (ModelBundle b = ModelBundle.loadResource(Florets.DEFAULT_MODEL,
        Florets.class.getClassLoader())) {
      assertTrue(b.model().parameterCount() > 0);
    }
  }

  @Test
  void anEngineWidthOtherThanTheFrontEndsIsRefused() throws Exception {
    int d = read().path("frontEnd").path("dModel").asInt();
    edit(m -> {
      m.remove("checksum");
      ((ObjectNode) m.get("engineConfig")).put("dModel", d * 4);
    });
    refused("engineConfig.dModel", "is " + (d * 4), "frontEnd.dModel is " + d);
  }

  @Test
  void anEngineConfigOtherThanTheCheckpointsIsRefused() throws Exception {
    int layers = read().path("engineConfig").path("encoderLayers").asInt();
    edit(m -> {
      m.remove("checksum");
      ((ObjectNode) m.get("engineConfig")).put("encoderLayers", layers + 1);
    });
    refused("engineConfig.encoderLayers", "is " + (layers + 1), "saved with " + layers);
  }

  @Test
  void aParameterCountOtherThanTheCheckpointsIsRefused() throws Exception {
    long n = read().path("parameterCount").asLong();
    edit(m -> {
      m.remove("checksum");
      m.put("parameterCount", n + 1);
    });
    refused("parameterCount", Long.toString(n + 1), Long.toString(n));
  }

  @Test
  void channelsOutsideTheFrontEndsRangeAreRefused() throws Exception {
    int max = read().path("frontEnd").path("maxChannels").asInt();
    edit(m -> {
      m.remove("checksum");
      m.put("channels", -1);
    });
    refused("field channels is -1", "maxChannels " + max);
    edit(m -> m.put("channels", max + 1));
    refused("field channels is " + (max + 1));
    edit(m -> m.put("channels", "one"));
    refused("field channels is \"one\"");
    edit(m -> m.remove("channels"));
    refused("field channels is missing");
  }
}
