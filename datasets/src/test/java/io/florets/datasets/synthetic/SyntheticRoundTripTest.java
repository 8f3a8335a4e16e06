package io.florets.datasets.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.florets.datasets.DenseDataset;
import io.florets.datasets.io.arrow.DenseDatasetArrow;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A generated dataset (NaN runs, channels, class labels, every target kind) survives Arrow IPC. */
class SyntheticRoundTripTest {

  @Test
  void arrowRoundTripIsExact(@TempDir Path dir) throws IOException {
    SyntheticConfig c = SyntheticConfig.builder().count(40).channels(2).seed(8).events(1, 4)
        .classAttribute(ClassAttribute.TREND).build();
    DenseDataset d = SyntheticGenerator.generate(c);
    Path file = dir.resolve("synthetic.arrow");
    DenseDatasetArrow.write(file, d);
    assertEquals(d, DenseDatasetArrow.read(file));
  }
}
