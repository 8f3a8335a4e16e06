/**
 * The dense-target schema: what a labeler (or a model, or a human) can say about one window.
 *
 * <p>{@link io.florets.datasets.target.Target} is sealed over class labels, numeric properties,
 * shape tags, events, segments and captions. Positions are sample indices within the window,
 * inclusive at both ends. Every target may name the channel it refers to;
 * {@link io.florets.datasets.target.Target#WHOLE_WINDOW} means "all channels".
 * {@link io.florets.datasets.target.Annotation} adds who said it and how sure it is.
 * The closed vocabularies (event types, shape facets and values, property names, segment labels)
 * are enums so that the tokenizer can enumerate them.
 */
package io.florets.datasets.target;
