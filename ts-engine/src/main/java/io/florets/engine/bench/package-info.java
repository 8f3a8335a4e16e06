/** The engine benchmark behind {@code florets bench engine}: training throughput, FLOP/s, memory, decoding latency. */
package io.florets.engine.bench;
