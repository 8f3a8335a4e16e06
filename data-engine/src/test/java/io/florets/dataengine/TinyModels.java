package io.florets.dataengine;

import io.florets.datasets.DenseDataset;
import io.florets.datasets.synthetic.SyntheticGenerator;
import io.florets.engine.train.TrainingListener;
import io.florets.prompt.facade.bundle.ModelBundle;
import io.florets.dataengine.train.Recipe;

/** A tiny model trained for a few steps, made once per test JVM and shared (read-only). */
public final class TinyModels {
  private static Recipe recipe;
  private static ModelBundle bundle;

  private TinyModels() {
  }

  /** The tiny recipe used by the tests: 40 windows of 128 samples, 4 steps of 8 rows. */
  public static synchronized Recipe recipe() {
    if (recipe == null) {
      Recipe r = Recipe.tinyRecipe(4);
      recipe = r.withData(r.data().toBuilder().count(40).build())
          .withOptions(r.options().withBatchSize(8).withAuxiliary(0.2, 4));
    }
    return recipe;
  }

  /** The shared trained model; do not close it. */
  public static synchronized ModelBundle bundle() {
    if (bundle == null) {
      bundle = recipe().train("test", new TrainingListener() { });
    }
    return bundle;
  }

  /** The recipe's data (with truth). */
  public static DenseDataset data() {
    return SyntheticGenerator.generate(recipe().data());
  }
}
