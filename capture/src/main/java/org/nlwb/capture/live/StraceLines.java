package org.nlwb.capture.live;

/**
 * Reads strace output one line at a time while strace runs and hands each netlink datagram to
 * the capture as soon as its hex dump is complete. Implemented over the decoder's strace parser.
 */
public interface StraceLines {
    /** One line of strace output, without its line terminator. */
    void line(String line);

    /** strace's output ended: anything pending is flushed (or reported as cut off). */
    void end();

    /** Makes a parser that appends to {@code sink}; {@code name} is used in diagnostic locations. */
    @FunctionalInterface
    interface Factory {
        StraceLines create(String name, LiveCapture sink);
    }
}
