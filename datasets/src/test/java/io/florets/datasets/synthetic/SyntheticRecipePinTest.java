package io.florets.datasets.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.florets.datasets.DenseDataset;
import io.florets.datasets.target.Annotation;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/**
 * Pins the generator's output for one configuration. Datasets record
 * {@link SyntheticGenerator#VERSION} and {@link SyntheticMetadata#config} refuses other versions,
 * so a change to the recipe must bump the version: when this test fails after an intended change,
 * bump {@code SyntheticGenerator.VERSION} and update the checksum.
 */
class SyntheticRecipePinTest {
  /** CRC32 of version 1's output for the configuration below. */
  private static final long PINNED = 2_253_779_783L;

  static long checksum(DenseDataset d) {
    CRC32 crc = new CRC32();
    for (DenseDataset.Entry e : d.entries()) {
      for (float[] channel : e.window().values()) {
        for (float v : channel) {
          int bits = Float.floatToRawIntBits(v);
          crc.update(new byte[] {(byte) bits, (byte) (bits >> 8), (byte) (bits >> 16), (byte) (bits >> 24)});
        }
      }
      for (Annotation a : e.annotations()) {
        // the caption target record was renamed (Caption -> CaptionText) without any change of
        // content; the pin hashes the values, so the old name is kept in the hashed text
        crc.update(a.toString().replace("CaptionText[", "Caption[").getBytes(StandardCharsets.UTF_8));
      }
    }
    return crc.getValue();
  }

  @Test
  void outputOfVersionOneIsUnchanged() {
    SyntheticConfig c = SyntheticConfig.builder().count(12).channels(2).seed(2024)
        .classAttribute(ClassAttribute.NOISE).build();
    assertEquals("1", SyntheticGenerator.VERSION);
    assertEquals(PINNED, checksum(SyntheticGenerator.generate(c)),
        "generator output changed: bump SyntheticGenerator.VERSION and update the checksum");
  }
}
