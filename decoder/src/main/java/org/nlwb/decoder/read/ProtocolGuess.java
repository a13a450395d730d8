package org.nlwb.decoder.read;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.message.AttributeCursor;
import org.nlwb.decoder.message.Frame;
import org.nlwb.decoder.message.FrameKind;
import org.nlwb.decoder.message.Framer;
import org.nlwb.decoder.message.NlFlags;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;

/**
 * The netlink protocol of records whose source does not say (plain hex, pyroute2 dumps), guessed
 * from their content, and only where the content allows one reading:
 *
 * <ul>
 *   <li>rtnetlink: an RTM_* type whose fixed header ({@code ifinfomsg} for RTM_*LINK, {@code rtmsg}
 *       for RTM_*ROUTE ...) is followed by attributes that tile the rest;</li>
 *   <li>generic netlink: a {@code genlmsghdr} (version 1-3, or 0 -- libnl's requests say 0 -- for
 *       types below 0x100, where no nfnetlink subsystem is; reserved 0) followed by attributes;</li>
 *   <li>nfnetlink: a known subsystem in the type's upper byte, an {@code nfgenmsg} of version 0,
 *       then attributes.</li>
 * </ul>
 *
 * A message more than one reading fits (a genl family id that is also an RTM_* type, both tiling)
 * gets no guess. Records that are only control messages (ACKs, NLMSG_DONE) take the protocol the
 * other records of the file agree on. {@code --protocol} is applied before this and always wins; a
 * message left unguessed whose type a genl id mapping names is read as generic netlink when it is
 * decoded (MessageDecoder).
 */
public final class ProtocolGuess {
    /** sizeof the fixed header of each RTM_* group (RTM_BASE + 4 * i): ifinfomsg, ifaddrmsg, rtmsg ... 0 = none known. */
    private static final int[] RTM_HEADER = {16, 8, 12, 12, 12, 20, 20, 20, 4, 12, 8, 8, 4, 16, 12, 4, 4, 8, 4, 12, 0,
        20, 8, 16, 8, 8, 8};
    private static final int RTM_BASE = 16;
    private static final int NFNL_SUBSYS_MAX = 12;

    private ProtocolGuess() {
    }

    /**
     * {@code records} with the protocol filled in where it was unknown and the content says it, and
     * for each the note to show (null where nothing was guessed).
     */
    public static List<Guessed> apply(List<Record> records) {
        List<Guessed> out = new ArrayList<>(records.size());
        int agreed = Protocol.UNKNOWN;
        boolean conflict = false;
        List<OptionalInt> guesses = new ArrayList<>();
        for (Record r : records) {
            OptionalInt g = r.protocol() >= 0 ? OptionalInt.empty() : of(r.bytes());
            guesses.add(g);
            if (g.isPresent()) {
                conflict |= agreed >= 0 && agreed != g.getAsInt();
                agreed = g.getAsInt();
            }
        }
        for (int i = 0; i < records.size(); i++) {
            Record r = records.get(i);
            OptionalInt g = guesses.get(i);
            if (g.isPresent()) {
                out.add(new Guessed(r.withProtocol(g.getAsInt()), note(g.getAsInt(), "its content")));
            } else if (r.protocol() < 0 && agreed >= 0 && !conflict && onlyControl(r.bytes())) {
                out.add(new Guessed(r.withProtocol(agreed), note(agreed, "the other messages of the file")));
            } else {
                out.add(new Guessed(r, null));
            }
        }
        return out;
    }

    /** A record, and why its protocol is what it is when it was guessed. */
    public record Guessed(Record record, String note) {
    }

    static String note(int protocol, String from) {
        return "protocol guessed from " + from + ": " + Protocol.name(protocol) + " (--protocol decides)";
    }

    /** The one protocol the datagram's first non-control message fits, if only one does. */
    static OptionalInt of(ByteView datagram) {
        for (Frame f : Framer.frames(datagram, Protocol.UNKNOWN)) {
            if (f.kind() != FrameKind.MESSAGE) {
                return OptionalInt.empty();
            }
            ByteView m = datagram.slice(f.offset(), f.length());
            int type = m.u16le(4);
            if (type < RTM_BASE) {
                continue;
            }
            int flags = m.u16le(6);
            ByteView body = m.from(16);
            boolean route = fitsRoute(type, flags, body);
            boolean generic = fitsGenetlink(type, body);
            boolean netfilter = fitsNfnetlink(type, body);
            int fits = (route ? 1 : 0) + (generic ? 1 : 0) + (netfilter ? 1 : 0);
            if (fits != 1) {
                return OptionalInt.empty();
            }
            return OptionalInt.of(route ? Protocol.ROUTE : generic ? Protocol.GENERIC : Protocol.NETFILTER);
        }
        return OptionalInt.empty();
    }

    static boolean onlyControl(ByteView datagram) {
        List<Frame> frames = Framer.frames(datagram, Protocol.UNKNOWN);
        return !frames.isEmpty() && frames.stream().allMatch(f -> f.kind() == FrameKind.MESSAGE
                && datagram.u16le(f.offset() + 4) < RTM_BASE);
    }

    private static boolean fitsRoute(int type, int flags, ByteView body) {
        int group = (type - RTM_BASE) / 4;
        if (group >= RTM_HEADER.length || RTM_HEADER[group] == 0) {
            return false;
        }
        int hdr = RTM_HEADER[group];
        if (body.length() < hdr) {
            // dump requests may carry only the family (struct rtgenmsg)
            return (flags & NlFlags.REQUEST) != 0 && (flags & NlFlags.DUMP) != 0 && body.length() >= 1;
        }
        return tiles(body, hdr);
    }

    private static boolean fitsGenetlink(int type, ByteView body) {
        int version = body.length() >= 4 ? body.u8(1) : -1;
        boolean versionFits = version >= 1 && version <= 3 || version == 0 && type < 0x100;
        return versionFits && body.u16le(2) == 0 && tiles(body, 4);
    }

    private static boolean fitsNfnetlink(int type, ByteView body) {
        int subsys = type >> 8;
        return subsys >= 1 && subsys <= NFNL_SUBSYS_MAX && body.length() >= 4 && body.u8(1) == 0 && tiles(body, 4);
    }

    /** Whether the bytes after {@code from} are empty or frame exactly as attributes. */
    private static boolean tiles(ByteView body, int from) {
        if (body.length() == from) {
            return true;
        }
        AttributeCursor c = AttributeCursor.over(body, from, body.length());
        int n = 0;
        while (c.next()) {
            n++;
        }
        return n > 0 && c.stop() == AttributeCursor.Stop.END;
    }
}
