package org.nlwb.capture.live;

import java.io.IOException;

/** The running kernel cannot make an nlmon link; the message says why, plainly. */
public final class NlmonUnavailableException extends IOException {
    private static final long serialVersionUID = 1L;

    public NlmonUnavailableException(String message) {
        super(message);
    }
}
