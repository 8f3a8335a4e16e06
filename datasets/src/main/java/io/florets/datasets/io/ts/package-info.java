/** UCR/UEA {@code .ts} files (sktime/aeon format): {@link io.florets.datasets.io.ts.TsReader} and {@link io.florets.datasets.io.ts.TsWriter}. */
package io.florets.datasets.io.ts;
