/** Measures of image answers against truth: detection mAP at an IoU threshold, caption counts. */
package io.florets.vision.eval;
