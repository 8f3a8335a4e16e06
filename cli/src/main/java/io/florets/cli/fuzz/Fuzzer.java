package io.florets.cli.fuzz;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one {@link FuzzTarget}: executes its seeds, then mutated inputs until the time or input
 * budget is spent. Each input runs on a worker thread with a time limit; an input over the limit is
 * a hang (the worker is abandoned and replaced). An input is a crash when the code under test
 * throws anything the target does not accept as its own clear failure, errors included
 * ({@link OutOfMemoryError}, {@link StackOverflowError}). The first input of each distinct crash is
 * minimised (chunks removed while the crash stays the same) and saved under the output folder.
 *
 * <p>Inputs that reach an outcome not seen before (accepted, or an error message not seen before
 * once numbers and quoted parts are left out) join the corpus that later inputs are mutated from: a
 * cheap stand-in for coverage feedback.
 */
public final class Fuzzer {
  /** Largest corpus kept (seeds included). */
  private static final int MAX_CORPUS = 2000;
  /** Largest input kept in the corpus (larger ones are run, not kept). */
  private static final int MAX_KEPT_BYTES = 64 * 1024;
  private static final long MINIMISE_MILLIS = 10_000;

  /** Settings of one run. */
  public record Options(long seed, double seconds, long maxInputs, long timeoutMillis, Path out,
      PrintStream progress) {
  }

  private final FuzzTarget target;
  private final Options options;
  private final Path work;
  private ExecutorService worker;
  private int generation;
  private boolean warm;

  private Fuzzer(FuzzTarget target, Options options, Path work) {
    this.target = target;
    this.options = options;
    this.work = work;
  }

  /** Runs {@code target} with {@code options}; the scratch folder is removed afterwards. */
  public static FuzzReport run(FuzzTarget target, Options options) throws IOException {
    Path work = Files.createTempDirectory("florets-fuzz-" + target.name() + "-");
    Fuzzer f = new Fuzzer(target, options, work);
    try {
      return f.loop();
    } finally {
      if (f.worker != null) {
        f.worker.shutdownNow();
      }
      deleteQuietly(work);
    }
  }

  /** What running one input gave. */
  private record Outcome(boolean hang, Throwable error, String violation) {
    boolean crash() {
      return !hang && violation != null;
    }

    String signature() {
      if (hang) {
        return "hang";
      }
      return error.getClass().getName() + " (" + violation + ") at " + frame(error);
    }
  }

  private static final class Tally {
    final String kind;
    final String exception;
    long count;
    String saved;

    Tally(String kind, String exception) {
      this.kind = kind;
      this.exception = exception;
    }
  }

  private FuzzReport loop() throws IOException {
    long start = System.nanoTime();
    long deadline = options.seconds() >= 1e8 ? Long.MAX_VALUE / 2 : start + (long) (options.seconds() * 1e9);
    SplittableRandom rnd = new SplittableRandom(options.seed());
    List<FuzzTarget.Input> corpus = new ArrayList<>(target.seeds(work));
    if (corpus.isEmpty()) {
      throw new IllegalStateException("target " + target.name() + " has no seed inputs");
    }
    Mutator mutator = new Mutator(target.dictionary());
    Set<String> outcomes = new HashSet<>();
    Map<String, Tally> findings = new LinkedHashMap<>();
    long executions = 0;
    long crashes = 0;
    long hangs = 0;
    long lastProgress = start;
    List<FuzzTarget.Input> queue = new ArrayList<>(corpus);
    while (executions < options.maxInputs() && (executions < queue.size() || System.nanoTime() < deadline)) {
      FuzzTarget.Input in;
      if (executions < queue.size()) {
        in = queue.get((int) executions); // every seed runs once, first
      } else {
        FuzzTarget.Input base = corpus.get(rnd.nextInt(corpus.size()));
        byte[] data = target.afterMutation(base, mutator.mutate(base.data(), corpus, rnd));
        in = new FuzzTarget.Input(base.name(), data);
      }
      Outcome o = execute(in);
      executions++;
      if (o.hang() || o.crash()) {
        if (o.hang()) {
          hangs++;
        } else {
          crashes++;
        }
        String sig = o.signature();
        Tally t = findings.get(sig);
        if (t == null) {
          t = new Tally(o.hang() ? "hang" : "crash", o.hang() ? "no result within "
              + options.timeoutMillis() + " ms" : describe(o.error()));
          findings.put(sig, t);
          t.saved = save(o.hang() ? in : minimise(in, sig), sig, o.hang() ? "hang" : "crash");
          options.progress().println("fuzz " + target.name() + ": " + t.kind + " " + sig + ": "
              + t.exception + (t.saved == null ? "" : " (input saved to " + t.saved + ")"));
        }
        t.count++;
        if (hangs >= 5) {
          options.progress().println("fuzz " + target.name() + ": stopping after 5 hangs");
          break;
        }
      } else {
        String key = o.error() == null ? "accepted" : outcomeKey(o.error());
        if (outcomes.add(key) && corpus.size() < MAX_CORPUS && executions > queue.size()
            && in.data().length <= MAX_KEPT_BYTES) {
          corpus.add(in);
        }
      }
      long now = System.nanoTime();
      if (now - lastProgress > 5_000_000_000L) {
        lastProgress = now;
        options.progress().printf("fuzz %s: %,d inputs, %d crashes, %d hangs, %d outcomes, %.0f s%n",
            target.name(), executions, crashes, hangs, outcomes.size(), (now - start) / 1e9);
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    List<FuzzReport.Finding> list = new ArrayList<>();
    findings.forEach((sig, t) -> list.add(new FuzzReport.Finding(t.kind, sig, t.exception, t.count, t.saved)));
    return new FuzzReport(target.name(), options.seed(), executions, crashes, hangs,
        Math.round(seconds * 1000) / 1000.0, corpus.size(), outcomes.size(), list);
  }

  /** Runs one input on the worker thread within the time limit. */
  private Outcome execute(FuzzTarget.Input in) {
    if (worker == null) {
      final int g = generation;
      worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "florets-fuzz-" + target.name() + "-" + g);
        t.setDaemon(true);
        return t;
      });
    }
    final int g = generation;
    Future<Throwable> f = worker.submit(() -> {
      try {
        target.execute(in, work, g);
        return null;
      } catch (Throwable e) {
        return e;
      }
    });
    // the first input also loads classes and native libraries: it gets a minute
    long limit = warm ? options.timeoutMillis() : Math.max(options.timeoutMillis(), 60_000);
    try {
      Throwable e = f.get(limit, TimeUnit.MILLISECONDS);
      warm = true;
      if (e == null) {
        return new Outcome(false, null, null);
      }
      return new Outcome(false, e, target.violation(e, in, work, g));
    } catch (TimeoutException e) {
      f.cancel(true);
      worker.shutdownNow();
      worker = null;
      generation++;
      return new Outcome(true, null, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("fuzzing interrupted", e);
    } catch (ExecutionException e) {
      return new Outcome(false, e.getCause(), "escaped the worker: " + e.getCause());
    }
  }

  /** {@code in} with chunks removed as long as it still crashes with {@code sig}. */
  private FuzzTarget.Input minimise(FuzzTarget.Input in, String sig) {
    long until = System.nanoTime() + MINIMISE_MILLIS * 1_000_000;
    byte[] best = in.data();
    for (int chunk = Math.max(1, best.length / 2); chunk >= 1 && System.nanoTime() < until; chunk /= 2) {
      for (int at = 0; at + chunk <= best.length && System.nanoTime() < until; ) {
        byte[] cand = Mutator.concat(Mutator.slice(best, 0, at), Mutator.slice(best, at + chunk, best.length));
        Outcome o = execute(new FuzzTarget.Input(in.name(), cand));
        if (o.crash() && o.signature().equals(sig)) {
          best = cand;
        } else {
          at += chunk;
        }
      }
      if (chunk == 1) {
        break;
      }
    }
    return new FuzzTarget.Input(in.name(), best);
  }

  private String save(FuzzTarget.Input in, String sig, String kind) {
    try {
      Path dir = options.out().resolve(target.name());
      Files.createDirectories(dir);
      String base = in.name().replaceAll("\\.[^.]*$", "").replaceAll("[^A-Za-z0-9_-]", "_");
      Path file = dir.resolve(kind + "-" + hash(sig) + "--" + base + target.extension(in));
      Files.write(file, in.data());
      return file.toString();
    } catch (IOException e) {
      options.progress().println("fuzz " + target.name() + ": cannot save input: " + e);
      return null;
    }
  }

  /** The first stack frame in Florets code (or the first frame) of {@code e}. */
  static String frame(Throwable e) {
    StackTraceElement[] st = e.getStackTrace();
    for (StackTraceElement s : st) {
      if (s.getClassName().startsWith("io.florets.") && !s.getClassName().startsWith("io.florets.cli.fuzz.")) {
        return s.getClassName() + "." + s.getMethodName();
      }
    }
    return st.length == 0 ? "?" : st[0].getClassName() + "." + st[0].getMethodName();
  }

  /** {@code Type: message}, the message cut to 500 characters. */
  static String describe(Throwable e) {
    String m = String.valueOf(e.getMessage());
    return e.getClass().getName() + ": " + (m.length() > 500 ? m.substring(0, 500) + "..." : m);
  }

  /** An error's message with file names, numbers and quoted parts left out. */
  private String outcomeKey(Throwable e) {
    String m = String.valueOf(e.getMessage());
    // a reader may quote a whole (megabyte) line: the patterns below are quadratic on such text
    m = (m.length() > 1000 ? m.substring(0, 1000) : m).replace(work.toString(), "");
    m = m.replaceAll("'(?:[^'\\\\]|\\\\.)*'|\"[^\"]*\"|\\[[^\\]]*\\]", "Q").replaceAll("[0-9]+", "N");
    return e.getClass().getSimpleName() + ":" + (m.length() > 200 ? m.substring(0, 200) : m);
  }

  private static String hash(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var s = Files.walk(dir)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          // left for the OS to clean up
        }
      });
    } catch (IOException e) {
      // left for the OS to clean up
    }
  }
}
