/** The {@code florets} command line: thin picocli commands over the library; the only code that prints. */
package io.florets.cli;
