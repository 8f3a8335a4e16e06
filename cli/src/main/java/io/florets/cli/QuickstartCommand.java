package io.florets.cli;

import java.io.IOException;
import io.florets.datasets.Series;
import io.florets.datasets.Window;
import io.florets.datasets.Windowing;
import io.florets.datasets.io.Samples;
import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.Event;
import io.florets.datasets.target.EventType;
import io.florets.datasets.target.Property;
import io.florets.datasets.target.ShapeFacet;
import io.florets.labelers.LabelerSuite;
import io.florets.labelers.analysis.LabelerAnalysis;
import io.florets.labelers.batch.ParallelLabeling;
import io.florets.labelers.consensus.Consensus;
import io.florets.labelers.consensus.ConsensusConfig;
import io.florets.labelers.eval.Scorecard;
import io.florets.prompt.facade.Florets;
import io.florets.prompt.serial.ReadoutTargets;
import io.florets.prompt.facade.ReadoutText;
import io.florets.prompt.readout.Readout;
import io.florets.prompt.task.Prompt;
import io.florets.prompt.task.Task;
import io.florets.prompt.task.Tasks;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code florets quickstart}: labels the bundled NAB ambient-temperature series, asks the default
 * model every time-series task on a few windows, runs one data-engine round with the model as one
 * more labeler, and writes {@code florets-out/report.html}.
 */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
    description = "Label a bundled real sensor series, ask the default model, write florets-out/report.html.")
public final class QuickstartCommand implements Callable<Integer> {
  static final int WINDOW = 256;
  /** The region asked about with {@code <REGION_TO_DESCRIPTION>}: the middle half of a window. */
  static final int REGION_FROM = 64;
  static final int REGION_TO = 191;
  /** Seed of the labelers' caption phrasing (as in {@code florets label}). */
  private static final long CAPTION_SEED = 0L;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--out", defaultValue = "florets-out", description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path outDir;

  @Option(names = "--model", defaultValue = "default", description = "Model: default or a folder.")
  String model;

  @Option(names = "--threads", defaultValue = "2", description = "Labelling threads (default: ${DEFAULT-VALUE}).")
  int threads;

  private long t0;
  private PrintWriter out;

  private void progress(int step, String what) {
    out.printf(Locale.ROOT, "[%d/5 %5.1f s] %s%n", step, (System.nanoTime() - t0) / 1e9, what);
    out.flush();
  }

  @Override
  public Integer call() throws IOException, io.florets.prompt.facade.bundle.BundleException {
    out = spec.commandLine().getOut();
    t0 = System.nanoTime();
    progress(1, "loading the bundled NAB series and the default model");
    Samples.Labelled nab = Samples.nabAmbientTemperature();
    Series s = nab.series();
    List<Window> ws = Windowing.fixed(WINDOW, WINDOW, Windowing.Tail.DROP).apply(s);
    try (Florets f = ModelOption.open(model)) {
      progress(2, "labelling " + ws.size() + " windows of " + WINDOW + " samples ("
          + s.id() + ", " + s.length() + " samples) with the labeler suite + consensus");
      LabelerSuite suite = LabelerSuite.defaults();
      List<List<Annotation>> raw = ParallelLabeling.label(ws, suite, threads, null);
      Consensus consensus = Consensus.fit(suite.labelers(), raw, ConsensusConfig.DEFAULTS);
      List<List<Annotation>> kept = new ArrayList<>();
      for (int i = 0; i < ws.size(); i++) {
        kept.add(consensus.apply(WINDOW, raw.get(i)).kept());
      }
      Map<String, Long> perLabeler = new TreeMap<>();
      raw.forEach(l -> l.forEach(a -> perLabeler.merge(a.source(), 1L, Long::sum)));
      out.printf("labeler annotations: %s%n", perLabeler);

      List<PanelChoice.Choice> chosen = PanelChoice.choose(nab.anomalies(), ws, kept);
      progress(3, "asking the model every time-series task on " + chosen.size() + " windows");
      LabelerAnswers labelerAnswers = new LabelerAnswers(f.bundle().head(), CAPTION_SEED);
      List<QuickstartPage.Panel> panels = new ArrayList<>();
      for (PanelChoice.Choice c : chosen) {
        Window w = ws.get(c.index());
        out.printf(Locale.ROOT, "window %d (samples %d..%d)%n", c.index(), w.start(),
            w.start() + w.length() - 1);
        List<QuickstartPage.Asked> asked = new ArrayList<>();
        for (Prompt<?> p : prompts()) {
          Readout r = f.ask(w, p);
          Optional<String> caveat = f.card().flatMap(card -> card.caveat(p));
          out.printf(Locale.ROOT, "  %-28s %s%n", p.text(), ReadoutText.describe(r));
          if (p.task() == Tasks.REGION_TO_DESCRIPTION) {
            // the prompt names its region by location tokens (thousandths of the window): say it in samples
            out.printf(Locale.ROOT, "  %-28s the region asked about: samples %d..%d of the window "
                + "(%d..%d of the series)%n", "", REGION_FROM, REGION_TO, w.start() + REGION_FROM,
                w.start() + REGION_TO);
          }
          caveat.ifPresent(cv -> out.printf(Locale.ROOT, "  %-28s caveat: %s%n", "", cv));
          asked.add(new QuickstartPage.Asked(p, r, labelerAnswers.answer(p, kept.get(c.index()), WINDOW,
              c.index()), caveat));
        }
        panels.add(new QuickstartPage.Panel(String.valueOf((char) ('A' + panels.size())), c.index(),
            c.why(), asked));
      }

      progress(4, "data-engine round: the model labels every window as one more labeler");
      List<List<Annotation>> byModel = new ArrayList<>();
      for (int i = 0; i < ws.size(); i++) {
        byModel.add(new ArrayList<>());
      }
      for (Task<?> t : List.of(Tasks.SHAPE, Tasks.EVENTS, Tasks.PROPERTIES)) {
        List<? extends Readout> rs = f.askAll(ws, t);
        for (int i = 0; i < ws.size(); i++) {
          byModel.get(i).addAll(ReadoutTargets.annotations(t.prompt(), rs.get(i), WINDOW, "model", "1"));
        }
      }
      Scorecard agreement = new Scorecard(EnumSet.allOf(EventType.class),
          EnumSet.allOf(ShapeFacet.class), EnumSet.allOf(Property.class));
      for (int i = 0; i < ws.size(); i++) {
        agreement.add(byModel.get(i), kept.get(i), ConsensusConfig.DEFAULTS.tolerance(WINDOW));
      }
      double covCons = coverage(nab.anomalies(), ws, kept);
      double covModel = coverage(nab.anomalies(), ws, byModel);
      out.println(String.format(Locale.ROOT, "model vs consensus: shape-tag agreement %.3f, "
          + "event F1 %.3f, numeric score %.3f; NAB anomaly windows touched by an abnormal event: "
          + "consensus %.2f, model %.2f", agreement.shapeTagAccuracy(), agreement.eventF1(),
          agreement.numericScore(), covCons, covModel));

      progress(5, "writing " + outDir.resolve("report.html"));
      ReportPage page = new ReportPage();
      QuickstartText.intro(page, s, nab, ws.size(), WINDOW, model, f);
      page.heading("The series");
      QuickstartPage.overview(page, s, nab.anomalies(), ws, kept, byModel, panels);
      page.heading("How to read the answers");
      QuickstartText.confidences(page, f);
      page.heading("Windows in detail");
      page.paragraph("Each window below was asked every time-series task. The model's answer "
          + "stands beside the labelers' answer to the same question: their consensus targets, "
          + "which are what the model was trained to say.");
      long[] ts = s.timestamps().orElse(null);
      for (QuickstartPage.Panel p : panels) {
        Window w = ws.get(p.index());
        QuickstartPage.panel(page, p, w, TimeAxis.of(ts, w.start(), w.length()), kept.get(p.index()),
            REGION_FROM, REGION_TO);
      }
      page.heading("The labelers");
      LabelerAnalysis analysis = LabelerAnalysis.of(suite.labelers(), raw, null,
          ConsensusConfig.DEFAULTS.tolerance(WINDOW), ConsensusConfig.DEFAULTS.maxRelativeSpread());
      QuickstartPage.labelers(page, suite.labelers(), analysis, perLabeler);
      page.heading("Data-engine round: the model as one more labeler");
      QuickstartText.round(page, agreement, covCons, covModel, nab.anomalies().size(), ws.size());
      page.heading("What the model is good at: its card");
      page.paragraph(cardIntro(f));
      f.card().ifPresent(card -> CardSection.add(page, card));
      page.write(outDir.resolve("report.html"), "Florets quickstart: " + s.id());
    }
    out.printf(Locale.ROOT, "done in %.1f s; open %s%n", (System.nanoTime() - t0) / 1e9,
        outDir.resolve("report.html"));
    out.flush();
    return 0;
  }

  /** What the card section says before the card itself (or in its place when there is none). */
  static String cardIntro(Florets f) {
    if (f.card().isEmpty()) {
      return "This model folder has no card.json, so nothing here says how it compares with the "
          + "labelers (run florets card --model DIR --windows 1000).";
    }
    return "The card gives the model's figures beside the labelers' on fresh synthetic windows "
        + "whose exact truth is known. Where the model is below them, its answers carry a caveat "
        + "(as in the panels above) and the labelers are the better source for that readout.";
  }

  static List<Prompt<?>> prompts() {
    return List.of(Tasks.CLASSIFY.prompt(), Tasks.CAPTION.prompt(), Tasks.SHAPE.prompt(),
        Tasks.PROPERTIES.prompt(), Prompt.property(Property.MEAN), Tasks.EVENTS.prompt(),
        Prompt.eventsOf(EventType.SPIKE_UP), Tasks.SEGMENTS.prompt(),
        Prompt.regionOfSamples(REGION_FROM, REGION_TO, WINDOW), Tasks.ALERT.prompt(), Tasks.EMBED.prompt());
  }

  private static List<Event> located(List<Window> ws, List<List<Annotation>> as) {
    List<Event> out = new ArrayList<>();
    for (int i = 0; i < ws.size(); i++) {
      for (Annotation a : as.get(i)) {
        if (a.target() instanceof Event e && e.type() != EventType.TREND_CHANGE) {
          int st = ws.get(i).start();
          out.add(new Event(e.type(), st + e.start(), st + e.end(), e.channel()));
        }
      }
    }
    return out;
  }

  /** Fraction of labelled anomaly windows overlapped by at least one abnormal event. */
  private static double coverage(List<Event> anomalies, List<Window> ws,
      List<List<Annotation>> as) {
    if (anomalies.isEmpty()) {
      return Double.NaN;
    }
    List<Event> found = located(ws, as);
    int hit = 0;
    for (Event a : anomalies) {
      for (Event e : found) {
        if (e.start() <= a.end() && e.end() >= a.start()) {
          hit++;
          break;
        }
      }
    }
    return (double) hit / anomalies.size();
  }
}
