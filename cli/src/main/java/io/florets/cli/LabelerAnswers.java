package io.florets.cli;

import io.florets.datasets.target.Annotation;
import io.florets.labelers.caption.CaptionComposer;
import io.florets.prompt.PromptHead;
import io.florets.prompt.readout.Readout;
import io.florets.prompt.serial.Extent;
import io.florets.prompt.serial.SeriesSerializer;
import io.florets.prompt.task.Prompt;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The labelers' answer to a prompt: a window's consensus targets (plus the captions composed from
 * them, as {@code florets label} writes) serialized as that prompt's training answer and parsed
 * back, so that it reads exactly like a model readout of the same type. This is what the model is
 * trained to say about the window. Positions and numbers carry the contract's quantisation.
 */
final class LabelerAnswers {
  private final PromptHead head;
  private final CaptionComposer captions;

  LabelerAnswers(PromptHead head, long captionSeed) {
    this.head = head;
    this.captions = CaptionComposer.of(captionSeed);
  }

  /**
   * The answer, or empty when the targets say nothing about the prompt (no class label, or a task
   * that is not decoded such as {@code <EMBED>}).
   *
   * @param kept the window's consensus annotations
   * @param length the window length in samples
   * @param windowKey the window's index (seeds the caption phrasing)
   */
  <R extends Readout> Optional<Readout> answer(Prompt<R> prompt, List<Annotation> kept, int length,
      long windowKey) {
    List<Annotation> all = new ArrayList<>(kept);
    for (var c : captions.compose(kept, length, windowKey)) {
      all.add(new Annotation(c, "caption.composer", "1", 1.0));
    }
    if (!prompt.task().decoded()) {
      return Optional.empty();
    }
    Optional<int[]> tokens = head.series().serialize(prompt, SeriesSerializer.resolve(all), length);
    return tokens.map(t -> head.parser().parse(prompt, t, Extent.series(length)));
  }
}
