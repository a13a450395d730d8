package org.nlwb.capture.agent;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The agent's framed protocol over its stdin (requests) and stdout (answers and datagrams).
 * Every frame is {@code | length u32be | type u8 | body |}, length counting type and body; the
 * body's numbers are big-endian ({@link DataOutputStream}), strings are modified UTF-8.
 *
 * <pre>
 *  parent → agent                          agent → parent
 *  OPEN  id protocol extAck capAck n g*    HELLO    pid netns userns   (once, when ready)
 *  SEND  id handle len bytes               OPENED   id handle portId
 *  DRAIN id handle                         DONE     id
 *  CLOSE id handle                         FAILED   id errno operation capability
 *                                          DATAGRAM handle time sender groups nsid len bytes
 *                                          OVERRUN  handle time rcvbuf
 *                                          BROKEN   handle message     (a socket's reader failed)
 *                                          FATAL    message            (could not start)
 * </pre>
 *
 * SEND answers DONE only after the agent has forwarded every datagram the kernel had queued in
 * answer, and DRAIN after it forwarded everything queued: frames arrive in order, so when the
 * DONE is read those datagrams have been read too.
 */
final class AgentWire {
    /** A frame may not claim more than this (a netlink datagram is far smaller). */
    static final int MAX_FRAME = 64 << 20;

    static final byte OPEN = 1;
    static final byte SEND = 2;
    static final byte DRAIN = 3;
    static final byte CLOSE = 4;

    static final byte HELLO = 10;
    static final byte OPENED = 11;
    static final byte DONE = 12;
    static final byte FAILED = 13;
    static final byte DATAGRAM = 14;
    static final byte OVERRUN = 15;
    static final byte BROKEN = 16;
    static final byte FATAL = 17;

    private AgentWire() {
    }

    /** One frame as read: its type and a reader over its body. */
    record Frame(byte type, byte[] body) {
        DataInputStream fields() {
            return new DataInputStream(new ByteArrayInputStream(body));
        }
    }

    /** Writes the fields of a body. */
    @FunctionalInterface
    interface Fields {
        void write(DataOutputStream out) throws IOException;
    }

    /** The next frame, or null at a clean end of the stream (between frames). */
    static Frame read(DataInputStream in) throws IOException {
        int first = in.read();
        if (first < 0) {
            return null;
        }
        int length = first << 24 | in.readUnsignedByte() << 16 | in.readUnsignedByte() << 8 | in.readUnsignedByte();
        if (length < 1 || length > MAX_FRAME) {
            throw new IOException("agent frame of " + Integer.toUnsignedString(length) + " bytes (1 to " + MAX_FRAME
                    + " allowed): the stream is out of step");
        }
        byte type = in.readByte();
        byte[] body = new byte[length - 1];
        try {
            in.readFully(body);
        } catch (EOFException e) {
            throw new EOFException("the stream ended inside a frame of " + length + " bytes");
        }
        return new Frame(type, body);
    }

    /** The body {@code fields} write, as bytes. */
    static byte[] body(Fields fields) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(64);
        try {
            fields.write(new DataOutputStream(b));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return b.toByteArray();
    }

    /** Writes frames from any thread, each whole and flushed. */
    static final class Output {
        private final DataOutputStream out;

        Output(DataOutputStream out) {
            this.out = out;
        }

        synchronized void write(byte type, Fields fields) throws IOException {
            byte[] body = body(fields);
            out.writeInt(body.length + 1);
            out.writeByte(type);
            out.write(body);
            out.flush();
        }

        synchronized void close() throws IOException {
            out.close();
        }
    }

    /** {@code s} fit for writeUTF: null as the empty string, at most 8000 characters. */
    static String text(String s) {
        if (s == null) {
            return "";
        }
        return s.length() <= 8000 ? s : s.substring(0, 8000) + "...";
    }
}
