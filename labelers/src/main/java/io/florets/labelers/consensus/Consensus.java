package io.florets.labelers.consensus;

import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.Event;
import io.florets.datasets.target.EventType;
import io.florets.datasets.target.NumericProperty;
import io.florets.datasets.target.Property;
import io.florets.datasets.target.ShapeFacet;
import io.florets.datasets.target.ShapeTag;
import io.florets.datasets.target.Target;
import io.florets.labelers.Labeler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Merges the annotations of a labeler suite into one trusted set per window.
 *
 * <ul>
 *   <li>shape tags: a Dawid–Skene {@link LabelModel} per facet, fitted over a dataset's votes
 *       starting from each labeler's confusions measured on synthetic truth
 *       ({@link ConsensusConfig#reliabilityWindows()}), weights each labeler by its estimated
 *       accuracy; a tag is kept when its posterior reaches {@code minTagPosterior};</li>
 *   <li>numeric properties: the median of the values (of the labelers chosen for the property on
 *       the reliability windows, {@link NumericReliability}, when any of them answered); when they
 *       spread by more than
 *       {@code maxRelativeSpread} of the median, kept with a reduced confidence if three or more
 *       labelers voted (the median outvotes one outlier) and dropped otherwise;</li>
 *   <li>events: reports of one type and channel are clustered within the tolerance; a cluster is
 *       kept with enough support ({@link ConsensusConfig#minSupport()}) or one confident report,
 *       placed at the median start and end; with reliability windows, a report no other labeler
 *       confirms is kept when such reports of its labeler, type and confidence were right at least
 *       half the time there ({@link SoloReliability}); overlapping kept events of different types are
 *       resolved by type family (data-quality events, then spikes, then shifts) and support;</li>
 *   <li>segments and other targets pass through.</li>
 * </ul>
 * Immutable and thread-safe once built.
 */
public final class Consensus {
  /** Source name of kept annotations. */
  public static final String SOURCE = "consensus";
  /** Version of the consensus rules. */
  public static final String VERSION = "2";

  private final List<Labeler> labelers;
  private final ConsensusConfig config;
  private final Map<ShapeFacet, LabelModel> models;
  private final Map<ShapeFacet, List<String>> facetSources;
  private final Map<EventType, Integer> capable;
  private final SoloReliability solo;
  private final NumericReliability numeric;

  private Consensus(List<Labeler> labelers, ConsensusConfig config, Map<ShapeFacet, LabelModel> models) {
    this.labelers = List.copyOf(labelers);
    this.config = config;
    this.models = models;
    ReliabilityPrior.Measured measured = config.reliabilityWindows() > 0 ? ReliabilityPrior.of(labelers,
        config.reliabilityWindows(), config.tolerance(ReliabilityPrior.LENGTH), config.maxRelativeSpread()) : null;
    this.solo = measured == null ? null : measured.solo();
    this.numeric = measured == null ? null : measured.numeric();
    this.facetSources = facetSources(labelers);
    this.capable = new EnumMap<>(EventType.class);
    for (Labeler l : labelers) {
      for (EventType t : l.eventTypes()) {
        capable.merge(t, 1, Integer::sum);
      }
    }
  }

  /** Per facet, the names of the labelers that tag it, in suite order. */
  static Map<ShapeFacet, List<String>> facetSources(List<Labeler> labelers) {
    Map<ShapeFacet, List<String>> out = new EnumMap<>(ShapeFacet.class);
    for (ShapeFacet f : ShapeFacet.values()) {
      List<String> names = new ArrayList<>();
      for (Labeler l : labelers) {
        if (l.facets().contains(f)) {
          names.add(l.name());
        }
      }
      out.put(f, List.copyOf(names));
    }
    return out;
  }

  /**
   * Fits the label models on the raw annotations of many windows.
   *
   * @param labelers the suite that produced the annotations (defines who could have voted)
   * @param raw per window, the suite's annotations
   */
  public static Consensus fit(List<Labeler> labelers, List<List<Annotation>> raw, ConsensusConfig config) {
    Objects.requireNonNull(config, "config");
    Map<ShapeFacet, List<String>> sources = facetSources(labelers);
    Map<ShapeFacet, LabelModel> models = new EnumMap<>(ShapeFacet.class);
    Map<ShapeFacet, ReliabilityPrior.Counts> prior = config.reliabilityWindows() > 0
        ? ReliabilityPrior.of(labelers, config.reliabilityWindows(), config.tolerance(ReliabilityPrior.LENGTH),
            config.maxRelativeSpread()).facets()
        : Map.of();
    for (ShapeFacet f : ShapeFacet.values()) {
      List<String> names = sources.get(f);
      if (names.isEmpty()) {
        continue;
      }
      ReliabilityPrior.Counts c = prior.get(f);
      boolean[] ignored = c == null ? new boolean[names.size()] : c.ignored();
      List<int[]> votes = new ArrayList<>();
      for (List<Annotation> w : raw) {
        for (int[] v : facetVotes(w, f, names).values()) {
          for (int j = 0; j < v.length; j++) {
            if (ignored[j]) {
              v[j] = LabelModel.ABSTAIN;
            }
          }
          votes.add(v);
        }
      }
      models.put(f, LabelModel.fit(votes, f.allowed().size(), names.size(), config.emIterations(),
          config.smoothing(), c == null ? null : c.confusion(), c == null ? null : c.truth())
          .ignoring(ignored));
    }
    return new Consensus(labelers, config, models);
  }

  /**
   * A consensus from label models fitted elsewhere (by {@link #fit} in another JVM, then shipped
   * with {@link #models()}): {@code of(labelers, config, c.models())} merges every window exactly
   * as {@code c} does (the event and numeric reliabilities, {@link SoloReliability} and
   * {@link NumericReliability}, are measured again in this JVM on the same synthetic windows, once
   * per suite, and come out the same).
   *
   * @param labelers the suite that produced the annotations, in the order used for fitting
   * @param config consensus settings
   * @param models per facet, the fitted label model; its columns are the labelers of the suite
   *     that tag that facet, in suite order
   * @throws IllegalArgumentException if a model's source count differs from the labelers that tag
   *     its facet
   */
  public static Consensus of(List<Labeler> labelers, ConsensusConfig config, Map<ShapeFacet, LabelModel> models) {
    Objects.requireNonNull(config, "config");
    Map<ShapeFacet, List<String>> sources = facetSources(labelers);
    Map<ShapeFacet, LabelModel> copy = new EnumMap<>(ShapeFacet.class);
    for (Map.Entry<ShapeFacet, LabelModel> e : models.entrySet()) {
      int expected = sources.get(e.getKey()).size();
      if (e.getValue().sources() != expected) {
        throw new IllegalArgumentException("label model of facet " + e.getKey().token() + " has "
            + e.getValue().sources() + " sources; the labelers " + sources.get(e.getKey())
            + " tag that facet");
      }
      copy.put(e.getKey(), e.getValue());
    }
    return new Consensus(labelers, config, copy);
  }

  /** Votes per channel for one facet: column j is labeler {@code names[j]}'s tag index. */
  static Map<Integer, int[]> facetVotes(List<Annotation> anns, ShapeFacet f, List<String> names) {
    Map<Integer, int[]> out = new HashMap<>();
    for (Annotation a : anns) {
      if (a.target() instanceof ShapeTag t && t.facet() == f) {
        int j = names.indexOf(a.source());
        if (j < 0) {
          continue;
        }
        int[] v = out.computeIfAbsent(t.channel(), c -> {
          int[] r = new int[names.size()];
          Arrays.fill(r, LabelModel.ABSTAIN);
          return r;
        });
        v[j] = f.allowed().indexOf(t.value());
      }
    }
    return out;
  }

  /** The fitted label model of each facet that some labeler tags. */
  public Map<ShapeFacet, LabelModel> models() {
    return models;
  }

  /** The labeler names whose votes form the columns of {@code models().get(facet)}. */
  public List<String> facetSources(ShapeFacet facet) {
    return facetSources.get(facet);
  }

  public ConsensusConfig config() {
    return config;
  }

  /**
   * Merges one window's raw annotations.
   *
   * @param length the window length (for the matching tolerance)
   * @param raw the suite's annotations of the window
   */
  public ConsensusResult apply(int length, List<Annotation> raw) {
    List<Annotation> kept = new ArrayList<>();
    List<DroppedTarget> dropped = new ArrayList<>();
    tags(raw, kept, dropped);
    numerics(raw, kept, dropped);
    EventConsensus.apply(raw, config.tolerance(length), config, capable, solo, kept, dropped);
    for (Annotation a : raw) {
      Target t = a.target();
      if (!(t instanceof ShapeTag) && !(t instanceof NumericProperty) && !(t instanceof Event)) {
        kept.add(new Annotation(t, SOURCE, VERSION, a.confidence()));
      }
    }
    return new ConsensusResult(kept, dropped);
  }

  private void tags(List<Annotation> raw, List<Annotation> kept, List<DroppedTarget> dropped) {
    for (Map.Entry<ShapeFacet, LabelModel> e : models.entrySet()) {
      ShapeFacet f = e.getKey();
      List<String> names = facetSources.get(f);
      for (Map.Entry<Integer, int[]> v : facetVotes(raw, f, names).entrySet()) {
        double[] post = e.getValue().posterior(v.getValue());
        int best = 0;
        for (int k = 1; k < post.length; k++) {
          if (post[k] > post[best]) {
            best = k;
          }
        }
        ShapeTag tag = new ShapeTag(f, f.allowed().get(best), v.getKey());
        List<String> voters = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
          if (v.getValue()[j] != LabelModel.ABSTAIN) {
            voters.add(names.get(j));
          }
        }
        if (post[best] >= config.minTagPosterior()) {
          kept.add(new Annotation(tag, SOURCE, VERSION, post[best]));
        } else {
          dropped.add(new DroppedTarget(tag, String.format(java.util.Locale.ROOT,
              "label-model posterior %.3f < %.3f", post[best], config.minTagPosterior()), voters));
        }
      }
    }
  }

  private void numerics(List<Annotation> raw, List<Annotation> kept, List<DroppedTarget> dropped) {
    Map<String, List<Annotation>> groups = new LinkedHashMap<>();
    for (Annotation a : raw) {
      if (a.target() instanceof NumericProperty p) {
        groups.computeIfAbsent(p.property().token() + "@" + p.channel(), k -> new ArrayList<>()).add(a);
      }
    }
    for (List<Annotation> all : groups.values()) {
      Set<String> chosen = numeric == null ? null
          : numeric.sources(((NumericProperty) all.get(0).target()).property());
      List<Annotation> g = all;
      if (chosen != null) {
        List<Annotation> mine = new ArrayList<>();
        for (Annotation a : all) {
          if (chosen.contains(a.source())) {
            mine.add(a);
          }
        }
        // none of the chosen labelers answered: the others' values are better than none
        g = mine.isEmpty() ? all : mine;
      }
      NumericProperty first = (NumericProperty) g.get(0).target();
      Property prop = first.property();
      double[] v = new double[g.size()];
      double conf = 0;
      List<String> sources = new ArrayList<>();
      for (int i = 0; i < v.length; i++) {
        v[i] = ((NumericProperty) g.get(i).target()).value();
        conf += g.get(i).confidence();
        sources.add(g.get(i).source());
      }
      conf /= v.length;
      double[] mr = medianAndSpread(v);
      double median = mr[0];
      double rel = mr[1];
      NumericProperty merged = new NumericProperty(prop, median, first.channel());
      if (rel > config.maxRelativeSpread() && v.length >= 3) {
        // three or more estimators that disagree: their median still outvotes a single outlier;
        // keep it, with a confidence that falls as the spread grows (always below half the mean)
        double shrink = 0.5 * config.maxRelativeSpread() / rel;
        kept.add(new Annotation(merged, SOURCE, VERSION, Math.max(0, Math.min(1, conf * shrink))));
      } else if (rel > config.maxRelativeSpread()) {
        dropped.add(new DroppedTarget(merged, String.format(java.util.Locale.ROOT,
            "values spread %.3f of the median > %.3f", rel, config.maxRelativeSpread()), sources));
      } else {
        double agreement = config.maxRelativeSpread() > 0 ? 1 - 0.5 * rel / config.maxRelativeSpread() : 1;
        kept.add(new Annotation(merged, SOURCE, VERSION, Math.max(0, Math.min(1, conf * agreement))));
      }
    }
  }

  /**
   * The median of {@code v} (not empty) and the spread of its values (max - min) as a share of the
   * median's magnitude (0 when they are all equal).
   */
  static double[] medianAndSpread(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int h = s.length / 2;
    double median = s.length % 2 == 1 ? s[h] : 0.5 * (s[h - 1] + s[h]);
    double spread = s[s.length - 1] - s[0];
    return new double[] {median, spread == 0 ? 0 : spread / Math.max(Math.abs(median), 1e-12)};
  }
}
