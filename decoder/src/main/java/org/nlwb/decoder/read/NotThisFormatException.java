package org.nlwb.decoder.read;

/** The input is not in the reader's format; the message says why and where reading stopped. */
public class NotThisFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public NotThisFormatException(String message) {
        super(message);
    }
}
