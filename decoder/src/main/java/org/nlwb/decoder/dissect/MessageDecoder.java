package org.nlwb.decoder.dissect;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.AttributeSet;
import org.nlwb.decoder.decode.AttributeWalker;
import org.nlwb.decoder.decode.Conversation;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.decode.Guess;
import org.nlwb.decoder.decode.SimpleAttributeSet;
import org.nlwb.decoder.decode.Summaries;
import org.nlwb.decoder.decode.ValueType;
import org.nlwb.decoder.decode.Values;
import org.nlwb.decoder.message.ControlType;
import org.nlwb.decoder.message.Errno;
import org.nlwb.decoder.message.FlagKind;
import org.nlwb.decoder.message.FrameKind;
import org.nlwb.decoder.message.Netlink;
import org.nlwb.decoder.message.NlFlags;
import org.nlwb.decoder.message.NlMsgHeader;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.registry.MessageClass;
import org.nlwb.decoder.registry.MessageContext;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.NodeList;
import org.nlwb.decoder.tree.Status;

/**
 * Turns one framed message into its tree: the nlmsghdr, the control messages every protocol
 * shares (NLMSG_NOOP, NLMSG_ERROR with the embedded request and ext-ACK TLVs, NLMSG_DONE,
 * NLMSG_OVERRUN), and the body through the message class the {@link Registry} picks (or the one
 * forced by name). Stateless apart from its registry: safe to share between threads.
 *
 * <p>Contract: never throws on bad bytes. The tree's root covers the whole message, its leaves
 * tile it exactly, and what could not be explained is marked {@code unknown}, {@code malformed},
 * {@code padding} or {@code trailing}. Every call into a message class, resolver or fixer (a
 * plugin's code) goes through {@link PluginCalls}: what it throws, or a result that breaks the
 * tiling, is a malformed node with a note naming the plugin, never an exception or a broken tree.
 */
public final class MessageDecoder {
    /** GENL_MIN_ID: generic netlink family ids start here (0x10, nlctrl). */
    private static final int GENL_MIN_ID = 0x10;

    /** Class name reported for messages the core decodes itself (control messages). */
    public static final String CORE_CLASS = "core";

    private static final AttributeSet EXT_ACK = SimpleAttributeSet.builder("nlmsgerr-attrs")
            .scalar(1, "NLMSGERR_ATTR_MSG", ValueType.STRING)
            .scalar(2, "NLMSGERR_ATTR_OFFS", ValueType.U32)
            .scalar(3, "NLMSGERR_ATTR_COOKIE", ValueType.BINARY)
            .nested(4, "NLMSGERR_ATTR_POLICY", policyTypeAttrs())
            .scalar(5, "NLMSGERR_ATTR_MISS_TYPE", ValueType.U32)
            .scalar(6, "NLMSGERR_ATTR_MISS_NEST", ValueType.U32)
            .build();

    /** NL_ATTR_TYPE_* ({@code enum netlink_attribute_type}), by value. */
    private static final String[] POLICY_ATTR_TYPES = {"NL_ATTR_TYPE_INVALID", "NL_ATTR_TYPE_FLAG", "NL_ATTR_TYPE_U8",
        "NL_ATTR_TYPE_U16", "NL_ATTR_TYPE_U32", "NL_ATTR_TYPE_U64", "NL_ATTR_TYPE_S8", "NL_ATTR_TYPE_S16",
        "NL_ATTR_TYPE_S32", "NL_ATTR_TYPE_S64", "NL_ATTR_TYPE_BINARY", "NL_ATTR_TYPE_STRING", "NL_ATTR_TYPE_NUL_STRING",
        "NL_ATTR_TYPE_NESTED", "NL_ATTR_TYPE_NESTED_ARRAY", "NL_ATTR_TYPE_BITFIELD32"};

    /**
     * The policy the kernel echoes in NLMSGERR_ATTR_POLICY when an attribute failed validation
     * ({@code enum netlink_policy_type_attr}): its type and the bounds it broke.
     */
    private static AttributeSet policyTypeAttrs() {
        return SimpleAttributeSet.builder("policy-type-attrs")
                .add(1, new SimpleAttributeSet.Enumerated("NL_POLICY_TYPE_ATTR_TYPE", ValueType.U32,
                        v -> v >= 0 && v < POLICY_ATTR_TYPES.length ? POLICY_ATTR_TYPES[(int) v] : null))
                .scalar(2, "NL_POLICY_TYPE_ATTR_MIN_VALUE_S", ValueType.S64)
                .scalar(3, "NL_POLICY_TYPE_ATTR_MAX_VALUE_S", ValueType.S64)
                .scalar(4, "NL_POLICY_TYPE_ATTR_MIN_VALUE_U", ValueType.U64)
                .scalar(5, "NL_POLICY_TYPE_ATTR_MAX_VALUE_U", ValueType.U64)
                .scalar(6, "NL_POLICY_TYPE_ATTR_MIN_LENGTH", ValueType.U32)
                .scalar(7, "NL_POLICY_TYPE_ATTR_MAX_LENGTH", ValueType.U32)
                .scalar(8, "NL_POLICY_TYPE_ATTR_POLICY_IDX", ValueType.U32)
                .scalar(9, "NL_POLICY_TYPE_ATTR_POLICY_MAXTYPE", ValueType.U32)
                .scalar(10, "NL_POLICY_TYPE_ATTR_BITFIELD32_MASK", ValueType.U32)
                .scalar(11, "NL_POLICY_TYPE_ATTR_PAD", ValueType.BINARY)
                .scalar(12, "NL_POLICY_TYPE_ATTR_MASK", ValueType.U64)
                .build();
    }

    private final Registry registry;

    public MessageDecoder(Registry registry) {
        this.registry = java.util.Objects.requireNonNull(registry, "registry");
    }

    public Registry registry() {
        return registry;
    }

    /** Decodes with the class the registry picks. */
    public DecodedMessage decode(MessageRef ref, Conversation conversation) {
        return decode(ref, conversation, null);
    }

    /**
     * Decodes {@code ref}.
     *
     * @param forcedClass a class name to use for every non-control message (pyroute2's decoder
     *                    habit), or null for automatic choice
     */
    public DecodedMessage decode(MessageRef ref, Conversation conversation, String forcedClass) {
        ByteView bytes = ref.bytes();
        Direction dir = ref.record().direction();
        int protocol = ref.record().protocol();
        if (ref.kind() == FrameKind.TRAILING) {
            Node t = new Node("trailing", null, 0, bytes.length(), bytes.hex(), Values.spacedHex(bytes, 32),
                    Status.TRAILING, ref.note(), List.of());
            return new DecodedMessage(ref, t, null, "trailing", "trailing " + bytes.length() + " bytes");
        }
        if (ref.kind() == FrameKind.RAW) {
            return decodeRaw(ref, bytes, protocol, dir, conversation, forcedClass);
        }
        if (bytes.length() < Netlink.NLMSG_HDRLEN) {
            Node m = new Node("malformed", null, 0, bytes.length(), bytes.hex(), Values.spacedHex(bytes, 32),
                    Status.MALFORMED, ref.note(), List.of());
            return new DecodedMessage(ref, m, null, "malformed", "malformed: " + ref.note());
        }
        String genlNote = protocol == org.nlwb.decoder.model.Protocol.UNKNOWN ? namedGenlFamily(bytes, conversation) : null;
        if (genlNote != null) {
            protocol = org.nlwb.decoder.model.Protocol.GENERIC;
        }
        Result r = decodeMessage(bytes, protocol, dir, conversation, forcedClass, 0);
        Node tree = r.tree;
        String known = genlNote != null ? genlNote : ref.note();
        if (ref.kind() == FrameKind.MALFORMED) {
            tree = tree.withStatus(Status.MALFORMED, ref.note());
        } else if (known != null) {
            // what the capture knows of this message's reading (a guessed protocol)
            tree = tree.withStatus(tree.status(), tree.note() == null ? known : tree.note() + "; " + known);
        }
        String summary = summarize(r, tree);
        return new DecodedMessage(ref, tree, r.className, r.typeName, summary);
    }

    private record Result(Node tree, String className, String typeName, MessageClass cls) {
    }

    /**
     * For a message of no protocol and no guess (a genl id is also an RTM_* type that tiles): the
     * note saying it is read as generic netlink when the user's mapping or the capture's nlctrl
     * replies name its type as a family, else null.
     */
    private static String namedGenlFamily(ByteView bytes, Conversation conversation) {
        int type = bytes.u16le(4);
        if (conversation == null || type < GENL_MIN_ID) {
            return null;
        }
        return conversation.genlFamily(type).map(family -> "protocol taken as GENERIC: type " + String.format("0x%x", type)
                + " is generic netlink family " + family + " (--protocol decides)").orElse(null);
    }

    /** What {@link #decodeMessage} collects for the root, before it makes the node. */
    private static final class Parts {
        final NodeList.Builder kids = NodeList.builder(8);
        String typeName;
        String className;
        MessageClass cls;
        Status status = Status.OK;
        String note;

        Parts(String typeName) {
            this.typeName = typeName;
        }

        void fail(String why) {
            if (why != null) {
                status = Status.MALFORMED;
                note = why;
            }
        }
    }

    /**
     * Decodes a message whose first 16 bytes are a nlmsghdr. {@code bytes} may be shorter than
     * nlmsg_len (a truncated or capped message); the body is what is there.
     */
    private Result decodeMessage(ByteView bytes, int protocol, Direction dir, Conversation conv, String forced,
                                 int nesting) {
        NlMsgHeader h = NlMsgHeader.read(bytes);
        MessageContext ctx = new MessageContext(h, protocol, dir, conv);
        ByteView body = h.body(bytes);
        int bodyEnd = Netlink.NLMSG_HDRLEN + body.length();
        Parts p = new Parts(ControlType.name(h.type()));
        PluginCalls.Choice connector = null;
        if (h.type() == ControlType.DONE && protocol == org.nlwb.decoder.model.Protocol.CONNECTOR && nesting == 0) {
            // The connector types every message NLMSG_DONE (cn_netlink_send): its body is a cn_msg,
            // which only the connector's class can read.
            connector = PluginCalls.choose(registry, ctx, body, forced);
            if (connector.cls() != null) {
                p.typeName = null;
            } else {
                p.fail(connector.failure());
            }
        }
        if (p.typeName != null) {
            p.className = CORE_CLASS;
            p.kids.add(header(bytes, h, p.typeName, FlagKind.ACK));
            p.kids.addAll(controlBody(h, body, protocol, conv, nesting));
        } else {
            classBody(p, bytes, h, ctx, body, connector != null ? MessageNaming.of(connector, ctx)
                    : MessageNaming.of(registry, ctx, body, forced));
        }
        if (h.length() < Netlink.NLMSG_HDRLEN) {
            p.status = Status.MALFORMED;
            p.note = "nlmsg_len " + h.length() + " is less than the 16-byte header";
        }
        if (bodyEnd < bytes.length()) {
            ByteView rest = bytes.from(bodyEnd);
            p.kids.add(new Node("beyond nlmsg_len", null, rest.base(), rest.length(), rest.hex(),
                    Values.spacedHex(rest, 32), Status.MALFORMED, "bytes past nlmsg_len " + h.length(), List.of()));
        }
        Node root = new Node(p.typeName, h.type(), bytes.base(), bytes.length(), null, p.typeName, p.status, p.note, p.kids.build());
        if (nesting == 0) {
            root = PluginCalls.fixed(registry.fixers(ctx.protocol()), ctx, root);
        }
        return new Result(root, p.className, p.typeName, p.cls);
    }

    /** The header and body of a message that is not a control message: decoded by its class, if any. */
    private static void classBody(Parts p, ByteView bytes, NlMsgHeader h, MessageContext ctx, ByteView body,
                                  MessageNaming naming) {
        MessageClass cls = naming.cls();
        PluginCalls.ClassResult r = cls == null ? null
                : PluginCalls.body(naming, ctx, body, AttributeWalker.rootScope(ctx.conversation()));
        if (r != null) {
            p.cls = cls;
            p.className = cls.name();
        }
        p.typeName = naming.shownTypeName(h.type());
        p.kids.add(header(bytes, h, naming.shownHeaderTypeName(h.type()), naming.shownFlagKind(h.type())));
        if (r != null) {
            p.kids.addAll(r.nodes());
            p.fail(r.failure());
        } else if (naming.choiceFailure() != null) {
            p.kids.add(unknownBody(body, Status.MALFORMED, naming.choiceFailure()));
            p.fail(naming.choiceFailure());
        } else if (!body.isEmpty()) {
            p.kids.add(unknownBody(body, Status.UNKNOWN, "no message class knows type " + h.type()
                    + " of " + org.nlwb.decoder.model.Protocol.name(ctx.protocol())));
            p.status = Status.UNKNOWN;
        }
    }

    private static Node header(ByteView b, NlMsgHeader h, String typeName, FlagKind kind) {
        int o = b.base();
        return new Node("nlmsghdr", null, o, Netlink.NLMSG_HDRLEN, null, null, Status.OK, null, List.of(
                Node.leaf("nlmsg_len", o, 4, h.length(), Long.toString(h.length())),
                Node.leaf("nlmsg_type", o + 4, 2, (long) h.type(), typeName),
                Node.leaf("nlmsg_flags", o + 6, 2, (long) h.flags(), NlFlags.describe(h.flags(), kind)),
                Node.leaf("nlmsg_seq", o + 8, 4, h.seq(), Long.toString(h.seq())),
                Node.leaf("nlmsg_pid", o + 12, 4, h.pid(), Long.toString(h.pid()))));
    }

    private static Node unknownBody(ByteView body, Status status, String note) {
        return new Node("payload", null, body.base(), body.length(), body.hex(), Values.spacedHex(body, 64),
                status, note, List.of());
    }

    /**
     * NLMSG_ERROR and NLMSG_DONE bodies.
     *
     * <pre>
     *  NLMSG_ERROR: | error s32 | original nlmsghdr (+ payload unless NLM_F_CAPPED) | ext-ACK TLVs (NLM_F_ACK_TLVS) |
     *  NLMSG_DONE:  | error s32 | ext-ACK TLVs (NLM_F_ACK_TLVS) |
     * </pre>
     */
    private List<Node> controlBody(NlMsgHeader h, ByteView body, int protocol, Conversation conv, int nesting) {
        List<Node> out = new ArrayList<>();
        if (h.type() != ControlType.ERROR && h.type() != ControlType.DONE) {
            if (!body.isEmpty()) {
                out.add(unknownBody(body, Status.UNKNOWN, ControlType.name(h.type()) + " carries no defined payload"));
            }
            return out;
        }
        if (body.length() < 4) {
            // A bare NLMSG_DONE (some old kernels) has no error code; anything shorter than one is malformed.
            if (!body.isEmpty()) {
                out.add(unknownBody(body, Status.MALFORMED, "needs a 4-byte error code, has " + body.length()));
            }
            return out;
        }
        int error = body.s32le(0);
        out.add(Node.leaf("error", body.base(), 4, (long) error, errorDisplay(error)));
        int off = 4;
        if (h.type() == ControlType.ERROR) {
            ByteView rest = body.from(4);
            if (rest.length() >= Netlink.NLMSG_HDRLEN && nesting == 0) {
                long origLen = rest.u32le(0);
                boolean capped = (h.flags() & NlFlags.CAPPED) != 0;
                int take = capped ? Netlink.NLMSG_HDRLEN
                        : (int) Math.max(Netlink.NLMSG_HDRLEN, Math.min(origLen, rest.length()));
                ByteView orig = rest.slice(0, take);
                Result inner = decodeMessage(orig, protocol, Direction.TO_KERNEL, conv, null, nesting + 1);
                Node msg = inner.tree.withName("msg");
                String d = inner.typeName + (capped ? " (header only: NLM_F_CAPPED)" : "");
                msg = new Node("msg", msg.type(), msg.offset(), msg.length(), null, d, msg.status(),
                        !capped && origLen > rest.length() ? "original message is " + origLen
                                + " bytes, only " + rest.length() + " echoed" : msg.note(), msg.children());
                out.add(msg);
                off += take;
            } else if (!rest.isEmpty()) {
                out.add(unknownBody(rest, Status.MALFORMED, "too short for the echoed nlmsghdr"));
                return out;
            }
        }
        ByteView tail = body.from(Math.min(body.length(), off));
        if (!tail.isEmpty()) {
            int pad = Math.min(tail.length(), Netlink.align(off) - off);
            if (pad > 0) {
                out.add(Node.padding(tail.base(), pad));
                tail = tail.from(pad);
            }
            if (!tail.isEmpty()) {
                if ((h.flags() & NlFlags.ACK_TLVS) != 0 || Guess.tilesAsAttributes(tail)) {
                    out.addAll(AttributeWalker.walk(tail, EXT_ACK, conv));
                } else {
                    out.add(unknownBody(tail, Status.UNKNOWN, "bytes after the error code"));
                }
            }
        }
        return out;
    }

    /** {@code -ENODEV (No such device)}; {@code 0 (ACK)}. */
    public static String errorDisplay(int error) {
        if (error == 0) {
            return "0 (success)";
        }
        String text = Errno.text(error);
        return Errno.signedName(error) + (text != null ? " (" + text + ")" : "");
    }

    /** A datagram without nlmsghdr (a uevent): a class that knows it decodes all of it, else raw bytes. */
    private DecodedMessage decodeRaw(MessageRef ref, ByteView bytes, int protocol, Direction dir,
                                     Conversation conv, String forced) {
        MessageContext ctx = new MessageContext(null, protocol, dir, conv);
        PluginCalls.Choice choice = PluginCalls.choose(registry, ctx, bytes, forced);
        MessageClass cls = choice.cls();
        String failure = choice.failure();
        if (cls != null) {
            PluginCalls.ClassResult r = PluginCalls.decode(cls, ctx, bytes, AttributeWalker.rootScope(conv));
            if (r.failure() == null) {
                String name = Optional.ofNullable(r.typeName()).orElse("raw");
                Node root = new Node(name, null, 0, bytes.length(), null, name, Status.OK, null, r.nodes());
                String s = PluginCalls.summary(cls, root);
                return new DecodedMessage(ref, root, cls.name(), name, s != null ? s : name);
            }
            failure = r.failure();
        }
        Node root = failure != null
                ? new Node("raw", null, 0, bytes.length(), bytes.hex(), Values.spacedHex(bytes, 32), Status.MALFORMED,
                        failure, List.of())
                : new Node("raw", null, 0, bytes.length(), bytes.hex(), Values.spacedHex(bytes, 32), Status.UNKNOWN,
                        "no nlmsghdr (a uevent or other raw datagram); no class decodes it", List.of());
        return new DecodedMessage(ref, root, cls != null ? cls.name() : null, "raw", "raw " + bytes.length() + " bytes");
    }

    private static String summarize(Result r, Node tree) {
        if (r.cls != null) {
            String s = PluginCalls.summary(r.cls, tree); // a summary is a convenience: null on failure
            if (s != null) {
                return s;
            }
        }
        return Summaries.generic(tree);
    }
}
