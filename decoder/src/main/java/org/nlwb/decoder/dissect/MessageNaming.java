package org.nlwb.decoder.dissect;

import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.message.FlagKind;
import org.nlwb.decoder.message.NlFlags;
import org.nlwb.decoder.registry.MessageClass;
import org.nlwb.decoder.registry.MessageContext;
import org.nlwb.decoder.registry.Registry;

/**
 * The decoder's first step for a message that is not a control message, before its body: the class
 * the registry picks (or the one forced by name) and that class's names for the message. The
 * decoder goes on from here to the body; the display filter stops here for {@code type} and
 * {@code flags}, so both read the same names by one rule.
 *
 * @param cls            the class, or null when none knows the message (or a resolver threw)
 * @param choiceFailure  why no class: what a resolver threw, or null
 * @param typeName       the class's name for the type, or null (no class, none given, or it threw)
 * @param headerTypeName what nlmsg_type displays, when the class says so (else the type name)
 * @param flagKind       how nlmsg_flags reads, when the class says so
 * @param namingFailure  what the class threw when asked its names, or null; the body is then not decoded
 */
public record MessageNaming(MessageClass cls, String choiceFailure, String typeName, String headerTypeName,
                            FlagKind flagKind, String namingFailure) {

    /** The class for the message of {@code ctx} and {@code body}, and its names; never throws on a plugin's fault. */
    public static MessageNaming of(Registry registry, MessageContext ctx, ByteView body, String forced) {
        return of(PluginCalls.choose(registry, ctx, body, forced), ctx);
    }

    static MessageNaming of(PluginCalls.Choice choice, MessageContext ctx) {
        MessageClass cls = choice.cls();
        if (cls == null) {
            return new MessageNaming(null, choice.failure(), null, null, null, null);
        }
        PluginCalls.Names n = PluginCalls.names(cls, ctx);
        return new MessageNaming(cls, null, n.typeName(), n.headerTypeName(), n.flagKind(), n.failure());
    }

    /** The message's type name as {@code DecodedMessage.typeName()} has it: the class's, else {@code 0x} and the number. */
    public String shownTypeName(int type) {
        return typeName != null ? typeName : String.format("0x%x", type);
    }

    /** What the nlmsg_type node displays. */
    public String shownHeaderTypeName(int type) {
        return headerTypeName != null ? headerTypeName : shownTypeName(type);
    }

    /** How the nlmsg_flags node reads: the class's kind, else the one its type name implies. */
    public FlagKind shownFlagKind(int type) {
        return flagKind != null ? flagKind : NlFlags.kindOfName(shownTypeName(type));
    }
}
