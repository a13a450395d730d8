package org.nlwb.decoder.read;

/**
 * Bytes asked of a {@link PositionalFile} that the file no longer holds: it was cut after it was
 * opened. Thrown without a stack trace (it is expected, and caught where a record is made or the
 * index is walked, which say how the file shrank).
 */
final class FileShrunkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    FileShrunkException() {
        super("the file shrank while open", null, false, false);
    }
}
