package io.florets.labelers.nab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The online context memory of the {@link ContextualDetector}. A fact is an int; a context is a pair
 * (left fact set, right fact set) read as "after the left facts, the right facts follow". Each step the
 * memory is given the current facts; the contexts whose left set was wholly present in the previous
 * step's facts are the predicting ones, and those whose right set is wholly present now are confirmed.
 * It learns two ways: the whole (previous facts, current facts) pair is stored as a "zero-level" context,
 * and when that pair is new, the partial overlaps of the current facts with stored zero-level contexts
 * become further, more general contexts (left sides capped in length).
 *
 * <p>Left and right sets are stored once each as semi-contexts (many contexts share them) and indexed by
 * fact, so a step touches only the semi-contexts that share a fact with the input. Not thread-safe.
 */
final class ContextMemory {
  private static final int LEFT = 0;
  private static final int RIGHT = 1;

  /** A stored fact set with the part of it matched by the latest crossing. */
  private static final class Semi {
    final int[] facts;
    final int[] matched;
    int matchedCount;
    /** Left semi-contexts only: right semi-context id to context id. */
    final Map<Integer, Integer> contexts = new HashMap<>();
    /** Left semi-contexts only: the same pairs in creation order, for fast iteration. */
    int[] rights = new int[2];
    int[] ids = new int[2];
    int count;

    void link(int right, int id) {
      contexts.put(right, id);
      if (count == rights.length) {
        rights = Arrays.copyOf(rights, 2 * count);
        ids = Arrays.copyOf(ids, 2 * count);
      }
      rights[count] = right;
      ids[count] = id;
      count++;
    }

    Semi(int[] facts) {
      this.facts = facts;
      this.matched = new int[facts.length];
    }

    boolean whole() {
      return matchedCount == facts.length;
    }

    int[] matchedFacts() {
      return Arrays.copyOf(matched, matchedCount);
    }
  }

  /** A fact set as a map key. */
  private record Key(int[] facts) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Arrays.equals(facts, k.facts);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(facts);
    }

    @Override
    public String toString() {
      return Arrays.toString(facts);
    }
  }

  /** A candidate context (sorted left facts, sorted right facts). */
  private record Pair(Key left, Key right) {}

  /** The outcome of one step: the share of predictions confirmed, and the share of new contexts stored. */
  record Step(double confirmed, double novel) {}

  private final int maxLeftFacts;
  private final int maxActive;
  private final int neuronBase;
  private final List<Map<Key, Integer>> ids = List.of(new HashMap<>(), new HashMap<>());
  private final List<List<Semi>> semis = List.of(new ArrayList<>(), new ArrayList<>());
  private final List<Map<Integer, List<Semi>>> byFact = List.of(new HashMap<>(), new HashMap<>());
  private final List<List<Semi>> crossed = new ArrayList<>(List.of(new ArrayList<>(), new ArrayList<>()));
  /** Left semi-contexts by their largest fact: a set lies within the facts only if its largest fact does. */
  private final Map<Integer, List<Semi>> byLast = new HashMap<>();
  private final List<int[]> contexts = new ArrayList<>();
  private int[] leftFacts = new int[0];

  /**
   * @param maxLeftFacts the longest left side of a generalised context
   * @param maxActive how many confirmed contexts (the most often confirmed) join the next step's left facts
   * @param neuronBase the fact number of context 0 when a confirmed context becomes a fact; above every
   *     input fact
   */
  ContextMemory(int maxLeftFacts, int maxActive, int neuronBase) {
    this.maxLeftFacts = maxLeftFacts;
    this.maxActive = maxActive;
    this.neuronBase = neuronBase;
  }

  /** Number of stored contexts. */
  int size() {
    return contexts.size();
  }

  /**
   * Consumes the current input facts (distinct, each below {@code neuronBase}).
   *
   * @return the share of predicting contexts that were confirmed (0 when none predicted) and the share
   *     of candidate contexts that were new (0 unless the whole transition was new)
   */
  Step step(int[] input) {
    int[] current = input.clone();
    Arrays.sort(current);
    int created = -1;
    Pair whole = null;
    if (leftFacts.length > 0 && current.length > 0) {
      whole = new Pair(new Key(leftFacts), new Key(current));
      created = store(whole, true);
    }
    boolean newTransition = created >= 0;
    cross(RIGHT, current);
    List<Semi> lefts = newTransition ? crossAll(leftFacts) : wholeLefts(leftFacts);
    List<int[]> confirmed = new ArrayList<>();
    Set<Pair> general = new LinkedHashSet<>();
    int predicting = 0;
    for (Semi left : lefts) {
      for (int k = 0; k < left.count; k++) {
        int id = left.ids[k];
        if (id == created) {
          continue;
        }
        int[] ctx = contexts.get(id);
        Semi right = semis.get(RIGHT).get(left.rights[k]);
        if (left.whole()) {
          predicting++;
          if (right.whole()) {
            ctx[0]++;
            confirmed.add(new int[] {id, ctx[0]});
            continue;
          }
        }
        if (ctx[1] == 1 && newTransition && right.matchedCount > 0 && left.matchedCount <= maxLeftFacts) {
          general.add(new Pair(new Key(left.matchedFacts()), new Key(right.matchedFacts())));
        }
      }
    }
    double share = predicting > 0 ? confirmed.size() / (double) predicting : 0.0;
    int added = newTransition ? 1 : 0;
    for (Pair p : general) {
      if (store(p, false) >= 0) {
        added++;
      }
    }
    if (whole != null) {
      general.add(whole);
    }
    leftFacts = nextLeft(current, confirmed);
    double novel = newTransition ? added / (double) general.size() : 0.0;
    return new Step(share, novel);
  }

  /** The current facts plus the most often confirmed contexts as facts, sorted. */
  private int[] nextLeft(int[] current, List<int[]> confirmed) {
    confirmed.sort((a, b) -> a[1] != b[1] ? Integer.compare(b[1], a[1]) : Integer.compare(a[0], b[0]));
    int k = Math.min(maxActive, confirmed.size());
    int[] out = Arrays.copyOf(current, current.length + k);
    for (int i = 0; i < k; i++) {
      out[current.length + i] = neuronBase + confirmed.get(i)[0];
    }
    Arrays.sort(out);
    return out;
  }

  /**
   * Stores a context unless present; a zero-level store marks an existing context as zero-level.
   *
   * @return the new context's id, or -1 when it existed
   */
  private int store(Pair p, boolean zeroLevel) {
    int l = semi(LEFT, p.left());
    int r = semi(RIGHT, p.right());
    Semi left = semis.get(LEFT).get(l);
    Integer existing = left.contexts.get(r);
    if (existing != null) {
      if (zeroLevel) {
        contexts.get(existing)[1] = 1;
      }
      return -1;
    }
    int id = contexts.size();
    left.link(r, id);
    contexts.add(new int[] {0, zeroLevel ? 1 : 0});
    return id;
  }

  private int semi(int side, Key key) {
    Integer id = ids.get(side).get(key);
    if (id != null) {
      return id;
    }
    int fresh = semis.get(side).size();
    Semi s = new Semi(key.facts());
    semis.get(side).add(s);
    ids.get(side).put(key, fresh);
    for (int f : key.facts()) {
      byFact.get(side).computeIfAbsent(f, k -> new ArrayList<>()).add(s);
    }
    if (side == LEFT && key.facts().length > 0) {
      byLast.computeIfAbsent(key.facts()[key.facts().length - 1], k -> new ArrayList<>()).add(s);
    }
    return fresh;
  }

  /** The left semi-contexts sharing any fact with {@code facts}, each with its matched part. */
  private List<Semi> crossAll(int[] facts) {
    cross(LEFT, facts);
    return crossed.get(LEFT);
  }

  /**
   * The left semi-contexts lying wholly within {@code facts} (sorted), each marked wholly matched. The
   * partial matches are not needed on steps that store no new context, and finding only the whole ones
   * through their largest fact is much cheaper than crossing every semi-context.
   */
  private List<Semi> wholeLefts(int[] facts) {
    for (Semi s : crossed.get(LEFT)) {
      s.matchedCount = 0;
    }
    List<Semi> out = new ArrayList<>();
    for (int f : facts) {
      for (Semi s : byLast.getOrDefault(f, List.of())) {
        if (within(s.facts, facts)) {
          System.arraycopy(s.facts, 0, s.matched, 0, s.facts.length);
          s.matchedCount = s.facts.length;
          out.add(s);
        }
      }
    }
    crossed.set(LEFT, out);
    return out;
  }

  /** Whether every element of sorted {@code small} occurs in sorted {@code big}. */
  private static boolean within(int[] small, int[] big) {
    int j = 0;
    for (int v : small) {
      while (j < big.length && big[j] < v) {
        j++;
      }
      if (j == big.length || big[j] != v) {
        return false;
      }
      j++;
    }
    return true;
  }

  /** Matches the facts (sorted) against every semi-context of one side; keeps those sharing any. */
  private void cross(int side, int[] facts) {
    for (Semi s : crossed.get(side)) {
      s.matchedCount = 0;
    }
    List<Semi> touched = new ArrayList<>();
    for (int f : facts) {
      for (Semi s : byFact.get(side).getOrDefault(f, List.of())) {
        if (s.matchedCount == 0) {
          touched.add(s);
        }
        s.matched[s.matchedCount++] = f;
      }
    }
    crossed.set(side, touched);
  }
}
