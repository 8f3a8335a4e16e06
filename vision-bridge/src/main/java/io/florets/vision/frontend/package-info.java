/**
 * The image front end of the engine: host preparation (squash-resize, normalisation) and a small
 * convolutional stem into a grid of patch tokens with learned 2-D positions plus one pooled token.
 */
package io.florets.vision.frontend;
