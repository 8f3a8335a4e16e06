package io.florets.prompt.serial;

import io.florets.prompt.task.Prompt;
import java.util.Arrays;
import java.util.Objects;

/**
 * One training example of a window (or image): the prompt and the answer the model must produce.
 *
 * @param prompt the prompt
 * @param promptTokens the prompt as ids (task token and arguments; no {@code <s>})
 * @param targetTokens the answer as ids, ending with {@code </s>} (no {@code <s>})
 */
public record TrainingPair(Prompt<?> prompt, int[] promptTokens, int[] targetTokens) {
  /** Validates and copies. */
  public TrainingPair {
    Objects.requireNonNull(prompt, "prompt");
    promptTokens = promptTokens.clone();
    targetTokens = targetTokens.clone();
    if (targetTokens.length == 0 || targetTokens[targetTokens.length - 1] != io.florets.prompt.vocab.Vocabulary.EOS) {
      throw new IllegalArgumentException("target of " + prompt + " must end with </s>");
    }
  }

  /** A copy of the prompt ids. */
  @Override
  public int[] promptTokens() {
    return promptTokens.clone();
  }

  /** A copy of the answer ids. */
  @Override
  public int[] targetTokens() {
    return targetTokens.clone();
  }

  /**
   * The decoder input for teacher forcing: {@code <s>} followed by the answer without its final
   * {@code </s>} (same length as {@link #targetTokens()}, which are the labels).
   */
  public int[] decoderInput() {
    int[] in = new int[targetTokens.length];
    in[0] = io.florets.prompt.vocab.Vocabulary.BOS;
    System.arraycopy(targetTokens, 0, in, 1, targetTokens.length - 1);
    return in;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TrainingPair p && p.prompt.equals(prompt) && Arrays.equals(p.promptTokens, promptTokens)
        && Arrays.equals(p.targetTokens, targetTokens);
  }

  @Override
  public int hashCode() {
    return Objects.hash(prompt, Arrays.hashCode(promptTokens), Arrays.hashCode(targetTokens));
  }

  @Override
  public String toString() {
    return "TrainingPair[" + prompt + " -> " + targetTokens.length + " tokens]";
  }
}
