package io.florets.datasets.target;

/** The kinds of dense target, one per {@link Target} record. */
public enum TargetKind {
  CLASS_LABEL, NUMERIC, SHAPE_TAG, EVENT, SEGMENT, CAPTION
}
