package org.nlwb.decoder.registry;

import java.util.List;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.DecodeScope;
import org.nlwb.decoder.message.FlagKind;
import org.nlwb.decoder.message.NlFlags;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.tree.Node;

/**
 * Knows the body of some messages of one protocol: pyroute2's "message class" ({@code ifinfmsg},
 * {@code nl80211cmd}), a YNL family, or a Java plugin.
 *
 * <p>Contract of {@link #decodeBody}: it never throws on bad bytes (short or inconsistent input
 * becomes {@code malformed} nodes with notes), and the nodes it returns carry absolute offsets
 * ({@link ByteView#abs}) and tile {@code body} exactly, padding included.
 */
public interface MessageClass {

    /** A stable name users can force with {@code --class}, e.g. {@code rt-link}, {@code nlctrl}. */
    String name();

    /**
     * The kernel constant name of {@code type} ({@code RTM_NEWLINK}, {@code CTRL_CMD_NEWFAMILY}),
     * or null when this class does not know it.
     */
    String typeName(MessageContext msg);

    /**
     * How the nlmsg_type field itself reads, when it means something other than the message's type:
     * in generic netlink it is the family id ({@code GENL_ID_CTRL}, {@code nl80211 (0x1b)}) while the
     * message's type is the genlmsghdr's cmd. Defaults to {@link #typeName}.
     */
    default String headerTypeName(MessageContext msg) {
        return typeName(msg);
    }

    /** How the upper byte of nlmsg_flags reads for this message. */
    default FlagKind flagKind(MessageContext msg) {
        return NlFlags.kindOfName(typeName(msg));
    }

    /**
     * Decodes the bytes after the nlmsghdr.
     *
     * @param body  the payload; {@code body.base()} is 16 for a top-level message
     * @param scope for nested attribute walks and the conversation
     */
    List<Node> decodeBody(MessageContext msg, ByteView body, DecodeScope scope);

    /**
     * A one-line summary for the message list ({@code "lo mtu 65536 UP"}), from the decoded tree; null
     * when the class has nothing better than the generic summary.
     */
    default String summary(Node tree) {
        return null;
    }

    /** The direction a class applies to when an id means different messages each way; null for both. */
    default Direction direction() {
        return null;
    }
}
