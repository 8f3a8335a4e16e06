/** Typed readouts of the output contract: a sealed interface of immutable records. */
package io.florets.prompt.readout;
