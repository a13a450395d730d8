package org.nlwb.capture.socket;

/**
 * The socket's receive queue overflowed (recvmsg failed with ENOBUFS): the kernel dropped one or
 * more messages before this point. How many is not known; the kernel does not say.
 *
 * @param receiveBuffer the socket's SO_RCVBUF at the time, in bytes
 */
public record Overrun(long timeNanos, int receiveBuffer) implements Received {
    public String describe() {
        return "overrun: messages lost (ENOBUFS: the socket's receive buffer of " + receiveBuffer
                + " bytes overflowed before nlwb read it)";
    }
}
