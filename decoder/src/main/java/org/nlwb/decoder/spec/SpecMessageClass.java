package org.nlwb.decoder.spec;

import java.util.List;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.codec.FamilyCodecs;
import org.nlwb.decoder.decode.DecodeScope;
import org.nlwb.decoder.decode.Values;
import org.nlwb.decoder.message.FlagKind;
import org.nlwb.decoder.message.NlMsgHeader;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.registry.MessageClass;
import org.nlwb.decoder.registry.MessageContext;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.NodeList;
import org.nlwb.decoder.tree.Status;
import org.nlwb.decoder.ynl.Family;
import org.nlwb.decoder.ynl.OpMatch;
import org.nlwb.decoder.ynl.StructDef;

/**
 * The message class of a YNL family. The body is, in order:
 *
 * <pre>
 *  generic netlink:  | genlmsghdr: cmd u8 | version u8 | reserved u16 | fixed header? | attributes ... |
 *  netlink-raw:      | fixed header (ifinfomsg, nfgenmsg ...)                         | attributes ... |
 * </pre>
 *
 * The operation (and so the fixed header and attribute set) is chosen by {@link OpMatch} from the
 * message id (nlmsg_type for netlink-raw, the genlmsghdr's cmd for generic netlink), the
 * direction and the header's flags and sequence number.
 */
public final class SpecMessageClass implements MessageClass {
    public static final int GENL_HDRLEN = 4;

    private final FamilyCodecs codecs;
    private final Family family;
    /** For generic netlink: the cmd when the resolver already read it, else -1. */
    private final int knownCmd;
    /** Shared by the class and its {@link #forCommand} copies. */
    private final OpMatchCache matches;

    public SpecMessageClass(FamilyCodecs codecs) {
        this(codecs, -1, new OpMatchCache(codecs.family()));
    }

    private SpecMessageClass(FamilyCodecs codecs, int knownCmd, OpMatchCache matches) {
        this.codecs = codecs;
        this.family = codecs.family();
        this.knownCmd = knownCmd;
        this.matches = matches;
    }

    /** The same class, knowing the generic netlink cmd of the message at hand (for its type name). */
    public SpecMessageClass forCommand(int cmd) {
        return new SpecMessageClass(codecs, cmd, matches);
    }

    public Family family() {
        return family;
    }

    /** The codecs this class decodes its family's attributes with (plugin overrides included). */
    public FamilyCodecs codecs() {
        return codecs;
    }

    @Override
    public String name() {
        return family.name();
    }

    @Override
    public String typeName(MessageContext msg) {
        if (msg.header() == null) {
            return null;
        }
        int id = family.schema().isGeneric() ? knownCmd : msg.header().type();
        if (id < 0) {
            return null;
        }
        OpMatch m = match(msg, id);
        return m == null ? null : m.typeName();
    }

    /** In generic netlink nlmsg_type is the family id: {@code GENL_ID_CTRL}, or {@code devlink (0x14)}. */
    @Override
    public String headerTypeName(MessageContext msg) {
        if (!family.schema().isGeneric() || msg.header() == null) {
            return typeName(msg);
        }
        int id = msg.header().type();
        return id == GenlResolver.NLCTRL_ID ? "GENL_ID_CTRL" : family.name() + " (0x" + Integer.toHexString(id) + ")";
    }

    /** As the default, {@code NlFlags.kindOfName(typeName(msg))}, the kind of each name worked out once. */
    @Override
    public FlagKind flagKind(MessageContext msg) {
        return matches.kindOf(typeName(msg));
    }

    /** The operation a message of this family is, or null. */
    public OpMatch match(MessageContext msg, int id) {
        NlMsgHeader h = msg.header();
        return matches.find(id, msg.direction(), h == null ? 0 : h.flags(), h == null ? 0 : h.seq());
    }

    /** Whether this family has an operation with message id {@code id} in the message's direction. */
    public boolean knows(MessageContext msg, int id) {
        return match(msg, id) != null;
    }

    @Override
    public List<Node> decodeBody(MessageContext msg, ByteView body, DecodeScope scope) {
        NodeList.Builder out = NodeList.builder(4);
        ByteView rest = body;
        OpMatch m;
        if (family.schema().isGeneric()) {
            if (body.length() < GENL_HDRLEN) {
                if (!body.isEmpty()) {
                    out.add(new Node("genlmsghdr", null, body.base(), body.length(), body.hex(), Values.spacedHex(body, 8),
                            Status.MALFORMED, "a genlmsghdr needs 4 bytes, the body has " + body.length(), List.of()));
                }
                return out.build();
            }
            int cmd = body.u8(0);
            m = msg.header() == null ? null : match(msg, cmd);
            out.add(genlHeader(body, cmd, m));
            rest = body.from(GENL_HDRLEN);
        } else {
            m = msg.header() == null ? null : match(msg, msg.header().type());
        }
        String header = m != null ? m.op().fixedHeader() : null;
        String setName = m != null ? m.op().attributeSet() : null;
        if (header != null && !rest.isEmpty()) {
            // an empty body (the header-only echo in a capped NLMSG_ERROR) has no bytes to explain
            StructDef s = family.structs().get(header);
            int n = Math.min(rest.length(), s.size());
            Node h = codecs.structNode(s, rest.slice(0, n));
            if (m.note() != null && h.status() == Status.OK) {
                h = h.withStatus(Status.OK, m.note());
            }
            out.add(h);
            rest = rest.from(n);
        }
        if (!rest.isEmpty()) {
            if (m == null) {
                out.add(new Node("payload", null, rest.base(), rest.length(), rest.hex(), Values.spacedHex(rest, 64),
                        Status.UNKNOWN, family.name() + " has no operation with this id", List.of()));
            } else {
                out.addAll(scope.walk(rest, codecs.set(setName)));
            }
        }
        return out.build();
    }

    private Node genlHeader(ByteView body, int cmd, OpMatch m) {
        int o = body.base();
        String cmdName = m == null ? Integer.toString(cmd) : m.typeName() + " (" + cmd + ")";
        Node cmdNode = Node.leaf("cmd", o, 1, (long) cmd, cmdName);
        if (m == null) {
            cmdNode = cmdNode.withStatus(Status.UNKNOWN, family.name() + " has no command " + cmd + " in this direction");
        } else if (m.note() != null) {
            cmdNode = cmdNode.withStatus(Status.OK, m.note());
        }
        return new Node("genlmsghdr", null, o, GENL_HDRLEN, null, m == null ? "cmd " + cmd : m.typeName(), Status.OK, null,
                List.of(cmdNode,
                        Node.leaf("version", o + 1, 1, (long) body.u8(1), Integer.toString(body.u8(1))),
                        Node.leaf("reserved", o + 2, 2, (long) body.u16le(2), Integer.toString(body.u16le(2)))));
    }

    @Override
    public Direction direction() {
        return null;
    }
}
