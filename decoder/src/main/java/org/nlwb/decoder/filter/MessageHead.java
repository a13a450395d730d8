package org.nlwb.decoder.filter;

import java.util.List;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.dissect.MessageNaming;
import org.nlwb.decoder.message.ControlType;
import org.nlwb.decoder.message.FlagKind;
import org.nlwb.decoder.message.FrameKind;
import org.nlwb.decoder.message.Netlink;
import org.nlwb.decoder.message.NlFlags;
import org.nlwb.decoder.message.NlMsgHeader;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.registry.MessageClass;
import org.nlwb.decoder.registry.MessageContext;
import org.nlwb.decoder.registry.MessageFixer;
import org.nlwb.decoder.registry.Registry;

/**
 * What a message's header and its class choice say without decoding its body: the message class,
 * the type name and how nlmsg_flags reads. Control messages are the core's; any other type takes
 * the decoder's own first step ({@link MessageNaming}: the class the registry picks, or the forced
 * one, and its names), so the names cannot differ from the decoded tree's.
 *
 * <p>{@link #of} answers null for what it does not repeat, and the caller then decodes in full: a
 * frame without a whole header, a raw datagram, a message of no known protocol (the decoder may
 * take it as generic netlink), a connector's NLMSG_DONE (its class reads the body).
 *
 * @param body      the bytes after the nlmsghdr, up to nlmsg_len, as the decoder cuts them
 * @param cls       the class of a message that is not a control message, or null when none knows it
 * @param core      whether it is a control message the core decodes (NLMSG_NOOP, ERROR, DONE, OVERRUN)
 * @param typeName  what {@code DecodedMessage.typeName()} will be
 * @param flagKind  how nlmsg_flags' display reads
 */
record MessageHead(MessageRef ref, NlMsgHeader header, MessageContext context, ByteView body, MessageClass cls,
                   boolean core, String typeName, FlagKind flagKind) {

    /** The head of {@code ref}, or null when only a full decode can say. */
    static MessageHead of(MessageRef ref, org.nlwb.decoder.decode.Conversation conversation, Registry registry,
                          String forcedClass) {
        if (ref.kind() == FrameKind.TRAILING || ref.kind() == FrameKind.RAW || !ref.hasHeader()) {
            return null;
        }
        int protocol = ref.record().protocol();
        ByteView bytes = ref.bytes();
        if (protocol == Protocol.UNKNOWN || bytes.length() < Netlink.NLMSG_HDRLEN) {
            return null;
        }
        NlMsgHeader h = NlMsgHeader.read(bytes);
        if (h.type() == ControlType.DONE && protocol == Protocol.CONNECTOR) {
            return null;
        }
        MessageContext ctx = new MessageContext(h, protocol, ref.record().direction(), conversation);
        ByteView body = h.body(bytes);
        String control = ControlType.name(h.type());
        if (control != null) {
            return new MessageHead(ref, h, ctx, body, null, true, control, FlagKind.ACK);
        }
        MessageNaming naming = MessageNaming.of(registry, ctx, body, forcedClass);
        return new MessageHead(ref, h, ctx, body, naming.cls(), false, naming.shownTypeName(h.type()),
                naming.shownFlagKind(h.type()));
    }

    /** What the nlmsg_flags node displays. */
    String flagsDisplay() {
        return NlFlags.describe(header.flags(), flagKind);
    }

    /**
     * Whether the protocol's fixers are all the built-in families' (they change RTA_ENCAP, whose
     * codec is a plugin's, and tc filters' tcm_handle, a fixed-header member): a plugin's fixer may
     * change any node, so with one only the whole tree says.
     */
    static boolean builtinFixers(List<MessageFixer> fixers) {
        for (MessageFixer f : fixers) {
            if (!f.getClass().getName().startsWith("org.nlwb.decoder.families.")) {
                return false;
            }
        }
        return true;
    }
}
