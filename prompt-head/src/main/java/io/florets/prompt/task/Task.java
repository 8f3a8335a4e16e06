package io.florets.prompt.task;

import io.florets.prompt.readout.Readout;
import java.util.List;
import java.util.Objects;

/**
 * A task of the output contract: its token, natural-language expansion, arguments and readout
 * type. {@code Task<Events>} answers with {@link io.florets.prompt.readout.Events}. A task with
 * arguments is asked through a {@link Prompt} that binds them ({@link Prompt#eventsOf}, ...).
 * Instances are the constants of {@link Tasks}; immutable and thread-safe.
 *
 * @param <R> the readout type
 */
public final class Task<R extends Readout> {
  private final String name;
  private final String token;
  private final Modality modality;
  private final String expansion;
  private final List<ArgumentKind> arguments;
  private final Class<R> readoutType;
  private final boolean decoded;

  Task(String name, String token, Modality modality, String expansion, List<ArgumentKind> arguments,
      Class<R> readoutType, boolean decoded) {
    this.name = Objects.requireNonNull(name);
    this.token = Objects.requireNonNull(token);
    this.modality = Objects.requireNonNull(modality);
    this.expansion = Objects.requireNonNull(expansion);
    this.arguments = List.copyOf(arguments);
    this.readoutType = Objects.requireNonNull(readoutType);
    this.decoded = decoded;
  }

  /** Constant name in {@link Tasks}, e.g. {@code "EVENTS"} or {@code "IMAGE_CAPTION"}. */
  public String name() {
    return name;
  }

  /** The task token, e.g. {@code "<EVENTS>"}. */
  public String token() {
    return token;
  }

  /** Series or image. */
  public Modality modality() {
    return modality;
  }

  /**
   * The natural-language expansion; arguments appear as {@code {type}}, {@code {name}},
   * {@code {region}}, {@code {box}}, {@code {text}} placeholders.
   */
  public String expansion() {
    return expansion;
  }

  /** The arguments, in the order they follow the token. */
  public List<ArgumentKind> arguments() {
    return arguments;
  }

  /** Whether the task has a required argument (so it needs a {@link Prompt} to be asked). */
  public boolean needsArguments() {
    return arguments.stream().anyMatch(a -> !a.optional());
  }

  /** The readout class. */
  public Class<R> readoutType() {
    return readoutType;
  }

  /** False only for {@code <EMBED>}, whose answer is a vector, not decoded tokens. */
  public boolean decoded() {
    return decoded;
  }

  /** The prompt of an argument-free task; throws {@link IllegalArgumentException} if arguments are needed. */
  public Prompt<R> prompt() {
    return Prompt.of(this);
  }

  @Override
  public String toString() {
    return token + (modality == Modality.IMAGE ? " (image)" : "");
  }
}
