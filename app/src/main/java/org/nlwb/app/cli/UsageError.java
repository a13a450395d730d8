package org.nlwb.app.cli;

/**
 * A mistake in the command line, said in words (never a class name): {@code nlwb send} prints it
 * as {@code nlwb send: MESSAGE} and exits 2, having sent nothing.
 */
final class UsageError extends Exception {
    UsageError(String message) {
        super(message);
    }
}
