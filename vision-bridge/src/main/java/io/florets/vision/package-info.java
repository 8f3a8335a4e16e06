/** Image tasks through the same prompt API: the image front end, image labelers and image data. */
package io.florets.vision;
