/**
 * What a trained model is good at, written down: its {@link io.florets.prompt.card.ModelCard} (the
 * figures it measured beside the labelers' on the same synthetic windows, how and when they were
 * measured, the data it was trained on and what it was not trained on), the caveat a readout of a
 * task where the model is below its labelers carries, and the checksummed {@code card.json} a model
 * folder holds, bound to the weights it was measured with. No tensor code.
 */
package io.florets.prompt.card;
