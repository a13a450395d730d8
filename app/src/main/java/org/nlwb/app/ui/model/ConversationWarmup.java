package org.nlwb.app.ui.model;

/**
 * Learns a capture's conversation context (the generic netlink ids its nlctrl replies name) ahead
 * of the rows and the selection, on a thread of its own, in steps. Decoding message {@code i}
 * first learns from every message before it: the first click far down a million-message list
 * would otherwise wait for that walk (on the worker that makes its panes). Each step holds the
 * context's lock for {@value #STEP} messages only, so a decode waiting for it waits little; a
 * file still being indexed is followed as it grows.
 */
public final class ConversationWarmup {
    /** Messages learned per step. */
    static final int STEP = 4096;

    private ConversationWarmup() {
    }

    /** Starts learning {@code document}'s context to its end (any thread; returns at once). */
    public static void start(CaptureDocument document) {
        Thread t = new Thread(() -> {
            for (int i = STEP; document.capture().hasMessage(i); i += STEP) {
                document.pipeline().conversation(i);
            }
            int n = document.messageCount();
            if (n > 0) {
                document.pipeline().conversation(n - 1);
            }
        }, "nlwb-conversations");
        t.setDaemon(true);
        t.start();
    }
}
