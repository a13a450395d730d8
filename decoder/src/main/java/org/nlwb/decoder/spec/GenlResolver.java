package org.nlwb.decoder.spec;

import java.util.Map;
import java.util.Optional;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.registry.MessageClass;
import org.nlwb.decoder.registry.MessageClassResolver;
import org.nlwb.decoder.registry.MessageContext;
import org.nlwb.decoder.registry.Once;

/**
 * Generic netlink dispatch: nlmsg_type is a family id the kernel hands out at run time, except
 * {@value #NLCTRL_ID} which is always nlctrl. Other ids are named by the message's
 * {@link org.nlwb.decoder.decode.Conversation} (CTRL_CMD_NEWFAMILY replies seen earlier in the
 * capture, or the user's mapping); the family's spec then decodes the body.
 */
public final class GenlResolver implements MessageClassResolver {
    /** GENL_ID_CTRL. */
    public static final int NLCTRL_ID = 0x10;

    private final Map<String, Once<SpecMessageClass>> families;

    /**
     * @param families generic netlink families by the name the kernel registers them under, each
     *                 made when a message of it first comes
     */
    public GenlResolver(Map<String, Once<SpecMessageClass>> families) {
        this.families = Map.copyOf(families);
    }

    @Override
    public Optional<MessageClass> resolve(MessageContext msg, ByteView body) {
        // An empty body is the header-only echo of a request in a capped NLMSG_ERROR: the family is
        // still known from the id, the command is not.
        if (msg.header() == null || body.length() < SpecMessageClass.GENL_HDRLEN && !body.isEmpty()) {
            return Optional.empty();
        }
        int id = msg.header().type();
        Optional<String> name = id == NLCTRL_ID ? Optional.of("nlctrl")
                : msg.conversation() == null ? Optional.empty() : msg.conversation().genlFamily(id);
        return name.map(families::get).map(Once::get).map(c -> body.isEmpty() ? c : c.forCommand(body.u8(0)));
    }
}
