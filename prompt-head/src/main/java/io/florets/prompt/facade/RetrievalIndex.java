package io.florets.prompt.facade;

import io.florets.datasets.Window;
import io.florets.datasets.io.arrow.ArrowEmbeddings;
import io.florets.prompt.readout.Embedding;
import io.florets.prompt.task.EmbedFacet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * An exact nearest-neighbour index over {@code <EMBED>facet} vectors of one facet (cosine
 * similarity, which is the dot product of the unit vectors). Brute force: meant for thousands of
 * windows, not millions. Each entry keeps its id, window, vector and the facet's tags with the
 * model's confidences, and every neighbour answered carries them.
 *
 * <p>Thread-safe: any number of threads may query at once (they share a read lock); {@link #add}
 * and {@link #remove} take the write lock. Saved as an Arrow IPC file in a folder
 * ({@link #save}, {@link #load}). Queries by window embed through the facade the index was built
 * or loaded with; queries by vector need none.
 */
public final class RetrievalIndex {
  /** The file in an index folder. */
  public static final String FILE = "index.arrow";
  private static final String FACET = "facet";
  private static final String MODEL = "model";
  /** The series id of a window made from a bare buffer ({@code Window.of(float[])}). */
  private static final String BUFFER = Window.of(new float[] {0}).seriesId();

  /**
   * One neighbour.
   *
   * @param index its position in the index now (insertion order, after removals)
   * @param id its id
   * @param window its window
   * @param similarity cosine similarity to the query
   * @param tags the facet's tags of the neighbour with the model's confidences
   */
  public record Neighbour(int index, String id, Window window, double similarity, List<FacetTag> tags) {
    /** Copies. */
    public Neighbour {
      tags = List.copyOf(tags);
    }
  }

  private record Entry(String id, Window window, float[] vector, List<FacetTag> tags) {
  }

  private final Florets florets;
  private final EmbedFacet facet;
  private final String model;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final List<Entry> entries = new ArrayList<>();
  private final Map<String, Integer> positions = new HashMap<>();

  private RetrievalIndex(Florets florets, EmbedFacet facet, String model) {
    this.florets = florets;
    this.facet = facet;
    this.model = model;
  }

  /** An empty index of {@code facet} vectors answered by {@code florets}. */
  public static RetrievalIndex empty(Florets florets, EmbedFacet facet) {
    Objects.requireNonNull(florets, "florets");
    return new RetrievalIndex(florets, Objects.requireNonNull(facet, "facet"), modelId(florets));
  }

  static RetrievalIndex of(Florets florets, List<Window> windows, EmbedFacet facet) {
    RetrievalIndex idx = empty(florets, facet);
    idx.add(windows);
    return idx;
  }

  /** The id of an added window that has none: its series id and start, else its position. */
  private static String idOf(Window w, int position) {
    String sid = w.seriesId();
    return sid == null || sid.isEmpty() || sid.equals(BUFFER) ? "#" + position : sid + "@" + w.start();
  }

  private static String modelId(Florets f) {
    return f.bundle().head().vocabulary().hash();
  }

  /** The facet of the vectors. */
  public EmbedFacet facet() {
    return facet;
  }

  /** Number of indexed windows. */
  public int size() {
    lock.readLock().lock();
    try {
      return entries.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Embeds and adds windows; ids are {@code seriesId@start} (or {@code #n} for a window made from a
   * bare buffer, {@code n} its position when added).
   *
   * @return the ids given, in order
   * @throws IllegalArgumentException if an id is already in the index
   */
  public List<String> add(List<Window> windows) {
    List<String> ids = new ArrayList<>(windows.size());
    java.util.Set<String> taken = new java.util.HashSet<>(ids());
    int base = size();
    for (int i = 0; i < windows.size(); i++) {
      String id = idOf(windows.get(i), base + i);
      ids.add(taken.add(id) ? id : id + "#" + (base + i));
    }
    add(ids, windows);
    return ids;
  }

  /**
   * Embeds and adds windows under the given ids.
   *
   * @throws IllegalArgumentException if sizes differ or an id is repeated or already indexed
   * @throws IllegalStateException if the index has no facade to embed with
   */
  public void add(List<String> ids, List<Window> windows) {
    if (ids.size() != windows.size()) {
      throw new IllegalArgumentException(ids.size() + " ids but " + windows.size() + " windows");
    }
    if (windows.isEmpty()) {
      return;
    }
    List<FacetEmbedding> embs = facade().embedAll(windows, facet);
    List<Entry> add = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      add.add(new Entry(ids.get(i), windows.get(i), embs.get(i).embedding().vector(), embs.get(i).tags()));
    }
    insert(add);
  }

  private void insert(List<Entry> add) {
    lock.writeLock().lock();
    try {
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (Entry e : add) {
        if (positions.containsKey(e.id()) || !seen.add(e.id())) {
          throw new IllegalArgumentException("id '" + e.id() + "' is already in the index; ids must be unique");
        }
        if (!entries.isEmpty() && entries.get(0).vector().length != e.vector().length) {
          throw new IllegalArgumentException("vector of '" + e.id() + "' has dimension " + e.vector().length
              + ", the index holds dimension " + entries.get(0).vector().length);
        }
      }
      for (Entry e : add) {
        positions.put(e.id(), entries.size());
        entries.add(e);
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Removes the entry with {@code id}.
   *
   * @return true if it was there
   */
  public boolean remove(String id) {
    lock.writeLock().lock();
    try {
      Integer at = positions.remove(id);
      if (at == null) {
        return false;
      }
      entries.remove((int) at);
      for (int i = at; i < entries.size(); i++) {
        positions.put(entries.get(i).id(), i);
      }
      return true;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** The ids in index order. */
  public List<String> ids() {
    lock.readLock().lock();
    try {
      return entries.stream().map(Entry::id).toList();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The {@code k} indexed windows most similar to {@code query} (embedded with the index's facet), best first. */
  public List<Neighbour> nearest(Window query, int k) {
    return nearest(facade().embedAll(List.of(query), facet).get(0).embedding(), k);
  }

  /** The {@code k} indexed windows most similar to each query, embedded in batches. */
  public List<List<Neighbour>> nearestAll(List<Window> queries, int k) {
    List<List<Neighbour>> out = new ArrayList<>(queries.size());
    for (FacetEmbedding e : facade().embedAll(queries, facet)) {
      out.add(nearest(e.embedding(), k));
    }
    return out;
  }

  /**
   * The {@code k} indexed windows most similar to a vector of the index's facet, best first.
   *
   * @throws IllegalArgumentException if the dimension differs from the indexed vectors' or k < 1
   */
  public List<Neighbour> nearest(Embedding query, int k) {
    return search(query.vector(), k, null);
  }

  /**
   * The {@code k} nearest to the indexed entry at position {@code i}, itself excluded (for
   * leave-one-out evaluation such as precision@k).
   */
  public List<Neighbour> nearestTo(int i, int k) {
    lock.readLock().lock();
    try {
      Objects.checkIndex(i, entries.size());
      return search(entries.get(i).vector(), k, entries.get(i).id());
    } finally {
      lock.readLock().unlock();
    }
  }

  private List<Neighbour> search(float[] q, int k, String exclude) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    lock.readLock().lock();
    try {
      if (!entries.isEmpty() && entries.get(0).vector().length != q.length) {
        throw new IllegalArgumentException("query vector has dimension " + q.length + ", the index ("
            + facet.promptText() + ") holds dimension " + entries.get(0).vector().length);
      }
      PriorityQueue<double[]> heap = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
      for (int i = 0; i < entries.size(); i++) {
        Entry e = entries.get(i);
        if (e.id().equals(exclude)) {
          continue;
        }
        double s = 0;
        float[] v = e.vector();
        for (int j = 0; j < v.length; j++) {
          s += (double) v[j] * q[j];
        }
        heap.add(new double[] {s, i});
        if (heap.size() > k) {
          heap.poll();
        }
      }
      List<double[]> best = new ArrayList<>(heap);
      best.sort((a, b) -> a[0] != b[0] ? Double.compare(b[0], a[0]) : Double.compare(a[1], b[1]));
      List<Neighbour> out = new ArrayList<>(best.size());
      for (double[] b : best) {
        Entry e = entries.get((int) b[1]);
        out.add(new Neighbour((int) b[1], e.id(), e.window(), b[0], e.tags()));
      }
      return out;
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Writes the index to {@code dir}/{@value #FILE} (creating the folder): ids, windows, vectors,
   * tags, confidences, the facet and the model's vocabulary hash.
   */
  public void save(Path dir) throws IOException {
    Files.createDirectories(dir);
    List<ArrowEmbeddings.Row> rows = new ArrayList<>();
    lock.readLock().lock();
    try {
      for (Entry e : entries) {
        List<String> tags = e.tags().stream().map(FacetTag::value).toList();
        float[] conf = new float[tags.size()];
        for (int j = 0; j < conf.length; j++) {
          conf[j] = (float) e.tags().get(j).confidence();
        }
        rows.add(new ArrowEmbeddings.Row(e.id(), e.window().values(), e.vector(), tags, conf));
      }
    } finally {
      lock.readLock().unlock();
    }
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put(FACET, facet.word());
    meta.put(MODEL, model);
    ArrowEmbeddings.write(dir.resolve(FILE), meta, rows);
  }

  /**
   * Reads an index written by {@link #save}; queries by window embed with {@code florets}.
   *
   * @param florets the model that built it (checked by its vocabulary hash), or empty to query by
   *     vector only
   * @throws IllegalArgumentException if {@code florets} is not the model the index was built with
   * @throws IOException if the file is missing or damaged (the exception names it)
   */
  public static RetrievalIndex load(Path dir, Optional<Florets> florets) throws IOException {
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      throw new java.nio.file.NoSuchFileException(file.toString(), null,
          "no retrieval index here (expected " + FILE + " written by florets index)");
    }
    ArrowEmbeddings.Contents c = ArrowEmbeddings.read(file);
    EmbedFacet facet = EmbedFacet.fromWord(c.metadata().getOrDefault(FACET, ""))
        .orElseThrow(() -> new IllegalArgumentException(file + ": unknown facet '"
            + c.metadata().get(FACET) + "' in its metadata; expected one of " + EmbedFacet.validWords()));
    String model = c.metadata().getOrDefault(MODEL, "");
    if (florets.isPresent() && !modelId(florets.get()).equals(model)) {
      throw new IllegalArgumentException(file + " was built with a model of vocabulary hash " + model
          + ", not with the model given (" + modelId(florets.get()) + "); query it with that model");
    }
    RetrievalIndex idx = new RetrievalIndex(florets.orElse(null), facet, model);
    List<Entry> add = new ArrayList<>();
    for (ArrowEmbeddings.Row r : c.rows()) {
      List<FacetTag> tags = new ArrayList<>();
      float[] conf = r.confidences();
      for (int j = 0; j < conf.length; j++) {
        tags.add(new FacetTag(r.tags().get(j), Math.min(1, Math.max(0, conf[j]))));
      }
      String[] at = r.id().split("@", -1);
      Window w = Window.of(r.window());
      if (at.length == 2 && at[1].matches("\\d{1,9}")) {
        w = Window.of(at[0], Integer.parseInt(at[1]), r.window(), null, null, null);
      }
      add.add(new Entry(r.id(), w, r.vector(), tags));
    }
    idx.insert(add);
    return idx;
  }

  private Florets facade() {
    if (florets == null) {
      throw new IllegalStateException("this index was loaded without a model; load it with the model "
          + "that built it to query or add by window, or query by vector");
    }
    return florets;
  }
}
