package io.florets.engine.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * JSON Lines metrics: {@code {"type":"step","step":..,"loss":..,"lr":..,"gradNorm":..,
 * "tokensPerSecond":..}} and {@code {"type":"validation","step":..,"loss":..,"tokenAccuracy":..}}.
 * Appends to the file (a resumed run continues it). A null path writes nothing.
 */
final class MetricsLog implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final BufferedWriter out;
  private final Path path;

  private MetricsLog(Path path, BufferedWriter out) {
    this.path = path;
    this.out = out;
  }

  static MetricsLog open(Path path) {
    if (path == null) {
      return new MetricsLog(null, null);
    }
    try {
      if (path.getParent() != null) {
        Files.createDirectories(path.getParent());
      }
      return new MetricsLog(path, Files.newBufferedWriter(path, StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open metrics log " + path, e);
    }
  }

  void step(TrainingListener.StepMetrics m) {
    if (out == null) {
      return;
    }
    ObjectNode n = JSON.createObjectNode();
    n.put("type", "step").put("step", m.step()).put("loss", m.loss()).put("lr", m.learningRate())
        .put("gradNorm", m.gradNorm()).put("tokensPerSecond", m.tokensPerSecond());
    write(n);
  }

  void validation(TrainingListener.ValidationMetrics m) {
    if (out == null) {
      return;
    }
    ObjectNode n = JSON.createObjectNode();
    n.put("type", "validation").put("step", m.step()).put("loss", m.loss())
        .put("tokenAccuracy", m.tokenAccuracy()).put("improved", m.improved());
    write(n);
  }

  private void write(ObjectNode n) {
    try {
      out.write(JSON.writeValueAsString(n));
      out.newLine();
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write metrics log " + path, e);
    }
  }

  @Override
  public void close() {
    if (out != null) {
      try {
        out.close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot close metrics log " + path, e);
      }
    }
  }
}
