import io.florets.datasets.DenseDataset;
import io.florets.datasets.Window;
import io.florets.datasets.synthetic.SyntheticConfig;
import io.florets.datasets.synthetic.SyntheticGenerator;
import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.ShapeFacet;
import io.florets.datasets.target.ShapeTag;
import io.florets.dataengine.train.Recipe;
import io.florets.prompt.facade.FacetEmbedding;
import io.florets.prompt.facade.Florets;
import io.florets.prompt.task.EmbedFacet;
import io.florets.prompt.facade.bundle.ModelBundle;
import io.florets.prompt.task.Tasks;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Study: precision@10 of the embedding readout under a facet's prompt ({@code <EMBED>} followed by
 * the facet's token, the vector the {@code facet} training objective shapes), per shape facet, on
 * synthetic windows (leave-one-out, same-facet neighbours by the generator's truth, cosine
 * similarity), beside the plain {@code <EMBED>} prompt, the shipped {@code <EMBED>facet} vector
 * (read from the decoder's answers; {@code florets eval synthetic} reports it too) and the two
 * facet vectors side by side (the cosine is the mean of theirs). Not part of the build. Run from the project root:
 *
 * <pre>
 * ./florets --version   # builds cli/target/florets-cli.jar
 * javac -d /tmp/study -cp cli/target/florets-cli.jar data-engine/studies/FacetPromptRetrieval.java
 * java --add-opens=java.base/java.nio=ALL-UNNAMED -Dai.djl.offline=true \
 *     -cp cli/target/florets-cli.jar:/tmp/study FacetPromptRetrieval 500 7 [MODEL_DIR]
 * </pre>
 */
public final class FacetPromptRetrieval {
  private static final int K = 10;

  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(args[0]);
    long seed = Long.parseLong(args[1]);
    SyntheticConfig cfg = Recipe.defaultRecipe(1).data().toBuilder().count(n).seed(seed).build();
    DenseDataset data = SyntheticGenerator.generate(cfg);
    List<Window> ws = data.windows();
    ShapeFacet[] facets = ShapeFacet.values();
    String[][] truth = new String[facets.length][n];
    int i = 0;
    for (DenseDataset.Entry e : data.entries()) {
      for (Annotation a : e.annotations()) {
        if (Annotation.TRUTH.equals(a.source()) && a.target() instanceof ShapeTag t
            && t.channel() <= 0) {
          truth[t.facet().ordinal()][i] = t.value();
        }
      }
      i++;
    }
    try (ModelBundle b = args.length > 2 ? ModelBundle.load(Path.of(args[2]))
        : ModelBundle.loadResource(Florets.DEFAULT_MODEL, Florets.class.getClassLoader());
        Florets florets = args.length > 2 ? Florets.load(Path.of(args[2])) : Florets.defaultModel()) {
      int[] embed = b.head().promptTokens(Tasks.EMBED.prompt());
      StringBuilder json = new StringBuilder("{");
      for (ShapeFacet f : facets) {
        int[] p = Arrays.copyOf(embed, embed.length + 1);
        p[embed.length] = b.head().vocabulary().id(f.token());
        float[][] promptedVectors = vectors(b, ws, p);
        float[][] answerVectors = answers(florets, ws, EmbedFacet.valueOf(f.name()));
        double prompted = precision(promptedVectors, truth[f.ordinal()]);
        double plain = precision(vectors(b, ws, embed), truth[f.ordinal()]);
        double answer = precision(answerVectors, truth[f.ordinal()]);
        double joint = precision(concat(answerVectors, promptedVectors), truth[f.ordinal()]);
        json.append(String.format(Locale.ROOT, "%s\"%s\":{\"promptedPrecisionAtK\":%.4f,"
            + "\"generalPrecisionAtK\":%.4f,\"answerPrecisionAtK\":%.4f,"
            + "\"answerAndPromptedPrecisionAtK\":%.4f}", json.length() > 1 ? "," : "", f.token(),
            prompted, plain, answer, joint));
      }
      System.out.println(json.append("}"));
    }
  }

  /** The shipped {@code <EMBED>facet} vectors (read from the decoder's answers). */
  private static float[][] answers(Florets f, List<Window> ws, EmbedFacet facet) {
    float[][] out = new float[ws.size()][];
    for (int from = 0; from < ws.size(); from += Florets.BATCH) {
      List<FacetEmbedding> e = f.embedAll(ws.subList(from, Math.min(ws.size(), from + Florets.BATCH)),
          facet);
      for (int i = 0; i < e.size(); i++) {
        out[from + i] = e.get(i).embedding().vector();
      }
    }
    return out;
  }

  /** Both unit vectors side by side, scaled to unit length: the cosine is the mean of the two. */
  private static float[][] concat(float[][] a, float[][] b) {
    float[][] out = new float[a.length][];
    float h = (float) Math.sqrt(0.5);
    for (int i = 0; i < a.length; i++) {
      out[i] = new float[a[i].length + b[i].length];
      for (int d = 0; d < a[i].length; d++) {
        out[i][d] = a[i][d] * h;
      }
      for (int d = 0; d < b[i].length; d++) {
        out[i][a[i].length + d] = b[i][d] * h;
      }
    }
    return out;
  }

  private static float[][] vectors(ModelBundle b, List<Window> ws, int[] prompt) {
    float[][] out = new float[ws.size()][];
    for (int from = 0; from < ws.size(); from += Florets.BATCH) {
      List<Window> part = ws.subList(from, Math.min(ws.size(), from + Florets.BATCH));
      int[][] prompts = new int[part.size()][];
      Arrays.fill(prompts, prompt);
      float[][] e = b.model().embed(part, prompts);
      System.arraycopy(e, 0, out, from, e.length);
    }
    return out;
  }

  /** Leave-one-out precision@K over the windows whose truth is known. */
  private static double precision(float[][] v, String[] truth) {
    double hit = 0;
    int queries = 0;
    for (int q = 0; q < v.length; q++) {
      if (truth[q] == null) {
        continue;
      }
      double[] best = new double[K];
      int[] who = new int[K];
      Arrays.fill(best, Double.NEGATIVE_INFINITY);
      for (int j = 0; j < v.length; j++) {
        if (j == q || truth[j] == null) {
          continue;
        }
        double s = 0;
        for (int d = 0; d < v[q].length; d++) {
          s += v[q][d] * v[j][d];
        }
        int at = K - 1;
        if (s <= best[at]) {
          continue;
        }
        while (at > 0 && best[at - 1] < s) {
          best[at] = best[at - 1];
          who[at] = who[at - 1];
          at--;
        }
        best[at] = s;
        who[at] = j;
      }
      for (int r = 0; r < K; r++) {
        hit += truth[q].equals(truth[who[r]]) ? 1 : 0;
      }
      queries++;
    }
    return hit / ((double) K * Math.max(1, queries));
  }
}
