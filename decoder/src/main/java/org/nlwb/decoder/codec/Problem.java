package org.nlwb.decoder.codec;

/**
 * Why a JSON value cannot be encoded (or a decoded tree cannot be described): the dotted path of
 * the field at fault ({@code linkinfo.data.peer.ifname}, empty for the message itself) and what
 * is wrong with it.
 */
public record Problem(String path, String message) {

    public Problem {
        path = path == null ? "" : path;
    }

    /** {@code path: message}, or the message alone at the top: the text the encoder's errors carry. */
    public String text() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
