package org.nlwb.app.cli;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.nlwb.decoder.encode.EncodeException;
import org.nlwb.decoder.encode.MessageEncoder;
import org.nlwb.decoder.encode.Request;
import org.nlwb.decoder.ynl.Family;

/**
 * What one {@code nlwb send} puts in its datagram, before a target is chosen: pieces in order,
 * each a request described by spec (encoded once its generic netlink family id is known on the
 * target) or bytes as given. Immutable.
 *
 * <pre>
 *  | piece 1, padded to 4 bytes | piece 2, padded | ... | last piece, exactly as given |
 * </pre>
 *
 * @param title    how the report names it ({@code rt-link do getlink}, {@code route bytes})
 * @param protocol the netlink protocol of the socket
 * @param fixUp    whether the sender overwrites nlmsg_seq and nlmsg_pid of every message
 */
record SendPlan(String title, int protocol, List<Piece> pieces, boolean fixUp) {
    /** A generic netlink family id for the dry run, which asks no kernel. */
    static final int PLACEHOLDER_ID = 0xfff0;

    SendPlan {
        pieces = List.copyOf(pieces);
    }

    /** One part of the datagram. */
    sealed interface Piece permits Described, Raw {
    }

    /** A request by spec names; {@code family} is the spec family it encodes through. */
    record Described(Request request, Family family) implements Piece {
        /** The generic netlink family whose id it needs from the kernel, or null (netlink-raw, nlctrl). */
        String genlFamily() {
            return family.schema().isGeneric() && !family.name().equals("nlctrl") ? family.name() : null;
        }
    }

    /**
     * Bytes sent as they are; one or several messages, malformed ones included.
     *
     * @param genlFamily for a replayed generic netlink message, the family whose id nlmsg_type gets
     *                   on the target (ids differ from boot to boot), else null
     */
    record Raw(byte[] bytes, String genlFamily) implements Piece {
        Raw {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    /** A generic netlink family as the target's kernel numbers it; {@code version} -1 keeps the request's own. */
    record GenlId(int id, int version) {
    }

    /** Where the ids come from: the target's nlctrl, or the dry run's placeholder. */
    @FunctionalInterface
    interface GenlIds {
        GenlId of(String family);
    }

    /** The generic netlink families whose ids the target must be asked for, in order. */
    Set<String> genlFamilies() {
        Set<String> out = new LinkedHashSet<>();
        for (Piece p : pieces) {
            String name = p instanceof Described d ? d.genlFamily() : ((Raw) p).genlFamily();
            if (name != null) {
                out.add(name);
            }
        }
        return out;
    }

    /** The datagram, with each generic netlink family id from {@code ids}. */
    byte[] datagram(MessageEncoder encoder, GenlIds ids) throws EncodeException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < pieces.size(); i++) {
            byte[] b = bytes(pieces.get(i), encoder, ids);
            out.writeBytes(b);
            if (i < pieces.size() - 1) {
                out.writeBytes(new byte[(4 - b.length % 4) % 4]); // NLMSG_ALIGN between messages
            }
        }
        return out.toByteArray();
    }

    /**
     * One message of the datagram as {@code --check} reads it.
     *
     * @param index  the piece's place in the datagram
     * @param family its spec family, or null (bytes as given that name none, a family no spec has)
     */
    record Checkable(int index, Family family, byte[] bytes) {
    }

    /** Every piece as a message to check, encoded with a made-up family id (the checks read no ids). */
    List<Checkable> checkables(MessageEncoder encoder, java.util.function.Function<String, Family> families)
            throws EncodeException {
        List<Checkable> out = new java.util.ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            Piece p = pieces.get(i);
            Family f = p instanceof Described d ? d.family()
                    : ((Raw) p).genlFamily() == null ? null : families.apply(((Raw) p).genlFamily());
            out.add(new Checkable(i, f, bytes(p, encoder, name -> new GenlId(0, -1))));
        }
        return out;
    }

    /** Encodes every described piece once with a made-up id: every mistake is found before anything is made or sent. */
    void check(MessageEncoder encoder) throws EncodeException {
        datagram(encoder, name -> new GenlId(0, -1));
    }

    private static byte[] bytes(Piece p, MessageEncoder encoder, GenlIds ids) throws EncodeException {
        if (p instanceof Described d) {
            Request r = d.request();
            GenlId id = d.genlFamily() == null ? new GenlId(0, -1) : ids.of(d.genlFamily());
            if (id.version() >= 0) {
                r = r.withHeader(r.seq(), r.pid(), id.version());
            }
            return encoder.encode(r, name -> id.id()).bytes();
        }
        Raw raw = (Raw) p;
        byte[] b = raw.bytes();
        if (raw.genlFamily() != null && b.length >= 6) {
            int id = ids.of(raw.genlFamily()).id();
            b[4] = (byte) id;
            b[5] = (byte) (id >>> 8);
        }
        return b;
    }
}
