package org.nlwb.capture.sys;

import jnr.ffi.LibraryLoader;
import jnr.ffi.annotations.SaveError;

/**
 * The Linux nice value of the calling thread. Java's thread priorities are hints Linux ignores
 * (every Java thread runs at the process's nice value), so background work that must never delay
 * the window lowers its own thread here: {@code setpriority(PRIO_PROCESS, gettid(), n)}, which on
 * Linux applies to that one thread. Raising the nice value needs no privilege; lowering it again
 * does (CAP_SYS_NICE), so call it on threads that stay background threads.
 */
public final class Niceness {
    /** The nice value of background threads: well below the window's, above the idle class. */
    public static final int BACKGROUND = 10;

    private static final int PRIO_PROCESS = 0;
    private static final long SYS_GETTID_X86_64 = 186;
    private static final long SYS_GETTID_AARCH64 = 178;

    /** The calls this needs, apart from {@link LibC}: nothing else in nlwb sets priorities. */
    public interface Calls {
        @SaveError
        int setpriority(int which, int who, int prio);

        @SaveError
        long syscall(long number);
    }

    private static final class Holder {
        static final Calls CALLS = LibraryLoader.create(Calls.class).load("c");
    }

    private Niceness() {
    }

    /** The kernel's id of the calling thread (what {@code /proc/self/task/} lists). */
    public static int threadId() {
        String arch = System.getProperty("os.arch", "");
        long nr = arch.equals("aarch64") ? SYS_GETTID_AARCH64 : SYS_GETTID_X86_64;
        return (int) Holder.CALLS.syscall(nr);
    }

    /**
     * Sets the calling thread's nice value to {@code nice} (0 to 19; higher is lower priority).
     * Returns false where it cannot (not Linux, no libc binding, refused): the thread then keeps
     * the process's priority, which is only slower, never wrong.
     */
    public static boolean lowerCallingThread(int nice) {
        if (!System.getProperty("os.name", "").equals("Linux")) {
            return false;
        }
        try {
            return Holder.CALLS.setpriority(PRIO_PROCESS, threadId(), nice) == 0;
        } catch (LinkageError | RuntimeException e) {
            return false;
        }
    }
}
