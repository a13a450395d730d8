package org.nlwb.app.ui.compose;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nlwb.capture.send.GenlLookup;
import org.nlwb.capture.send.SendRequest;
import org.nlwb.capture.send.SendResult;
import org.nlwb.capture.send.SendSession;
import org.nlwb.decoder.encode.EncodeException;
import org.nlwb.decoder.encode.MessageEncoder;
import org.nlwb.decoder.encode.Request;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.ynl.Family;

/**
 * One send of a composition, off the FX thread: generic netlink family ids looked up on the
 * target kernel by name (those conversations go first into the capture, so the decoder names the
 * family), the messages encoded with them, the datagram sent while the subscribed groups are
 * listened to, and everything recorded in one capture the conversation views show (notifications
 * in time order among the replies).
 */
public final class ComposerSend {
    /**
     * What to send, taken from a {@link Composition} on the FX thread (immutable).
     *
     * @param requests the described messages, or empty in raw mode
     * @param raw      raw mode's bytes, or null
     * @param protocol the netlink protocol
     * @param family   the spec family (raw mode: when known, else null)
     * @param groups   multicast group names to listen to while sending ({@link SubscribedGroups})
     */
    public record Prepared(List<Request> requests, byte[] raw, int protocol, String family, boolean fixUp,
                           List<String> groups) {
        public Prepared {
            requests = List.copyOf(requests);
            raw = raw == null ? null : raw.clone();
            groups = List.copyOf(groups);
        }

        /**
         * The composition with the groups named in {@code subscribe}.
         *
         * @throws IOException the resolver's message for a group name unknown to nlwb
         */
        public static Prepared of(Composition c, MessageEncoder encoder, String subscribe)
                throws EncodeException, IOException {
            List<Request> rs = c.isRaw() ? List.of() : c.messages().stream().map(ComposedMessage::request).toList();
            int protocol = c.protocol(encoder);
            List<String> groups = SubscribedGroups.names(subscribe);
            SubscribedGroups.checked(protocol, groups);
            return new Prepared(rs, c.raw(), protocol, c.familyName(), c.fixUp(), groups);
        }
    }

    /**
     * A send's conversation.
     *
     * @param capture      the look-ups, then the request datagram and its answers
     * @param firstMessage the message index in {@code capture} where the send itself starts
     */
    public record Outcome(Capture capture, int firstMessage, SendResult result) {
    }

    private ComposerSend() {
    }

    /** Sends {@code p} in {@code session}; blocks until the answer is complete or the timeout. */
    public static Outcome send(SendSession session, Prepared p, MessageEncoder encoder, int timeoutMillis)
            throws IOException, EncodeException {
        Capture capture = new Capture("composer: " + session.where(), "live");
        Map<String, Integer> ids = new HashMap<>();
        byte[] datagram;
        if (p.raw() != null) {
            datagram = p.raw();
            Family f = p.family() == null ? null : encoder.family(p.family());
            if (f != null && isLookedUp(f)) {
                patchGenlType(datagram, lookUp(session, f.name(), capture, ids));
            }
        } else {
            for (Request r : p.requests()) {
                Family f = encoder.family(r.family());
                if (isLookedUp(f)) {
                    lookUp(session, f.name(), capture, ids);
                }
            }
            List<byte[]> messages = new java.util.ArrayList<>();
            for (Request r : p.requests()) {
                messages.add(encoder.encode(r, name -> ids.getOrDefault(name, ComposedMessage.PLACEHOLDER_GENL_ID)).bytes());
            }
            datagram = SendRequest.batch(p.protocol(), messages).datagram();
        }
        List<Integer> groups = SubscribedGroups.resolve(p.protocol(), p.groups(), session, capture);
        SendResult result = session.send(SendRequest.of(p.protocol(), datagram).withFixUp(p.fixUp())
                .withGroups(groups).withTimeout(timeoutMillis));
        int first = capture.messageCount();
        result.appendTo(capture);
        return new Outcome(capture, first, result);
    }

    private static boolean isLookedUp(Family f) {
        return f.protocol() == Protocol.GENERIC && !f.name().equals("nlctrl");
    }

    private static int lookUp(SendSession session, String name, Capture capture, Map<String, Integer> ids)
            throws IOException {
        Integer known = ids.get(name);
        if (known != null) {
            return known;
        }
        GenlLookup g = session.genlFamily(name);
        g.exchange().appendTo(capture);
        ids.put(name, g.family().id());
        return g.family().id();
    }

    /** Writes {@code id} into nlmsg_type of every whole message of {@code datagram} (a replay's family id). */
    static void patchGenlType(byte[] datagram, int id) {
        int at = 0;
        while (at + 16 <= datagram.length) {
            int len = (datagram[at] & 0xff) | (datagram[at + 1] & 0xff) << 8 | (datagram[at + 2] & 0xff) << 16
                    | (datagram[at + 3] & 0xff) << 24;
            int type = (datagram[at + 4] & 0xff) | (datagram[at + 5] & 0xff) << 8;
            if (type >= 0x10) { // not a control message
                datagram[at + 4] = (byte) id;
                datagram[at + 5] = (byte) (id >> 8);
            }
            if (len < 16 || at + len > datagram.length) {
                return;
            }
            at += (len + 3) & ~3;
        }
    }
}
