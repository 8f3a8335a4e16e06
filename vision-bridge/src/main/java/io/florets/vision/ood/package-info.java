/**
 * Out-of-distribution checks of the vision model: a score of how unlike an image is to the
 * synthetic scenes, digit canvases and digits the model was trained on, a threshold calibrated on
 * freshly generated images of those kinds, and the caveat attached to answers about images beyond it.
 */
package io.florets.vision.ood;
