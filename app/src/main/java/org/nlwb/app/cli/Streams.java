package org.nlwb.app.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Output stream wrappers the commands need around writers that flush or close what they are given. */
final class Streams {
    private Streams() {
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
