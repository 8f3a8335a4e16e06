package io.florets.engine.train;

/**
 * Outcome of {@link Trainer#fit()}.
 *
 * @param steps steps done in total
 * @param lastLoss training loss of the last step (NaN if no step ran)
 * @param validationLoss last validation loss (NaN if never validated)
 * @param validationTokenAccuracy last validation token accuracy (NaN if never validated)
 * @param stoppedEarly true if early stopping ended the run
 * @param seconds wall time of this call
 */
public record TrainingResult(long steps, double lastLoss, double validationLoss,
    double validationTokenAccuracy, boolean stoppedEarly, double seconds) { }
