/** JMH micro-benchmarks and the end-to-end benchmark harness; never needed at run time. */
package io.florets.bench;
