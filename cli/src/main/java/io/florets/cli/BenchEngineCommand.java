package io.florets.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.florets.engine.bench.EngineMeasurement;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code florets bench engine}: training throughput, FLOP/s, memory and decoding latency. */
@Command(name = "engine", mixinStandardHelpOptions = true,
    description = "Benchmark the encoder-decoder on synthetic windows (batch 32, window 256, "
        + "prompt 4, target 32 by default); prints the measured figures.")
public final class BenchEngineCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--config", defaultValue = "small",
      description = "engine preset: tiny, small, base (default ${DEFAULT-VALUE})")
  String config;

  @Option(names = "--steps", defaultValue = "1000",
      description = "training steps; RSS is reported along them (default ${DEFAULT-VALUE})")
  int steps;

  @Option(names = "--batch", defaultValue = "32", description = "windows per step (default ${DEFAULT-VALUE})")
  int batch;

  @Option(names = "--window", defaultValue = "256", description = "samples per window (default ${DEFAULT-VALUE})")
  int window;

  @Option(names = "--repeats", defaultValue = "30", description = "timed decode repetitions (default ${DEFAULT-VALUE})")
  int repeats;

  @Option(names = "--seed", defaultValue = "7", description = "seed (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--threads", defaultValue = "0",
      description = "intra-op threads for matmul, training and decoding; 0 = the engine default "
          + "(all cores)")
  int threads;

  @Option(names = "--json", description = "print one JSON object")
  boolean json;

  @Override
  public Integer call() throws JsonProcessingException {
    if (steps < 1 || batch < 1 || window < 1 || repeats < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--steps, --batch, --window and --repeats must be >= 1");
    }
    if (threads > 0) {
      io.florets.engine.GradMode.setIntraOpThreads(threads);
    }
    EngineMeasurement.Options o = new EngineMeasurement.Options(config, steps, batch, window, 4, 32,
        repeats, seed);
    EngineMeasurement.Figures r = EngineMeasurement.run(o, msg -> System.err.println("bench engine: " + msg));
    if (json) {
      System.out.println(new ObjectMapper().writeValueAsString(r));
    } else {
      String s = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(r);
      System.out.println(s);
    }
    return 0;
  }
}
