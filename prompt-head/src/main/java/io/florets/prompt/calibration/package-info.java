/**
 * How far a model's item confidences can be trusted, and a fix for them: the expected calibration
 * error ({@link io.florets.prompt.calibration.Reliability}), a monotone isotonic map from raw to
 * calibrated confidences ({@link io.florets.prompt.calibration.CalibrationMap}), the per-task set of
 * maps the facade applies to readouts ({@link io.florets.prompt.calibration.Calibration}), with an
 * optional per-task minimum calibrated confidence below which event items are dropped, and its
 * checksummed {@code calibration.json} file. No tensor code: it works on confidences and readouts.
 */
package io.florets.prompt.calibration;
