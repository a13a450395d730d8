package org.nlwb.decoder.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.AttributeSet;
import org.nlwb.decoder.decode.DecodeScope;
import org.nlwb.decoder.decode.Values;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.registry.MessageClass;
import org.nlwb.decoder.registry.MessageClassResolver;
import org.nlwb.decoder.registry.MessageContext;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;

/**
 * What is known of any generic netlink or nfnetlink message when no spec knows its family: the
 * 4-byte genlmsghdr or nfgenmsg, then attributes read by the walker's guesses (marked unknown).
 * Better than an opaque payload for a family whose id the capture never announced.
 *
 * <pre>
 *  genlmsghdr: | cmd u8 | version u8 | reserved u16 |
 *  nfgenmsg:   | nfgen_family u8 | version u8 | res_id be16 |     nlmsg_type = subsystem &lt;&lt; 8 | message
 * </pre>
 */
public final class GenericFallback implements MessageClass {
    private static final String[] NFNL_SUBSYS = {"NFNL_SUBSYS_NONE", "NFNL_SUBSYS_CTNETLINK", "NFNL_SUBSYS_CTNETLINK_EXP",
        "NFNL_SUBSYS_QUEUE", "NFNL_SUBSYS_ULOG", "NFNL_SUBSYS_OSF", "NFNL_SUBSYS_IPSET", "NFNL_SUBSYS_ACCT",
        "NFNL_SUBSYS_CTNETLINK_TIMEOUT", "NFNL_SUBSYS_CTHELPER", "NFNL_SUBSYS_NFTABLES", "NFNL_SUBSYS_NFT_COMPAT",
        "NFNL_SUBSYS_HOOK"};

    private final boolean netfilter;

    private GenericFallback(boolean netfilter) {
        this.netfilter = netfilter;
    }

    /** The generic netlink fallback ({@code genl}). */
    public static GenericFallback genl() {
        return new GenericFallback(false);
    }

    /** The nfnetlink fallback ({@code nfnetlink}). */
    public static GenericFallback nfnetlink() {
        return new GenericFallback(true);
    }

    /** A resolver taking every message of its protocol with a body long enough for the header. */
    public MessageClassResolver resolver() {
        return (msg, body) -> msg.header() != null && msg.header().type() >= 0x10 && body.length() >= 4
                ? Optional.of(this) : Optional.empty();
    }

    public int protocol() {
        return netfilter ? Protocol.NETFILTER : Protocol.GENERIC;
    }

    @Override
    public String name() {
        return netfilter ? "nfnetlink" : "genl";
    }

    @Override
    public String typeName(MessageContext msg) {
        if (netfilter && msg.header() != null) {
            int t = msg.header().type();
            if (t == 0x10) {
                return "NFNL_MSG_BATCH_BEGIN";
            }
            if (t == 0x11) {
                return "NFNL_MSG_BATCH_END";
            }
        }
        return null;
    }

    /** Generic netlink: nlmsg_type is a family id no spec or capture named. */
    @Override
    public String headerTypeName(MessageContext msg) {
        return netfilter || msg.header() == null ? typeName(msg) : "0x" + Integer.toHexString(msg.header().type())
                + " (unknown family)";
    }

    @Override
    public List<Node> decodeBody(MessageContext msg, ByteView body, DecodeScope scope) {
        List<Node> out = new ArrayList<>();
        if (body.length() < 4) {
            if (!body.isEmpty()) {
                out.add(new Node(netfilter ? "nfgenmsg" : "genlmsghdr", null, body.base(), body.length(), body.hex(),
                        Values.spacedHex(body, 8), Status.MALFORMED, "needs 4 bytes, the body has " + body.length(), List.of()));
            }
            return out;
        }
        int o = body.base();
        if (netfilter) {
            int type = msg.header() == null ? 0 : msg.header().type();
            int subsys = type >> 8;
            String sub = subsys < NFNL_SUBSYS.length ? NFNL_SUBSYS[subsys] : "subsystem " + subsys;
            out.add(new Node("nfgenmsg", null, o, 4, null, sub + " message " + (type & 0xff), Status.OK,
                    "no spec knows " + sub + " message " + (type & 0xff), List.of(
                    Node.leaf("nfgen_family", o, 1, (long) body.u8(0), Integer.toString(body.u8(0))),
                    Node.leaf("version", o + 1, 1, (long) body.u8(1), Integer.toString(body.u8(1))),
                    Node.leaf("res_id", o + 2, 2, (long) body.be16(2), Integer.toString(body.be16(2))))));
        } else {
            int id = msg.header() == null ? -1 : msg.header().type();
            out.add(new Node("genlmsghdr", null, o, 4, null, "cmd " + body.u8(0), Status.OK,
                    "no spec for generic netlink family id 0x" + Integer.toHexString(id)
                            + " (its CTRL_CMD_NEWFAMILY is not in the capture; name it with --genl-family ID=NAME)", List.of(
                    Node.leaf("cmd", o, 1, (long) body.u8(0), Integer.toString(body.u8(0))),
                    Node.leaf("version", o + 1, 1, (long) body.u8(1), Integer.toString(body.u8(1))),
                    Node.leaf("reserved", o + 2, 2, (long) body.u16le(2), Integer.toString(body.u16le(2))))));
        }
        ByteView rest = body.from(4);
        if (!rest.isEmpty()) {
            out.addAll(scope.walk(rest, AttributeSet.unknown(netfilter ? "nfnetlink-attrs" : "genl-attrs")));
        }
        return out;
    }
}
