/**
 * Series, windows and windowing policies: the data every other Florets module stands on.
 *
 * <p>A {@link io.florets.datasets.Series} holds channels &times; time as {@code float} values
 * ({@code NaN} marks a missing sample). A {@link io.florets.datasets.Window} is an immutable view of
 * a stretch of a series; {@link io.florets.datasets.Windowing} policies cut series into windows.
 * Dense targets live in {@link io.florets.datasets.target}; file formats in
 * {@code io.florets.datasets.io}. This module does not depend on DJL.
 */
package io.florets.datasets;
