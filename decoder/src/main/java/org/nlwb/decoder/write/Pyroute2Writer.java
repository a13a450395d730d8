package org.nlwb.decoder.write;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.message.Frame;
import org.nlwb.decoder.message.FrameKind;
import org.nlwb.decoder.message.Framer;
import org.nlwb.decoder.message.NlFlags;
import org.nlwb.decoder.message.FlagKind;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;

/**
 * Writes a pyroute2 dump ({@code .data}): {@code \xHH} lines, 16 bytes a line, each message
 * headed by a {@code #} comment naming it, each record by a comment with what the source knew
 * (direction, protocol, pid, syscall, time, location). Flushed after every record.
 *
 * <pre>
 * # record 2: from kernel, NETLINK_ROUTE, pid 21540 fd 4 recvmsg, 1795855683.367328000, ip.strace.txt:29
 * # message 2.1 @ 0: nlmsg_len=1100 type=0x10 flags=0 seq=1795855684 pid=2529230866
 * \x4c\x04\x00\x00\x10\x00\x00\x00\x44\x95\x0a\x6b\x12\x00\xc1\x96
 * ...
 * </pre>
 *
 * A {@code # protocol: route} comment precedes the first record of each protocol, so nlwb reads
 * the protocol back (a file mixing protocols comes back with the last one named).
 *
 * <p>pyroute2 reads a dump as one run of bytes split by nlmsg_len, so the records of a capture come
 * back as one record (the bytes and every message are unchanged; the per-record facts live on
 * only in the comments). A record whose length is not a multiple of 4 would shift the messages
 * after it; the writer says so in a comment.
 */
public final class Pyroute2Writer implements RecordWriter {
    private static final int BYTES_PER_LINE = 16;
    private final Writer out;
    private final TypeNamer namer;
    private int records;
    private int protocol = Protocol.UNKNOWN;

    /**
     * @param source what the records came from, for the header comment (may be null)
     */
    public Pyroute2Writer(OutputStream out, String source, TypeNamer namer) throws IOException {
        this.out = new OutputStreamWriter(Objects.requireNonNull(out, "out"), StandardCharsets.US_ASCII);
        this.namer = Objects.requireNonNull(namer, "namer");
        this.out.write("# pyroute2 hex dump written by nlwb" + (source == null ? "" : " from " + oneLine(source)) + "\n");
        this.out.write("# records are concatenated; messages are split by nlmsg_len\n");
        this.out.flush();
    }

    public Pyroute2Writer(OutputStream out, String source) throws IOException {
        this(out, source, TypeNamer.controlOnly());
    }

    @Override
    public void write(Record r) throws IOException {
        records++;
        StringBuilder sb = new StringBuilder();
        if (r.protocol() >= 0 && r.protocol() != protocol) {
            // nlwb's readers take this comment as the protocol of what follows; pyroute2 ignores it
            sb.append("\n# protocol: ").append(Protocol.shortName(r.protocol()));
            protocol = r.protocol();
        }
        sb.append("\n# record ").append(records).append(": ").append(switch (r.direction()) {
                    case TO_KERNEL -> "to kernel";
                    case FROM_KERNEL -> "from kernel";
                    case UNKNOWN -> "direction unknown";
                })
                .append(", ").append(Protocol.name(r.protocol()));
        if (r.pid() >= 0) {
            sb.append(", pid ").append(r.pid());
        }
        if (r.fd() >= 0) {
            sb.append(" fd ").append(r.fd());
        }
        if (r.syscall() != null) {
            sb.append(' ').append(r.syscall());
        }
        if (r.timeNanos() >= 0) {
            sb.append(", ").append(time(r.timeNanos()));
        }
        if (r.location() != null) {
            sb.append(", ").append(oneLine(r.location()));
        }
        sb.append('\n');
        ByteView bytes = r.bytes();
        if (bytes.length() % 4 != 0) {
            sb.append("# note: ").append(bytes.length())
                    .append(" bytes, not a multiple of 4: messages after this record will be misframed when read back\n");
        }
        List<Frame> frames = Framer.frames(bytes, r.protocol());
        for (int i = 0; i < frames.size(); i++) {
            Frame f = frames.get(i);
            int end = i + 1 < frames.size() ? frames.get(i + 1).offset() : bytes.length();
            sb.append("# message ").append(records).append('.').append(i + 1).append(" @ ").append(f.offset())
                    .append(": ").append(describe(f, bytes, r.protocol())).append('\n');
            hexLines(sb, bytes, f.offset(), end);
        }
        out.write(sb.toString());
        out.flush();
    }

    private String describe(Frame f, ByteView bytes, int protocol) {
        if (f.kind() == FrameKind.RAW) {
            return "raw (no nlmsghdr), " + f.length() + " bytes";
        }
        if (f.kind() != FrameKind.MESSAGE) {
            return f.kind().name().toLowerCase(java.util.Locale.ROOT) + ", " + f.length() + " bytes: " + f.note();
        }
        ByteView m = bytes.slice(f.offset(), f.length());
        int type = m.u16le(4);
        String name = namer.name(protocol, type);
        return "nlmsg_len=" + m.u32le(0) + " type=" + (name != null ? name : String.format("0x%x", type))
                + " flags=" + NlFlags.describe(m.u16le(6), FlagKind.OTHER) + " seq=" + m.u32le(8) + " pid=" + m.u32le(12);
    }

    private static void hexLines(StringBuilder sb, ByteView b, int from, int to) {
        for (int i = from; i < to; i += BYTES_PER_LINE) {
            for (int j = i; j < Math.min(to, i + BYTES_PER_LINE); j++) {
                sb.append(String.format("\\x%02x", b.u8(j)));
            }
            sb.append('\n');
        }
    }

    private static String time(long nanos) {
        Instant t = Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L);
        return t.getEpochSecond() + "." + String.format("%09d", t.getNano());
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ');
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
