package io.florets.datasets.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.DenseDataset;
import io.florets.datasets.io.arrow.DenseDatasetArrow;
import io.florets.datasets.target.EventType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated dataset (NaN runs, channels, class labels, every target kind) survives Arrow IPC, and
 * its metadata regenerates any window with the full truth.
 */
class SyntheticRoundTripTest {

  @Test
  void arrowRoundTripIsExactAndMetadataRegeneratesWindows(@TempDir Path dir) throws IOException {
    SyntheticConfig c = SyntheticConfig.builder().count(40).channels(2).seed(-8).events(1, 4)
        .classAttribute(ClassAttribute.TREND).offsets(-0.1, 0.3).scales(0.001, 0.002)
        .eventTypes(EventType.SPIKE_RUN, EventType.MISSING_RUN, EventType.FLATLINE).build();
    DenseDataset d = SyntheticGenerator.generate(c);
    Path file = dir.resolve("synthetic.arrow");
    DenseDatasetArrow.write(file, d);
    DenseDataset back = DenseDatasetArrow.read(file);
    assertEquals(d, back);
    SyntheticConfig read = SyntheticMetadata.config(back.metadata());
    assertEquals(c, read);
    assertEquals(d.get(33), SyntheticGenerator.window(read, 33).entry());
  }

  @Test
  void metadataProblemsAreNamed() {
    Map<String, String> m = new HashMap<>(SyntheticMetadata.of(SyntheticConfig.of(5, 64, 1)));
    m.put("synthetic.trends", "INCREASING,SIDEWAYS");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SyntheticMetadata.config(m));
    assertTrue(e.getMessage().contains("synthetic.trends: cannot read 'SIDEWAYS'"), e.getMessage());
    m.remove("synthetic.trends");
    e = assertThrows(IllegalArgumentException.class, () -> SyntheticMetadata.config(m));
    assertTrue(e.getMessage().contains("lacks synthetic.trends"), e.getMessage());
    m.put("generator.version", "0");
    e = assertThrows(IllegalArgumentException.class, () -> SyntheticMetadata.config(m));
    assertTrue(e.getMessage().contains("version 0"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SyntheticMetadata.config(Map.of()));
  }
}
