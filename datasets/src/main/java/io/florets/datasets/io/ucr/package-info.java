/** The UCR archive's plain-text layouts, class label first: 2018 {@code .tsv} and 2015 {@code .txt}. */
package io.florets.datasets.io.ucr;
