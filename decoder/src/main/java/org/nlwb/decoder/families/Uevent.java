package org.nlwb.decoder.families;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.DecodeScope;
import org.nlwb.decoder.decode.Decoded;
import org.nlwb.decoder.decode.ValueType;
import org.nlwb.decoder.decode.Values;
import org.nlwb.decoder.message.FlagKind;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.registry.MessageClass;
import org.nlwb.decoder.registry.MessageContext;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;

/**
 * NETLINK_KOBJECT_UEVENT datagrams, which carry no nlmsghdr (the framer hands them over as RAW
 * frames). Two formats share the protocol:
 *
 * <pre>
 *  kernel (group 1):  ACTION@DEVPATH \0 KEY=VALUE \0 KEY=VALUE \0 ...
 *
 *  udevd (group 2), struct udev_monitor_netlink_header, then properties:
 *   0          8           12            16               20                24
 *   | "libudev\0" | magic be32 | header_size | properties_off | properties_len |
 *   | filter_subsystem_hash be32 | filter_devtype_hash be32 | filter_tag_bloom_hi be32 | _lo be32 |
 *   40 (header_size)      properties_off: KEY=VALUE \0 ... (properties_len bytes)
 * </pre>
 *
 * magic is 0xfeedcafe in network order; the sizes and offsets are host order.
 */
final class Uevent implements MessageClass {
    static final String NAME = "uevent";
    static final long UDEV_MAGIC = 0xfeedcafeL;

    static final StructLayout UDEV_HEADER = StructLayout.builder("udev_monitor_netlink_header")
            .text("prefix", 8)
            .custom("magic", 4, v -> {
                long m = v.be32(0);
                Decoded d = Decoded.of(m, String.format("0x%08x", m));
                return m == UDEV_MAGIC ? d : d.withStatus(Status.MALFORMED, "udev magic is 0xfeedcafe");
            })
            .field("header_size", ValueType.U32)
            .field("properties_off", ValueType.U32)
            .field("properties_len", ValueType.U32)
            .custom("filter_subsystem_hash", 4, v -> hash(v))
            .custom("filter_devtype_hash", 4, v -> hash(v))
            .custom("filter_tag_bloom_hi", 4, v -> hash(v))
            .custom("filter_tag_bloom_lo", 4, v -> hash(v))
            .build();

    private static Decoded hash(ByteView v) {
        long h = v.be32(0);
        return Decoded.of(h, String.format("0x%08x", h));
    }

    static void contribute(Registry.Builder r) {
        Uevent u = new Uevent();
        r.add(u);
        r.resolver(Protocol.KOBJECT_UEVENT, (msg, body) -> msg.header() == null ? Optional.of(u) : Optional.empty());
        // Raw frames of an unnamed protocol are framed as RAW only when they look like a uevent.
        r.resolver(Protocol.UNKNOWN, (msg, body) -> msg.header() == null && looksLikeUevent(body)
                ? Optional.of(u) : Optional.empty());
    }

    static boolean looksLikeUevent(ByteView d) {
        if (d.length() >= 8 && d.latin1(0, 8).equals("libudev\0")) {
            return true;
        }
        int at = d.indexOf('@', 0);
        int nul = d.indexOf(0, 0);
        return at > 0 && (nul < 0 || at < nul) && d.length() > at + 1 && d.u8(at + 1) == '/';
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String typeName(MessageContext msg) {
        return "uevent";
    }

    @Override
    public FlagKind flagKind(MessageContext msg) {
        return FlagKind.OTHER;
    }

    @Override
    public List<Node> decodeBody(MessageContext msg, ByteView body, DecodeScope scope) {
        if (body.length() >= 8 && body.latin1(0, 8).equals("libudev\0")) {
            return udev(body);
        }
        List<Node> out = new ArrayList<>();
        int nul = body.indexOf(0, 0);
        int end = nul < 0 ? body.length() : nul + 1;
        ByteView head = body.slice(0, end);
        String text = head.utf8(0, nul < 0 ? end : nul);
        int at = text.indexOf('@');
        Status st = at > 0 ? Status.OK : Status.MALFORMED;
        out.add(new Node("ACTION@DEVPATH", null, head.base(), end, text, Values.quote(text), st,
                at > 0 ? null : "a kernel uevent starts with ACTION@DEVPATH", List.of()));
        out.addAll(properties(body.from(end)));
        return out;
    }

    private static List<Node> udev(ByteView body) {
        List<Node> out = new ArrayList<>();
        out.add(UDEV_HEADER.node(UDEV_HEADER.name(), body));
        if (body.length() < UDEV_HEADER.size()) {
            return out;
        }
        long headerSize = body.u32le(12);
        long off = body.u32le(16);
        long len = body.u32le(20);
        int pos = UDEV_HEADER.size();
        if (off < pos || off > body.length() || len > body.length() - off) {
            ByteView rest = body.from(pos);
            if (!rest.isEmpty()) {
                out.add(new Node("properties", null, rest.base(), rest.length(), rest.hex(), Values.spacedHex(rest, 32),
                        Status.MALFORMED, "properties_off " + off + " / properties_len " + len + " do not fit the "
                        + body.length() + "-byte datagram (header_size " + headerSize + ")", List.of()));
            }
            return out;
        }
        if (off > pos) {
            ByteView gap = body.slice(pos, (int) off - pos);
            out.add(new Node("header extension", null, gap.base(), gap.length(), gap.hex(), Values.spacedHex(gap, 32),
                    Status.UNKNOWN, "bytes between the 40-byte header this decoder knows and properties_off", List.of()));
        }
        out.addAll(properties(body.slice((int) off, (int) len)));
        int after = (int) (off + len);
        if (after < body.length()) {
            ByteView rest = body.from(after);
            out.add(new Node("trailing", null, rest.base(), rest.length(), rest.hex(), Values.spacedHex(rest, 32),
                    rest.allZero() ? Status.PADDING : Status.UNKNOWN, "bytes after properties_off + properties_len", List.of()));
        }
        return out;
    }

    /** {@code KEY=VALUE\0} entries, each a node named KEY whose value is VALUE. */
    static List<Node> properties(ByteView p) {
        List<Node> out = new ArrayList<>();
        int off = 0;
        while (off < p.length()) {
            int nul = p.indexOf(0, off);
            int end = nul < 0 ? p.length() : nul + 1;
            ByteView e = p.slice(off, end - off);
            String s = e.utf8(0, nul < 0 ? e.length() : e.length() - 1);
            int eq = s.indexOf('=');
            if (s.isEmpty()) {
                out.add(Node.padding(e.base(), e.length()));
            } else if (eq <= 0) {
                out.add(new Node("property", null, e.base(), e.length(), s, Values.quote(s), Status.MALFORMED,
                        "a property is KEY=VALUE", List.of()));
            } else {
                String v = s.substring(eq + 1);
                out.add(new Node(s.substring(0, eq), null, e.base(), e.length(), v, Values.quote(v),
                        nul < 0 ? Status.MALFORMED : Status.OK, nul < 0 ? "the last property is not NUL-terminated" : null,
                        List.of()));
            }
            off = end;
        }
        return out;
    }

    @Override
    public String summary(Node tree) {
        String action = value(tree, "ACTION");
        String path = value(tree, "DEVPATH");
        String subsystem = value(tree, "SUBSYSTEM");
        String from = tree.child("udev_monitor_netlink_header") != null ? "udev" : "kernel";
        return "uevent (" + from + ") " + (action == null ? "?" : action) + " " + (path == null ? "" : path)
                + (subsystem == null ? "" : " [" + subsystem + "]");
    }

    private static String value(Node tree, String key) {
        Node n = tree.child(key);
        return n != null && n.value() instanceof String s ? s : null;
    }
}
