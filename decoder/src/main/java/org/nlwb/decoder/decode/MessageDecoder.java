package org.nlwb.decoder.decode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.message.ControlType;
import org.nlwb.decoder.message.Errno;
import org.nlwb.decoder.message.FlagKind;
import org.nlwb.decoder.message.FrameKind;
import org.nlwb.decoder.message.Framer;
import org.nlwb.decoder.message.NlFlags;
import org.nlwb.decoder.message.NlMsgHeader;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.registry.MessageClass;
import org.nlwb.decoder.registry.MessageContext;
import org.nlwb.decoder.registry.MessageFixer;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;
import org.nlwb.decoder.tree.TreeChecks;

/**
 * Turns one framed message into its tree: the nlmsghdr, the control messages every protocol
 * shares (NLMSG_NOOP, NLMSG_ERROR with the embedded request and ext-ACK TLVs, NLMSG_DONE,
 * NLMSG_OVERRUN), and the body through the message class the {@link Registry} picks (or the one
 * forced by name). Stateless apart from its registry: safe to share between threads.
 *
 * <p>Contract: never throws on bad bytes. The tree's root covers the whole message, its leaves
 * tile it exactly, and what could not be explained is marked {@code unknown}, {@code malformed},
 * {@code padding} or {@code trailing}.
 */
public final class MessageDecoder {
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
        if (bytes.length() < Framer.NLMSG_HDRLEN) {
            Node m = new Node("malformed", null, 0, bytes.length(), bytes.hex(), Values.spacedHex(bytes, 32),
                    Status.MALFORMED, ref.note(), List.of());
            return new DecodedMessage(ref, m, null, "malformed", "malformed: " + ref.note());
        }
        Result r = decodeMessage(bytes, protocol, dir, conversation, forcedClass, 0);
        Node tree = r.tree;
        if (ref.kind() == FrameKind.MALFORMED) {
            tree = tree.withStatus(Status.MALFORMED, ref.note());
        } else if (ref.note() != null) {
            // what the capture knows of this message's reading (a guessed protocol)
            tree = tree.withStatus(tree.status(), tree.note() == null ? ref.note() : tree.note() + "; " + ref.note());
        }
        String summary = summarize(r, tree);
        return new DecodedMessage(ref, tree, r.className, r.typeName, summary);
    }

    private record Result(Node tree, String className, String typeName, MessageClass cls) {
    }

    /**
     * Decodes a message whose first 16 bytes are a nlmsghdr. {@code bytes} may be shorter than
     * nlmsg_len (a truncated or capped message); the body is what is there.
     */
    private Result decodeMessage(ByteView bytes, int protocol, Direction dir, Conversation conv, String forced,
                                 int nesting) {
        NlMsgHeader h = NlMsgHeader.read(bytes);
        MessageContext ctx = new MessageContext(h, protocol, dir, conv);
        int declared = (int) Math.min(Integer.MAX_VALUE, h.length());
        int bodyEnd = h.length() >= Framer.NLMSG_HDRLEN ? Math.min(declared, bytes.length()) : Framer.NLMSG_HDRLEN;
        ByteView body = bytes.slice(Framer.NLMSG_HDRLEN, bodyEnd - Framer.NLMSG_HDRLEN);
        List<Node> kids = new ArrayList<>();
        String typeName = ControlType.name(h.type());
        String className = null;
        MessageClass cls = null;
        Status status = Status.OK;
        String note = null;
        if (h.type() == ControlType.DONE && protocol == org.nlwb.decoder.model.Protocol.CONNECTOR && nesting == 0) {
            // The connector types every message NLMSG_DONE (cn_netlink_send): its body is a cn_msg,
            // which only the connector's class can read.
            cls = chooseClass(ctx, body, forced);
            if (cls != null) {
                typeName = null;
            }
        }
        if (typeName != null) {
            className = CORE_CLASS;
            kids.add(header(bytes, h, typeName, FlagKind.ACK));
            kids.addAll(controlBody(h, body, protocol, conv, nesting));
        } else {
            cls = cls != null ? cls : chooseClass(ctx, body, forced);
            if (cls != null) {
                className = cls.name();
                typeName = cls.typeName(ctx);
            }
            if (typeName == null) {
                typeName = String.format("0x%x", h.type());
            }
            String headerType = cls != null && cls.headerTypeName(ctx) != null ? cls.headerTypeName(ctx) : typeName;
            kids.add(header(bytes, h, headerType, cls != null ? cls.flagKind(ctx) : NlFlags.kindOfName(typeName)));
            if (cls != null) {
                try {
                    kids.addAll(cls.decodeBody(ctx, body, AttributeWalker.rootScope(conv)));
                } catch (RuntimeException e) {
                    kids.add(unknownBody(body, Status.MALFORMED, "message class " + cls.name() + " failed: " + e));
                    status = Status.MALFORMED;
                    note = "message class " + cls.name() + " failed on this message";
                }
            } else if (!body.isEmpty()) {
                kids.add(unknownBody(body, Status.UNKNOWN, "no message class knows type " + h.type()
                        + " of " + org.nlwb.decoder.model.Protocol.name(protocol)));
                status = Status.UNKNOWN;
            }
        }
        if (h.length() < Framer.NLMSG_HDRLEN) {
            status = Status.MALFORMED;
            note = "nlmsg_len " + h.length() + " is less than the 16-byte header";
        }
        if (bodyEnd < bytes.length()) {
            ByteView rest = bytes.from(bodyEnd);
            kids.add(new Node("beyond nlmsg_len", null, rest.base(), rest.length(), rest.hex(),
                    Values.spacedHex(rest, 32), Status.MALFORMED, "bytes past nlmsg_len " + h.length(), List.of()));
        }
        Node root = new Node(typeName, h.type(), bytes.base(), bytes.length(), null, typeName, status, note, kids);
        if (nesting == 0) {
            root = applyFixers(ctx, root);
        }
        return new Result(root, className, typeName, cls);
    }

    /**
     * Runs the plugins' {@link MessageFixer}s for the message's protocol. A fixer that throws or
     * breaks the tiling rule is ignored for this message, and the root says so.
     */
    private Node applyFixers(MessageContext ctx, Node root) {
        Node tree = root;
        for (MessageFixer f : registry.fixers(ctx.protocol())) {
            Node fixed;
            try {
                fixed = f.fix(ctx, tree);
            } catch (RuntimeException e) {
                fixed = null;
            }
            if (fixed == tree) {
                continue;
            }
            if (fixed != null && TreeChecks.violations(fixed.shifted(-fixed.offset()), tree.length()).isEmpty()
                    && fixed.offset() == tree.offset()) {
                tree = fixed;
            } else {
                String n = "a message fixer (" + f.getClass().getName() + ") failed or broke the byte tiling; its change was dropped";
                tree = tree.withStatus(tree.status(), tree.note() == null ? n : tree.note() + "; " + n);
            }
        }
        return tree;
    }

    private MessageClass chooseClass(MessageContext ctx, ByteView body, String forced) {
        if (forced != null) {
            return registry.byName(forced).orElse(null);
        }
        return registry.resolve(ctx, body).orElse(null);
    }

    private static Node header(ByteView b, NlMsgHeader h, String typeName, FlagKind kind) {
        int o = b.base();
        return new Node("nlmsghdr", null, o, Framer.NLMSG_HDRLEN, null, null, Status.OK, null, List.of(
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
            if (rest.length() >= Framer.NLMSG_HDRLEN && nesting == 0) {
                long origLen = rest.u32le(0);
                boolean capped = (h.flags() & NlFlags.CAPPED) != 0;
                int take = capped ? Framer.NLMSG_HDRLEN
                        : (int) Math.max(Framer.NLMSG_HDRLEN, Math.min(origLen, rest.length()));
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
            int pad = Math.min(tail.length(), Framer.align(off) - off);
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

    private DecodedMessage decodeRaw(MessageRef ref, ByteView bytes, int protocol, Direction dir,
                                     Conversation conv, String forced) {
        MessageContext ctx = new MessageContext(null, protocol, dir, conv);
        Optional<MessageClass> cls = forced != null ? registry.byName(forced) : registry.resolve(ctx, bytes);
        if (cls.isPresent()) {
            try {
                List<Node> kids = cls.get().decodeBody(ctx, bytes, AttributeWalker.rootScope(conv));
                String name = Optional.ofNullable(cls.get().typeName(ctx)).orElse("raw");
                Node root = new Node(name, null, 0, bytes.length(), null, name, Status.OK, null, kids);
                String s = cls.get().summary(root);
                return new DecodedMessage(ref, root, cls.get().name(), name, s != null ? s : name);
            } catch (RuntimeException e) {
                // fall through to the raw view below
            }
        }
        Node root = new Node("raw", null, 0, bytes.length(), bytes.hex(), Values.spacedHex(bytes, 32), Status.UNKNOWN,
                "no nlmsghdr (a uevent or other raw datagram); no class decodes it", List.of());
        return new DecodedMessage(ref, root, null, "raw", "raw " + bytes.length() + " bytes");
    }

    private static String summarize(Result r, Node tree) {
        if (r.cls != null) {
            try {
                String s = r.cls.summary(tree);
                if (s != null) {
                    return s;
                }
            } catch (RuntimeException e) {
                // a summary is a convenience; the generic one below will do
            }
        }
        return Summaries.generic(tree);
    }
}
