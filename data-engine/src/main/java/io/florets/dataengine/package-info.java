/**
 * The data-engine loop: labelers and consensus make dense targets, the multitask model is trained
 * on them, relabels every window as one more labeler weighted by its measured accuracy, confident
 * disagreements are flagged (confident learning), consensus runs again and the model is trained
 * again, round after round; human labels are kept and outrank machine labels.
 */
package io.florets.dataengine;
