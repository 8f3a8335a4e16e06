/**
 * Image data with exact truth: pixel boxes ({@link io.florets.vision.data.BoxTarget}), the seeded
 * synthetic scene generator, the 8&times;8 handwritten digits (classification split and digit
 * canvases for detection), and the count captions of scenes.
 */
package io.florets.vision.data;
