import io.florets.datasets.target.Annotation;
import io.florets.datasets.DenseDataset;
import io.florets.datasets.Window;
import io.florets.datasets.synthetic.SyntheticConfig;
import io.florets.datasets.synthetic.SyntheticGenerator;
import io.florets.datasets.target.ShapeFacet;
import io.florets.datasets.target.ShapeTag;
import io.florets.dataengine.train.Recipe;
import io.florets.labelers.LabelerSuite;
import io.florets.labelers.batch.ParallelLabeling;
import io.florets.labelers.consensus.Consensus;
import io.florets.labelers.consensus.ConsensusConfig;
import io.florets.prompt.facade.Florets;
import io.florets.prompt.readout.ShapeTags;
import io.florets.prompt.task.Tasks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Study: the seasonality tags of a model, of the labeler consensus and of {@code shape.structural}
 * against the synthetic truth, as confusion matrices, and how often the model and the structural
 * labeler are wrong on the same windows. Not part of the build. Run from the project root:
 *
 * <pre>
 * ./florets --version   # builds cli/target/florets-cli.jar
 * javac -d /tmp/study -cp cli/target/florets-cli.jar data-engine/studies/SeasonalityConfusion.java
 * java --add-opens=java.base/java.nio=ALL-UNNAMED -Dai.djl.offline=true \
 *     -cp cli/target/florets-cli.jar:/tmp/study SeasonalityConfusion 1000 7 [MODEL_DIR]
 * </pre>
 */
public final class SeasonalityConfusion {
  private static final List<String> VALUES = ShapeFacet.SEASONALITY.allowed();

  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(args[0]);
    long seed = Long.parseLong(args[1]);
    SyntheticConfig cfg = Recipe.defaultRecipe(1).data().toBuilder().count(n).seed(seed).build();
    DenseDataset data = SyntheticGenerator.generate(cfg);
    List<Window> ws = data.windows();
    String[] truth = new String[n];
    int i = 0;
    for (DenseDataset.Entry e : data.entries()) {
      for (Annotation a : e.annotations()) {
        if (Annotation.TRUTH.equals(a.source()) && a.target() instanceof ShapeTag t
            && t.facet() == ShapeFacet.SEASONALITY && t.channel() <= 0) {
          truth[i] = t.value();
        }
      }
      i++;
    }
    List<ShapeTags> answers = new ArrayList<>();
    try (Florets f = args.length > 2 ? Florets.load(Path.of(args[2])) : Florets.defaultModel()) {
      for (int from = 0; from < n; from += Florets.BATCH) {
        answers.addAll(f.askAllUncalibrated(ws.subList(from, Math.min(n, from + Florets.BATCH)),
            Tasks.SHAPE.prompt()));
      }
    }
    LabelerSuite suite = LabelerSuite.defaults();
    List<List<Annotation>> raw = ParallelLabeling.label(ws, suite, 2, null);
    Consensus consensus = Consensus.fit(suite.labelers(), raw, ConsensusConfig.DEFAULTS);
    int[][] model = new int[4][4];
    int[][] merged = new int[4][4];
    int[][] structural = new int[4][4];
    int[] joint = new int[4];
    for (i = 0; i < n; i++) {
      if (truth[i] == null) {
        continue;
      }
      int row = VALUES.indexOf(truth[i]);
      String m = null;
      for (ShapeTags.Tag t : answers.get(i).tags()) {
        if (t.facet() == ShapeFacet.SEASONALITY && t.channel() <= 0) {
          m = t.value();
        }
      }
      if (m != null) {
        model[row][VALUES.indexOf(m)]++;
      }
      for (Annotation a : consensus.apply(ws.get(i).length(), raw.get(i)).kept()) {
        if (a.target() instanceof ShapeTag t && t.facet() == ShapeFacet.SEASONALITY && t.channel() <= 0) {
          merged[row][VALUES.indexOf(t.value())]++;
        }
      }
      String s = null;
      for (Annotation a : raw.get(i)) {
        if (a.source().equals("shape.structural") && a.target() instanceof ShapeTag t
            && t.facet() == ShapeFacet.SEASONALITY && t.channel() <= 0) {
          structural[row][VALUES.indexOf(t.value())]++;
          s = t.value();
        }
      }
      joint[(truth[i].equals(m) ? 2 : 0) + (truth[i].equals(s) ? 1 : 0)]++;
    }
    print("model", model);
    print("consensus", merged);
    print("shape.structural", structural);
    System.out.printf("windows: both wrong %d, only the model wrong %d, only shape.structural wrong %d,"
        + " both right %d%n", joint[0], joint[1], joint[2], joint[3]);
  }

  private static void print(String name, int[][] m) {
    int right = 0;
    int all = 0;
    System.out.println(name + ": rows the true " + VALUES + ", columns the answer");
    for (int r = 0; r < 4; r++) {
      System.out.println("  " + Arrays.toString(m[r]));
      for (int c = 0; c < 4; c++) {
        all += m[r][c];
        right += r == c ? m[r][c] : 0;
      }
    }
    System.out.printf("  accuracy %.4f of %d%n", (double) right / all, all);
  }
}
