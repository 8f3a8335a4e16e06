package io.florets.labelers.consensus;

import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.Event;
import io.florets.datasets.target.EventType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The event part of {@link Consensus}: clustering, support, and overlap resolution. */
final class EventConsensus {
  private EventConsensus() {
  }

  private static final class Cluster {
    final List<Annotation> members = new ArrayList<>();
    final Set<String> sources = new LinkedHashSet<>();
    Event merged;
    double confidence;
  }

  static void apply(List<Annotation> raw, int tol, ConsensusConfig config,
      Map<EventType, Integer> capable, SoloReliability solo, List<Annotation> kept,
      List<DroppedTarget> dropped) {
    Map<String, List<Cluster>> byKey = new LinkedHashMap<>();
    for (Annotation a : raw) {
      if (!(a.target() instanceof Event e)) {
        continue;
      }
      List<Cluster> cs = byKey.computeIfAbsent(e.type() + "@" + e.channel(), k -> new ArrayList<>());
      Cluster home = null;
      for (Cluster c : cs) {
        Event seed = (Event) c.members.get(0).target();
        if (EventMatching.matches(seed, e, tol) && !c.sources.contains(a.source())) {
          home = c;
          break;
        }
      }
      if (home == null) {
        home = new Cluster();
        cs.add(home);
      }
      home.members.add(a);
      home.sources.add(a.source());
    }
    List<Cluster> keep = new ArrayList<>();
    for (List<Cluster> cs : byKey.values()) {
      for (Cluster c : cs) {
        merge(c);
        Event e = c.merged;
        int cap = Math.max(1, capable.getOrDefault(e.type(), 1));
        int need = Math.min(config.minSupport(), cap);
        double best = 0;
        for (Annotation a : c.members) {
          best = Math.max(best, a.confidence());
        }
        Boolean measured = solo == null || c.sources.size() > 1 ? null
            : solo.keep(c.members.get(0).source(), e.type(), best);
        if (measured != null ? measured : c.sources.size() >= need || best >= config.soloConfidence()) {
          keep.add(c);
        } else if (measured != null) {
          dropped.add(new DroppedTarget(e, String.format(Locale.ROOT,
              "unconfirmed, and such reports of %s at confidence %.3f were right %.2f of the time on the reliability windows",
              c.members.get(0).source(), best, solo.precision(c.members.get(0).source(), e.type(), best)),
              List.copyOf(c.sources)));
        } else {
          dropped.add(new DroppedTarget(e, String.format(Locale.ROOT,
              "support %d of %d capable labelers (need %d), best confidence %.3f < %.3f",
              c.sources.size(), cap, need, best, config.soloConfidence()), List.copyOf(c.sources)));
        }
      }
    }
    boolean[] out = new boolean[keep.size()];
    for (int i = 0; i < keep.size(); i++) {
      for (int j = 0; j < keep.size(); j++) {
        if (i == j || out[i] || out[j]) {
          continue;
        }
        Event a = keep.get(i).merged;
        Event b = keep.get(j).merged;
        if (a.type() != b.type() && a.channel() == b.channel()
            && a.start() - tol <= b.end() && b.start() - tol <= a.end() && beats(keep.get(j), keep.get(i))) {
          out[i] = true;
          dropped.add(new DroppedTarget(a, "overlaps " + b.type().token() + " [" + b.start() + ", "
              + b.end() + "], which wins", List.copyOf(keep.get(i).sources)));
        }
      }
    }
    for (int i = 0; i < keep.size(); i++) {
      if (!out[i]) {
        kept.add(new Annotation(keep.get(i).merged, Consensus.SOURCE, Consensus.VERSION, keep.get(i).confidence));
      }
    }
  }

  private static void merge(Cluster c) {
    int k = c.members.size();
    int[] s = new int[k];
    int[] e = new int[k];
    double miss = 1;
    for (int i = 0; i < k; i++) {
      Event ev = (Event) c.members.get(i).target();
      s[i] = ev.start();
      e[i] = ev.end();
      miss *= 1 - c.members.get(i).confidence();
    }
    Arrays.sort(s);
    Arrays.sort(e);
    int start = s[(k - 1) / 2];
    int end = Math.max(start, e[k / 2]);
    Event first = (Event) c.members.get(0).target();
    c.merged = new Event(first.type(), start, end, first.channel());
    c.confidence = 1 - miss;
  }

  /** Rank of a type family: data-quality events are exact, then spikes, then shifts. */
  private static int family(EventType t) {
    switch (t) {
      case MISSING_RUN:
      case DROPOUT:
      case FLATLINE:
      case CLIPPING:
        return 3;
      case SPIKE_RUN:
      case WIDE_SPIKE:
      case SPIKE_UP:
      case SPIKE_DOWN:
      case ANOMALY:
        return 2;
      default:
        return 1;
    }
  }

  private static boolean beats(Cluster a, Cluster b) {
    int fa = family(a.merged.type());
    int fb = family(b.merged.type());
    if (fa != fb) {
      return fa > fb;
    }
    if (a.sources.size() != b.sources.size()) {
      return a.sources.size() > b.sources.size();
    }
    if (a.confidence != b.confidence) {
      return a.confidence > b.confidence;
    }
    return a.merged.type().ordinal() < b.merged.type().ordinal();
  }
}
