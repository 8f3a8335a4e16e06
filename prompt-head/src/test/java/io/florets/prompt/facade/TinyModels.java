package io.florets.prompt.facade;

import io.florets.datasets.DenseDataset;
import io.florets.datasets.synthetic.ClassAttribute;
import io.florets.datasets.synthetic.SyntheticConfig;
import io.florets.datasets.synthetic.SyntheticGenerator;
import io.florets.engine.EngineConfig;
import io.florets.engine.series.SeriesFrontEndConfig;
import io.florets.prompt.PromptHead;
import io.florets.prompt.facade.bundle.ModelBundle;
import io.florets.prompt.vocab.Vocabulary;
import java.util.List;

/**
 * A tiny untrained model (the tiny engine, seed 3) over the standard vocabulary plus the trend
 * class names, made once per test JVM and shared (read-only). The facade's behaviour (typing,
 * threading, validation, saving) does not depend on training; trained models are tested in the
 * data-engine module.
 */
public final class TinyModels {
  private static final SyntheticConfig DATA = SyntheticConfig.builder().count(40).length(128)
      .seed(3).events(0, 2).classAttribute(ClassAttribute.TREND).build();
  private static ModelBundle bundle;

  private TinyModels() {
  }

  /** The class names of the model: the generator's trend tags. */
  public static List<String> classNames() {
    return DATA.trends().stream().map(t -> t.tag()).toList();
  }

  /** The shared model; do not close it. */
  public static synchronized ModelBundle bundle() {
    if (bundle == null) {
      EngineConfig e = EngineConfig.tiny().withMaxLengths(32, 128);
      PromptHead head = PromptHead.of(Vocabulary.standard().withClassNames(classNames()));
      bundle = ModelBundle.create(e, SeriesFrontEndConfig.defaults(e.dModel()), head, 3)
          .withChannels(1);
    }
    return bundle;
  }

  /** Synthetic windows of 128 samples (with truth). */
  public static DenseDataset data() {
    return SyntheticGenerator.generate(DATA);
  }
}
