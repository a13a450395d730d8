/**
 * The {@code nlwb} commands (picocli): decode, monitor, trace, send, spec, bench, convert and gui.
 * A command parses options and prints; the work lives in decoder and capture, so a new command is
 * one class here registered in {@link org.nlwb.app.cli.NlwbCommand}.
 */
package org.nlwb.app.cli;
