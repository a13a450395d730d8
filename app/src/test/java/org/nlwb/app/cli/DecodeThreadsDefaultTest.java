package org.nlwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How many decoding threads {@code decode} takes when {@code --threads} is not given. */
class DecodeThreadsDefaultTest {
    @Test
    void oneProcessorDecodesAndWritesOnOneThread() {
        assertEquals(1, DecodeCommand.defaultThreads(1));
    }

    @Test
    void twoProcessorsDecodeOnTwoThreadsBesidesTheWriter() {
        assertEquals(2, DecodeCommand.defaultThreads(2));
    }

    @Test
    void moreProcessorsLeaveOneToTheWriter() {
        assertEquals(3, DecodeCommand.defaultThreads(4));
        assertEquals(15, DecodeCommand.defaultThreads(16));
    }
}
