package org.nlwb.decoder.read;

import java.util.function.Consumer;
import org.nlwb.decoder.bytes.Printable;

/**
 * What nlwb's pcapng packet comment ({@code "nlwb: pid=12 fd=3 syscall=sendmsg"}, see
 * {@link PcapReader#COMMENT_PREFIX}) says about a record; -1 and null for what it does not say.
 */
record PacketComment(int pid, int fd, String syscall) {
    static final PacketComment NONE = new PacketComment(-1, -1, null);

    /** {@code comment} (null, or any text) read; a bad number goes to {@code bad} as a sentence. */
    static PacketComment parse(String comment, Consumer<String> bad) {
        if (comment == null || !comment.startsWith(PcapReader.COMMENT_PREFIX)) {
            return NONE;
        }
        int pid = -1;
        int fd = -1;
        String syscall = null;
        for (String kv : comment.substring(PcapReader.COMMENT_PREFIX.length()).trim().split("\\s+")) {
            int eq = kv.indexOf('=');
            String k = eq < 0 ? kv : kv.substring(0, eq);
            String v = eq < 0 ? "" : kv.substring(eq + 1);
            try {
                switch (k) {
                    case "pid" -> pid = Integer.parseInt(v);
                    case "fd" -> fd = Integer.parseInt(v);
                    case "syscall" -> syscall = Printable.escape(v);
                    default -> { }
                }
            } catch (NumberFormatException e) {
                bad.accept("packet comment has a bad " + TextLines.quote(k) + " value: " + TextLines.quote(v));
            }
        }
        return new PacketComment(pid, fd, syscall);
    }
}
