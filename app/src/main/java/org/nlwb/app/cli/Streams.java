package org.nlwb.app.cli;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

/** Output stream wrappers the commands need around writers that flush or close what they are given. */
final class Streams {
    /** The exit status of a command whose reader closed the pipe: 128 + SIGPIPE, as a shell reports it. */
    static final int EXIT_BROKEN_PIPE = 141;

    private Streams() {
    }

    /**
     * Standard output ({@code System.out}) for a command that writes a lot (decode): buffered, not
     * closed by writers, and a failed write thrown as {@link OutputClosed}, which neither a
     * PrintStream nor a JsonGenerator swallows, so the command stops instead of decoding the rest of
     * a large file into a closed pipe ({@code | head}). The JVM ignores SIGPIPE, so a write sees
     * EPIPE; System.out (a PrintStream) only records it, hence the {@code checkError()} after each
     * 64 KiB that goes through.
     */
    static OutputStream stdout() {
        PrintStream ps = System.out;
        return nonClosing(new BufferedOutputStream(new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                ps.write(b, off, len);
                if (ps.checkError()) {
                    throw new OutputClosed();
                }
            }

            @Override
            public void flush() {
                if (ps.checkError()) {
                    throw new OutputClosed();
                }
            }
        }, 1 << 16));
    }

    /**
     * Standard output could not be written: in practice its reader went away (a closed pipe). A full
     * disk looks the same from here (PrintStream keeps no cause), which is why the commands say
     * nothing and exit 141, as a shell reports a process SIGPIPE ended.
     */
    static final class OutputClosed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OutputClosed() {
            super("standard output is closed", null, false, false);
        }
    }

    /** {@code out}, except that {@code close()} only flushes (a JsonGenerator closing System.out). */
    static OutputStream nonClosing(OutputStream out) {
        return new Pass(out, true, false);
    }

    /**
     * {@code out}, except that {@code flush()} does nothing: PcapWriter flushes every record, right
     * for a live capture, wasteful for a file written in one go.
     */
    static OutputStream unflushed(OutputStream out) {
        return new Pass(out, false, true);
    }

    private static final class Pass extends FilterOutputStream {
        private final boolean keepOpen;
        private final boolean ignoreFlush;

        Pass(OutputStream out, boolean keepOpen, boolean ignoreFlush) {
            super(out);
            this.keepOpen = keepOpen;
            this.ignoreFlush = ignoreFlush;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            if (!ignoreFlush) {
                out.flush();
            }
        }

        @Override
        public void close() throws IOException {
            if (keepOpen) {
                flush();
            } else {
                super.close();
            }
        }
    }
}
