/**
 * Rule labelers for images, the image side of the data engine: connected components of saturated
 * pixels give boxes with a colour and a shape category, colour statistics give dominant colours, and
 * counts give a caption. Pure functions of an image; thread-safe.
 */
package io.florets.vision.label;
