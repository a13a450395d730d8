package org.nlwb.capture.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The background nice value is the calling thread's own, as the kernel reports it, and no other thread's. */
class NicenessTest {

    /** Field 19 of {@code /proc/self/task/TID/stat} (after the command name, which may hold spaces). */
    private static int niceOf(int tid) throws Exception {
        String stat = Files.readString(Path.of("/proc/self/task/" + tid + "/stat"));
        String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(after[19 - 3]);
    }

    @Test
    void aLoweredThreadHasTheNiceValueAndTheThreadThatStartedItDoesNot() throws Exception {
        int mine = niceOf(Niceness.threadId());
        AtomicReference<int[]> seen = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                int tid = Niceness.threadId();
                boolean done = Niceness.lowerCallingThread(Math.max(Niceness.BACKGROUND, mine));
                seen.set(new int[] {done ? 1 : 0, niceOf(tid), tid});
            } catch (Exception e) {
                seen.set(new int[] {-1, -1, -1});
            }
        });
        t.start();
        t.join();
        int[] s = seen.get();
        assertEquals(1, s[0], "setpriority refused");
        assertEquals(Math.max(Niceness.BACKGROUND, mine), s[1]);
        assertTrue(s[2] != Niceness.threadId());
        assertEquals(mine, niceOf(Niceness.threadId()), "the caller's own nice value is unchanged");
    }
}
