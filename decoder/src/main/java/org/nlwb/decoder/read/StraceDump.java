package org.nlwb.decoder.read;

import java.io.ByteArrayOutputStream;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import org.nlwb.decoder.model.Diagnostic;
import org.nlwb.decoder.model.Direction;

/**
 * A completed data syscall on a netlink fd, collecting its bytes from the
 * {@code -e read=all -e write=all} dump lines that follow it ({@code  | 00000  20 00 ...  ascii |}),
 * with {@code * 52 bytes in buffer 0} heading each iovec (the iovecs of one call are one
 * datagram). Without a dump, the call's quoted buffers are its bytes.
 */
final class StraceDump {
    /** Hex digits of one dump line: 16 bytes as "xx " with an extra space after the eighth. */
    private static final int HEX_FIELD = 49;

    final StraceCall call;
    final Direction direction;
    final int protocol;
    final int fd;
    /** The call's result: how many bytes it moved. */
    final long expected;
    private final StraceArgs.Quoted quoted;
    private final ByteArrayOutputStream dump = new ByteArrayOutputStream();
    private long bufferExpected = -1;
    private long bufferStart;
    private boolean sawDump;
    /** Set at a bad dump line: bytes after it are not collected (their position is unknown). */
    private boolean damaged;

    /** @param quoted the call's quoted buffers, null when it has none */
    StraceDump(StraceCall call, Direction direction, int protocol, int fd, long expected, StraceArgs.Quoted quoted) {
        this.call = call;
        this.direction = direction;
        this.protocol = protocol;
        this.fd = fd;
        this.expected = expected;
        this.quoted = quoted;
    }

    /** A {@code * N bytes in buffer M} line: the next buffer starts; its size is unknown when {@code size} is empty. */
    void bufferHeading(OptionalLong size) {
        sawDump = true;
        bufferExpected = size.orElse(-1);
        bufferStart = dump.size();
    }

    /**
     * Adds the bytes of one dump line (at location {@code here}); true when the call's bytes are
     * complete (the dump reached its result and the current buffer's size).
     */
    boolean add(Matcher dumpLine, String here, Consumer<Diagnostic> diagnostics) {
        sawDump = true;
        if (damaged) {
            return false;
        }
        checkOffset(dumpLine.group(1), here, diagnostics);
        String line = dumpLine.group(0);
        int from = dumpLine.start(2);
        String field = line.substring(from, Math.min(line.length(), from + HEX_FIELD));
        for (int i = 0; i < field.length(); ) {
            char c = field.charAt(i);
            if (c == ' ') {
                i++;
            } else if (i + 1 < field.length() && TextLines.isHexDigit(c) && TextLines.isHexDigit(field.charAt(i + 1))) {
                dump.write(TextLines.hexValue(c) << 4 | TextLines.hexValue(field.charAt(i + 1)));
                i += 2;
            } else {
                damaged = true;
                diagnostics.accept(Diagnostic.error(here, "column " + (from + 1 + i) + ": bad hex byte \""
                        + field.substring(i, Math.min(field.length(), i + 2)) + "\" in the dump of the "
                        + call.name() + " at line " + call.line() + "; its record keeps the "
                        + dump.size() + " bytes before it"));
                return false;
            }
        }
        return dump.size() >= expected && (bufferExpected < 0 || dump.size() - bufferStart >= bufferExpected);
    }

    private void checkOffset(String offsetHex, String here, Consumer<Diagnostic> diagnostics) {
        OptionalLong offset = StraceNumbers.hex(offsetHex);
        long inBuffer = dump.size() - bufferStart;
        if (offset.isEmpty()) {
            diagnostics.accept(Diagnostic.warning(here, "dump offset 0x" + StraceNumbers.shown(offsetHex)
                    + " is too long a number; bytes are taken in line order"));
        } else if (offset.getAsLong() != inBuffer) {
            diagnostics.accept(Diagnostic.warning(here, "dump offset 0x" + offsetHex + " but " + inBuffer
                    + " bytes so far in this buffer; bytes are taken in line order"));
        }
    }

    /**
     * The call's bytes: the dump's, else the quoted buffers'; null when it has neither (strace
     * decoded it). Warns at {@code where} when they are fewer than the call moved.
     */
    byte[] bytes(String where, Consumer<Diagnostic> diagnostics) {
        if (sawDump) {
            byte[] bytes = dump.toByteArray();
            if (bytes.length < expected && !damaged) {
                diagnostics.accept(Diagnostic.warning(where, call.name() + " returned " + expected
                        + " but the dump holds " + bytes.length + " bytes; the dumped bytes are kept"));
            }
            return bytes;
        }
        if (quoted == null) {
            return null;
        }
        if (quoted.problem() != null) {
            diagnostics.accept(Diagnostic.warning(where, quoted.problem()));
        }
        return quoted.bytes();
    }
}
