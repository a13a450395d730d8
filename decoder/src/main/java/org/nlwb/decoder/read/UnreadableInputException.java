package org.nlwb.decoder.read;

/** No reader accepted a file; the message names the file, every format tried and where each stopped. */
public class UnreadableInputException extends Exception {
    private static final long serialVersionUID = 1L;

    public UnreadableInputException(String message) {
        super(message);
    }
}
