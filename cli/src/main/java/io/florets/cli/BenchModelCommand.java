package io.florets.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.florets.dataengine.train.Recipe;
import io.florets.datasets.Window;
import io.florets.datasets.synthetic.SyntheticConfig;
import io.florets.datasets.synthetic.SyntheticGenerator;
import io.florets.engine.GradMode;
import io.florets.prompt.facade.Florets;
import io.florets.prompt.task.Task;
import io.florets.prompt.task.Tasks;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code florets bench model --model default --json}: latency of one readout of a model (one
 * window per call, constrained greedy decoding, as a service asking about live windows would),
 * per task, on fresh synthetic windows of the default recipe's length.
 */
@Command(name = "model", mixinStandardHelpOptions = true,
    description = "Latency of single readouts of a model, per task (p50/p90 in ms).")
public final class BenchModelCommand implements Callable<Integer> {
  private static final List<Task<?>> TASKS = List.of(Tasks.CLASSIFY, Tasks.SHAPE, Tasks.EVENTS,
      Tasks.PROPERTIES, Tasks.CAPTION);

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--model", defaultValue = "default",
      description = "default (the shipped model) or a model folder (default: ${DEFAULT-VALUE}).")
  String model;

  @Option(names = "--repeats", defaultValue = "40",
      description = "Timed readouts per task, each on another window (default: ${DEFAULT-VALUE}).")
  int repeats;

  @Option(names = "--threads", defaultValue = "1",
      description = "PyTorch intra-op threads (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--seed", defaultValue = "5", description = "Generator seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() throws IOException, io.florets.prompt.facade.bundle.BundleException {
    if (repeats < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--repeats must be >= 1, got " + repeats);
    }
    GradMode.setIntraOpThreads(threads);
    PrintWriter out = spec.commandLine().getOut();
    SyntheticConfig cfg = Recipe.defaultRecipe(1).data().toBuilder().count(repeats + 5).seed(seed)
        .build();
    List<Window> ws = SyntheticGenerator.generate(cfg).windows();
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("model", model);
    all.put("threads", threads);
    all.put("windowLength", ws.get(0).length());
    all.put("loadAverage", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        .getSystemLoadAverage());
    Map<String, Object> perTask = new LinkedHashMap<>();
    try (Florets f = ModelOption.open(model)) {
      for (Task<?> t : TASKS) {
        for (int i = 0; i < 5; i++) {
          f.ask(ws.get(i), t); // warm-up
        }
        double[] ms = new double[repeats];
        for (int i = 0; i < repeats; i++) {
          long t0 = System.nanoTime();
          f.ask(ws.get(5 + i), t);
          ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("msP50", round(ms[ms.length / 2]));
        m.put("msP90", round(ms[Math.min(ms.length - 1, (int) Math.ceil(0.9 * ms.length) - 1)]));
        perTask.put(t.token(), m);
      }
    }
    all.put("tasks", perTask);
    if (json) {
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(all));
    } else {
      perTask.forEach((k, v) -> out.printf(Locale.ROOT, "%-14s %s%n", k, v));
    }
    out.flush();
    return 0;
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
