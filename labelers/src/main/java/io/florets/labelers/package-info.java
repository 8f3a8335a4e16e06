/** The data engine's annotators: the labeler SPI, rule and specialist labelers, analysis, consensus and captions. */
package io.florets.labelers;
