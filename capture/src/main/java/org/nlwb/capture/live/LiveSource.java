package org.nlwb.capture.live;

import java.io.IOException;

/**
 * Something that produces records as they happen: a netlink monitor, a traced command, an nlmon
 * link. {@link #start} opens everything synchronously, so a missing privilege or an unknown
 * group fails there with a clear message, then reads on a thread of its own into the
 * {@link LiveCapture} until {@link #stop} or until the source ends by itself.
 */
public interface LiveSource {

    /** What is captured, in words ({@code "monitor NETLINK_ROUTE RTNLGRP_LINK in netns blue"}). */
    String describe();

    /** Opens the source and starts reading into {@code sink}. At most once. */
    void start(LiveCapture sink) throws IOException;

    /** Stops reading and releases everything; the sink then gets {@code onEnd}. Idempotent. */
    void stop();

    /** Whether {@link #pause} is possible: the source stops reading but keeps its subscription. */
    default boolean canPause() {
        return false;
    }

    /**
     * Stops reading while staying subscribed: the kernel queues, and reports an overrun when the
     * queue overflows, which shows when reading resumes.
     */
    default void pause() {
        throw new UnsupportedOperationException(describe() + " cannot pause");
    }

    default void resume() {
        throw new UnsupportedOperationException(describe() + " cannot pause");
    }
}
