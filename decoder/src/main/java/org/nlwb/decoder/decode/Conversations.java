package org.nlwb.decoder.decode;

import static org.nlwb.decoder.message.Netlink.CTRL_ATTR_FAMILY_ID;
import static org.nlwb.decoder.message.Netlink.CTRL_ATTR_FAMILY_NAME;
import static org.nlwb.decoder.message.Netlink.CTRL_CMD_NEWFAMILY;
import static org.nlwb.decoder.message.Netlink.GENL_ID_CTRL;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.message.AttributeCursor;
import org.nlwb.decoder.message.FrameKind;
import org.nlwb.decoder.message.Netlink;
import org.nlwb.decoder.message.NlFlags;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Protocol;

/**
 * Conversation context per message of a capture: what the decoder of message {@code i} may know
 * from the messages before it.
 *
 * <p>Generic netlink family ids are handed out by the kernel at run time; a capture names them
 * itself when it holds nlctrl's answers. A cheap pass reads every CTRL_CMD_NEWFAMILY (cmd 1) from
 * the kernel on NETLINK_GENERIC with nlmsg_type 0x10 (GENL_ID_CTRL), taking CTRL_ATTR_FAMILY_ID
 * (type 1, u16) and CTRL_ATTR_FAMILY_NAME (type 2, string) from its attributes. Message {@code i}
 * knows the ids learned from messages before {@code i} only. A user mapping ({@code --genl-family
 * 0x1b=nl80211}) is known everywhere and wins over the capture: the user has said what they mean.
 *
 * <p>The pass is incremental: asking about a message past the ones scanned so far scans up to it,
 * so a live capture that keeps growing is handled by the same function.
 */
public final class Conversations {
    private Conversations() {
    }

    /** Message index → its conversation context. */
    public static IntFunction<Conversation> of(Capture capture) {
        return of(capture, Map.of());
    }

    /**
     * Message index → its conversation context, with {@code userFamilies} (genl id → family name)
     * known for every message.
     */
    public static IntFunction<Conversation> of(Capture capture, Map<Integer, String> userFamilies) {
        return of(capture, userFamilies, Conversation.empty());
    }

    /**
     * As {@link #of(Capture, Map)}, asking {@code fallback} about ids neither the user nor the
     * capture names: the running kernel's families for a live capture (the capture module can ask
     * nlctrl), never consulted unless the caller passes one.
     */
    public static IntFunction<Conversation> of(Capture capture, Map<Integer, String> userFamilies, Conversation fallback) {
        java.util.Objects.requireNonNull(fallback, "fallback");
        return new Learner(capture, Map.copyOf(userFamilies), fallback)::at;
    }

    /** A conversation that knows only {@code families} (genl id → family name). */
    public static Conversation fixed(Map<Integer, String> families) {
        Map<Integer, String> m = Map.copyOf(families);
        return id -> Optional.ofNullable(m.get(id));
    }

    /**
     * Parses a user mapping {@code 0x1b=nl80211} or {@code 27=nl80211}.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Map.Entry<Integer, String> parseGenlFamily(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new IllegalArgumentException("expected ID=FAMILY (e.g. 0x1b=nl80211), got \"" + text + "\"");
        }
        String id = text.substring(0, eq).trim().toLowerCase(Locale.ROOT);
        String name = text.substring(eq + 1).trim();
        int value;
        try {
            value = id.startsWith("0x") ? Integer.parseInt(id.substring(2), 16) : Integer.parseInt(id);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + id + "\" is not a number in \"" + text + "\"");
        }
        if (value < GENL_ID_CTRL || value > 0xffff) {
            throw new IllegalArgumentException("generic netlink family ids run from 0x10 to 0xffff, got " + id);
        }
        return Map.entry(value, name);
    }

    /**
     * The family names a CTRL_CMD_NEWFAMILY message announces, as id → name; empty for any other
     * message. Never throws: a short or malformed message simply teaches nothing.
     */
    public static Map<Integer, String> learnedFrom(MessageRef m) {
        if (m.kind() != FrameKind.MESSAGE || m.record().protocol() != Protocol.GENERIC || m.type() != GENL_ID_CTRL) {
            return Map.of();
        }
        Direction d = m.record().direction();
        if (d == Direction.TO_KERNEL || d == Direction.UNKNOWN && (m.flags() & NlFlags.REQUEST) != 0) {
            return Map.of();
        }
        ByteView b = m.bytes();
        if (b.length() < 20 || b.u8(16) != CTRL_CMD_NEWFAMILY) {
            return Map.of();
        }
        int end = (int) Math.min(b.length(), b.u32le(0));
        Integer id = null;
        String name = null;
        AttributeCursor c = AttributeCursor.over(b, Netlink.NLMSG_HDRLEN + Netlink.GENL_HDRLEN, end);
        while (c.next()) {
            if (c.type() == CTRL_ATTR_FAMILY_ID && c.nlaLen() >= 6) {
                id = c.payload().u16le(0);
            } else if (c.type() == CTRL_ATTR_FAMILY_NAME && c.nlaLen() > 4) {
                name = c.payloadString();
            }
        }
        return id != null && name != null && !name.isEmpty() ? Map.of(id, name) : Map.of();
    }

    /**
     * Scans the capture forward as far as asked, remembering for every family id where each of its
     * names took effect. Asking about message {@code i} costs no more than the messages not yet
     * scanned plus one binary search per id looked up, so decoding a million messages in order is
     * linear, not quadratic.
     */
    private static final class Learner {
        private final Capture capture;
        private final Map<Integer, String> user;
        private final Conversation fallback;
        /** id → the names it was given, in capture order. */
        private final Map<Integer, List<Learned>> history = new HashMap<>();
        private int scanned;

        private record Learned(int messageIndex, String name) {
        }

        Learner(Capture capture, Map<Integer, String> user, Conversation fallback) {
            this.capture = capture;
            this.user = user;
            this.fallback = fallback;
        }

        Conversation at(int index) {
            synchronized (this) {
                // hasMessage, not messageCount: a file still being indexed is scanned as far as it goes
                while (scanned < index && capture.hasMessage(scanned)) {
                    MessageRef m = capture.message(scanned);
                    for (Map.Entry<Integer, String> e : learnedFrom(m).entrySet()) {
                        List<Learned> names = history.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
                        // the same name again changes nothing: a capture that repeats its nlctrl dump
                        // (a long one) would otherwise grow this by every repetition
                        if (names.isEmpty() || !names.get(names.size() - 1).name().equals(e.getValue())) {
                            names.add(new Learned(scanned, e.getValue()));
                        }
                    }
                    scanned++;
                }
            }
            return new Conversation() {
                @Override
                public Optional<String> genlFamily(int id) {
                    String u = user.get(id);
                    if (u != null) {
                        return Optional.of(u);
                    }
                    String learned = learnedBefore(id, index);
                    return learned != null ? Optional.of(learned) : fallback.genlFamily(id);
                }

                @Override
                public String toString() {
                    return "Conversation@" + index;
                }
            };
        }

        /** The name {@code id} had most recently before message {@code index}, or null. */
        private synchronized String learnedBefore(int id, int index) {
            List<Learned> names = history.get(id);
            if (names == null) {
                return null;
            }
            int lo = 0;
            int hi = names.size() - 1;
            String found = null;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (names.get(mid).messageIndex() < index) {
                    found = names.get(mid).name();
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return found;
        }
    }
}
