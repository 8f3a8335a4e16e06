/**
 * A seeded synthetic generator with exact ground truth, after ChatTS's attribute taxonomy.
 *
 * <p>{@link io.florets.datasets.synthetic.SyntheticGenerator#generate} turns a
 * {@link io.florets.datasets.synthetic.SyntheticConfig} into a
 * {@link io.florets.datasets.DenseDataset} whose annotations are the truth (shape tags, numeric
 * properties, events, segments, class label, captions);
 * {@link io.florets.datasets.synthetic.SyntheticGenerator#window} regenerates any one window with
 * its exact parameters ({@link io.florets.datasets.synthetic.ChannelTruth},
 * {@link io.florets.datasets.synthetic.InjectedEvent}) and clean components
 * ({@link io.florets.datasets.synthetic.ChannelComponents}). Window {@code i} depends only on the
 * seed and {@code i}.
 */
package io.florets.datasets.synthetic;
