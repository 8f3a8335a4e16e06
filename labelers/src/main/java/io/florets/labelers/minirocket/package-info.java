/**
 * MiniRocket (Dempster, Schmidt and Webb 2021) in plain Java: the transform, a ridge classifier
 * with leave-one-out choice of regularisation, the combined classifier, and its use as a
 * specialist labeler of class labels. Also the 1-NN Euclidean baseline used by UCR evaluations.
 */
package io.florets.labelers.minirocket;
