package org.nlwb.capture.groups;

import static org.nlwb.decoder.message.Netlink.CTRL_ATTR_FAMILY_ID;
import static org.nlwb.decoder.message.Netlink.CTRL_ATTR_FAMILY_NAME;
import static org.nlwb.decoder.message.Netlink.CTRL_ATTR_MCAST_GROUPS;
import static org.nlwb.decoder.message.Netlink.CTRL_ATTR_MCAST_GRP_ID;
import static org.nlwb.decoder.message.Netlink.CTRL_ATTR_MCAST_GRP_NAME;
import static org.nlwb.decoder.message.Netlink.CTRL_ATTR_VERSION;
import static org.nlwb.decoder.message.Netlink.CTRL_CMD_GETFAMILY;
import static org.nlwb.decoder.message.Netlink.GENL_HDRLEN;
import static org.nlwb.decoder.message.Netlink.GENL_ID_CTRL;
import static org.nlwb.decoder.message.Netlink.NLMSG_HDRLEN;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.nlwb.capture.socket.NetlinkExchange;
import org.nlwb.capture.socket.NetlinkSocket;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.message.AttributeCursor;
import org.nlwb.decoder.message.Errno;
import org.nlwb.decoder.message.MessageWriter;
import org.nlwb.decoder.message.NlFlags;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;

/**
 * Asks the kernel's nlctrl family (NETLINK_GENERIC, family id GENL_ID_CTRL = 0x10) about
 * generic netlink families: CTRL_CMD_GETFAMILY by name, or dumped.
 *
 * <pre>
 *  request:  | nlmsghdr type=0x10 | genlmsghdr cmd=CTRL_CMD_GETFAMILY(3) ver=1 | CTRL_ATTR_FAMILY_NAME(2) "name\0" |
 *  reply:    | nlmsghdr | genlmsghdr cmd=CTRL_CMD_NEWFAMILY(1) | CTRL_ATTR_FAMILY_ID(1) u16 | CTRL_ATTR_FAMILY_NAME |
 *            | CTRL_ATTR_VERSION(3) u32 | ... | CTRL_ATTR_MCAST_GROUPS(7) { 1: {GRP_NAME(1), GRP_ID(2)} 2: {...} } |
 * </pre>
 */
public final class GenlFamilies {
    private static final int TIMEOUT_MS = 5000;

    private GenlFamilies() {
    }

    /** The family named {@code name}; throws naming the known families when there is none. */
    public static GenlFamily byName(NetlinkSocket genl, String name) throws IOException {
        return byName(genl, name, null);
    }

    /**
     * As {@link #byName(NetlinkSocket, String)}; {@code tap} (nullable) receives the request and
     * the replies as records, so a capture can hold the CTRL_CMD_NEWFAMILY answer its decoder
     * learns the family id from (ids are assigned at run time).
     */
    public static GenlFamily byName(NetlinkSocket genl, String name, Consumer<Record> tap) throws IOException {
        requireGeneric(genl);
        byte[] req = MessageWriter.message(GENL_ID_CTRL, NlFlags.REQUEST | NlFlags.ACK)
                .u8(CTRL_CMD_GETFAMILY).u8(1).u16(0)
                .attrString(CTRL_ATTR_FAMILY_NAME, name).build();
        NetlinkExchange.Reply r = new NetlinkExchange(genl).tap(tap).request(req, TIMEOUT_MS);
        for (ByteView m : r.messages()) {
            if (m.u16le(4) == GENL_ID_CTRL) {
                return parse(m);
            }
        }
        if (r.error() == -2) {
            List<String> names = new ArrayList<>();
            for (GenlFamily f : all(genl)) {
                names.add(f.name());
            }
            throw new IOException("generic netlink family '" + name + "' does not exist in this kernel; it has: "
                    + String.join(", ", names));
        }
        throw new IOException("CTRL_CMD_GETFAMILY " + name + " failed: "
                + (r.complete() ? Errno.signedName(r.error()) + " " + Errno.text(r.error()) : "no reply within "
                + TIMEOUT_MS + " ms"));
    }

    /** Every family the kernel has (a CTRL_CMD_GETFAMILY dump). */
    public static List<GenlFamily> all(NetlinkSocket genl) throws IOException {
        return all(genl, null);
    }

    /** As {@link #all(NetlinkSocket)}, handing the exchange to {@code tap} (nullable) as records. */
    public static List<GenlFamily> all(NetlinkSocket genl, Consumer<Record> tap) throws IOException {
        requireGeneric(genl);
        byte[] req = MessageWriter.message(GENL_ID_CTRL, NlFlags.REQUEST | NlFlags.DUMP)
                .u8(CTRL_CMD_GETFAMILY).u8(1).u16(0).build();
        NetlinkExchange.Reply r = new NetlinkExchange(genl).tap(tap).request(req, TIMEOUT_MS);
        if (!r.complete() || r.error() != 0) {
            throw new IOException("CTRL_CMD_GETFAMILY dump failed: " + (r.complete() ? Errno.signedName(r.error())
                    : "incomplete after " + TIMEOUT_MS + " ms"));
        }
        List<GenlFamily> out = new ArrayList<>();
        for (ByteView m : r.messages()) {
            if (m.u16le(4) == GENL_ID_CTRL) {
                out.add(parse(m));
            }
        }
        return out;
    }

    private static void requireGeneric(NetlinkSocket s) {
        if (s.protocol() != Protocol.GENERIC) {
            throw new IllegalArgumentException("nlctrl answers on NETLINK_GENERIC sockets, not " + Protocol.name(s.protocol()));
        }
    }

    /** Reads a CTRL_CMD_NEWFAMILY message (bytes rebased to its nlmsghdr). */
    public static GenlFamily parse(ByteView m) throws IOException {
        int len = (int) Math.min(m.length(), m.u32le(0));
        if (len < 20) {
            throw new IOException("CTRL_CMD_NEWFAMILY reply of " + len + " bytes is too short for its genlmsghdr");
        }
        String name = null;
        int id = -1;
        int version = 0;
        List<MulticastGroup> groups = new ArrayList<>();
        AttributeCursor a = AttributeCursor.over(m, NLMSG_HDRLEN + GENL_HDRLEN, len);
        while (a.next()) {
            ByteView v = a.payload();
            switch (a.type()) {
                case CTRL_ATTR_FAMILY_ID -> id = v.length() >= 2 ? v.u16le(0) : -1;
                case CTRL_ATTR_FAMILY_NAME -> name = a.payloadString();
                case CTRL_ATTR_VERSION -> version = v.length() >= 4 ? v.s32le(0) : 0;
                case CTRL_ATTR_MCAST_GROUPS -> groups.addAll(groups(v));
                default -> { }
            }
        }
        if (name == null || id < 0) {
            throw new IOException("CTRL_CMD_NEWFAMILY reply lacks CTRL_ATTR_FAMILY_NAME or CTRL_ATTR_FAMILY_ID");
        }
        List<MulticastGroup> named = new ArrayList<>();
        for (MulticastGroup g : groups) {
            named.add(new MulticastGroup(name + ":" + g.name(), g.id()));
        }
        return new GenlFamily(name, id, version, List.copyOf(named));
    }

    /** CTRL_ATTR_MCAST_GROUPS: a nest of numbered nests, each a group's name and id. */
    private static List<MulticastGroup> groups(ByteView nest) {
        List<MulticastGroup> out = new ArrayList<>();
        AttributeCursor entry = new AttributeCursor(nest);
        while (entry.next()) {
            String gname = null;
            int gid = -1;
            AttributeCursor f = new AttributeCursor(entry.payload());
            while (f.next()) {
                if (f.type() == CTRL_ATTR_MCAST_GRP_NAME) {
                    gname = f.payloadString();
                } else if (f.type() == CTRL_ATTR_MCAST_GRP_ID && f.payload().length() >= 4) {
                    gid = f.payload().s32le(0);
                }
            }
            if (gname != null && gid > 0) {
                out.add(new MulticastGroup(gname, gid));
            }
        }
        return out;
    }
}
