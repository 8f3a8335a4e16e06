/** Weka {@code .arff} files as written by the UCR/UEA archives: {@link io.florets.datasets.io.arff.ArffReader}. */
package io.florets.datasets.io.arff;
