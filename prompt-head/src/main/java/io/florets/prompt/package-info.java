/**
 * The output contract of Florets: every task is asked by a prompt and answered by a token sequence
 * that parses into a typed readout.
 *
 * <ul>
 *   <li>{@code vocab}: the vocabulary (specials, task tokens, {@code <t_q>}, {@code <loc_q>},
 *       {@code <ch_c>}, numeric, spelling and word tokens), the tokenizer, the location quantiser
 *       {@code q = clamp(floor(t / (L/1000)), 0, 999)} and the numeric encoding.</li>
 *   <li>{@code task}: tasks ({@code Tasks.EVENTS}, ...), prompts with arguments, prompt parsing
 *       ({@code PromptException} on any bad prompt), the contract's limits.</li>
 *   <li>{@code readout}: the sealed {@code Readout} records with per-item confidences.</li>
 *   <li>{@code grammar}: per-prompt answer grammars for constrained decoding and the adapter to the
 *       engine's constraint callback.</li>
 *   <li>{@code serial}: serializers (dense targets to training pairs) and the parser (answer tokens
 *       and log-probabilities to readouts).</li>
 * </ul>
 *
 * {@link io.florets.prompt.PromptHead} bundles them over one vocabulary. No tensor code lives here.
 */
package io.florets.prompt;
