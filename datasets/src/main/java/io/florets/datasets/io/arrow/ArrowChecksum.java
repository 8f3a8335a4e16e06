package io.florets.datasets.io.arrow;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BufferLayout;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TypeLayout;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The content checksum of a Florets Arrow file, stored in its schema metadata under
 * {@link ArrowVectors#CHECKSUM} as {@code sha256:<hex>}. Package-private.
 *
 * <p>It is the SHA-256 of: the schema (each field's name, type, nullability and children, in order;
 * the metadata sorted by key, without the checksum itself), then for every record batch its row
 * count and, for every vector depth-first, its value count, its null bitmap (one bit per value,
 * from {@code isNull}, so that Arrow rebuilding an all-valid bitmap on load does not matter) and
 * the bytes of its other buffers (offsets, values) within their used length. The writer computes
 * it from the batches it is about to write, the reader from the batches it loaded, so any change
 * to what the file says (a flipped value, offset, string byte or metadata entry) is detected, while
 * padding between buffers is not part of it.
 */
final class ArrowChecksum {
  private static final String PREFIX = "sha256:";
  private final MessageDigest md;
  private final byte[] chunk = new byte[1 << 16];

  /** Starts a checksum over {@code schema} (its checksum metadata entry, if any, left out). */
  ArrowChecksum(Schema schema) {
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
    for (Field f : schema.getFields()) {
      addField(f);
    }
    Map<String, String> custom = schema.getCustomMetadata();
    Map<String, String> meta = custom == null ? new TreeMap<>() : new TreeMap<>(custom);
    meta.remove(ArrowVectors.CHECKSUM);
    addLong(meta.size());
    meta.forEach((k, v) -> {
      addString(k);
      addString(v);
    });
  }

  private void addField(Field f) {
    addString(f.getName());
    addString(f.getType().toString());
    addLong(f.isNullable() ? 1 : 0);
    Map<String, String> fieldMeta = f.getMetadata();
    if (fieldMeta != null && !fieldMeta.isEmpty()) {
      // only when present, so that checksums of files whose fields carry none stay as they were
      addString("field metadata");
      Map<String, String> sorted = new TreeMap<>(fieldMeta);
      addLong(sorted.size());
      sorted.forEach((k, v) -> {
        addString(k);
        addString(v);
      });
    }
    List<Field> children = f.getChildren();
    addLong(children.size());
    for (Field c : children) {
      addField(c);
    }
  }

  /** Adds a loaded or filled record batch. */
  void addBatch(VectorSchemaRoot root) {
    addLong(root.getRowCount());
    for (FieldVector v : root.getFieldVectors()) {
      addVector(v);
    }
  }

  private void addVector(FieldVector v) {
    int n = v.getValueCount();
    addLong(n);
    List<BufferLayout.BufferType> types = TypeLayout.getTypeLayout(v.getField().getType())
        .getBufferTypes();
    List<ArrowBuf> buffers = v.getFieldBuffers();
    boolean layoutKnown = types.size() == buffers.size();
    if (layoutKnown && types.contains(BufferLayout.BufferType.VALIDITY)) {
      byte[] bits = new byte[(n + 7) / 8];
      for (int i = 0; i < n; i++) {
        if (!v.isNull(i)) {
          bits[i >>> 3] |= (byte) (1 << (i & 7));
        }
      }
      md.update(bits);
    }
    for (int b = 0; b < buffers.size(); b++) {
      if (layoutKnown && types.get(b) == BufferLayout.BufferType.VALIDITY) {
        continue;
      }
      addBuffer(buffers.get(b));
    }
    for (FieldVector child : v.getChildrenFromFields()) {
      addVector(child);
    }
  }

  private void addBuffer(ArrowBuf buf) {
    long from = buf.readerIndex();
    long to = buf.writerIndex();
    addLong(to - from);
    for (long pos = from; pos < to; pos += chunk.length) {
      int len = (int) Math.min(chunk.length, to - pos);
      buf.getBytes(pos, chunk, 0, len);
      md.update(chunk, 0, len);
    }
  }

  private void addString(String s) {
    if (s == null) {
      // a damaged schema can carry a null name or metadata value; no written file has one
      addLong(-1);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    addLong(b.length);
    md.update(b);
  }

  private void addLong(long x) {
    for (int i = 0; i < 8; i++) {
      md.update((byte) (x >>> (8 * i)));
    }
  }

  /** The checksum as stored: {@code sha256:<64 hex digits>}. Call once, after the last batch. */
  String value() {
    return PREFIX + HexFormat.of().formatHex(md.digest());
  }
}
