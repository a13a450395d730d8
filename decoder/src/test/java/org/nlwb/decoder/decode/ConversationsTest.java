package org.nlwb.decoder.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.testing.NlBuilder;
import org.nlwb.decoder.testing.Samples;

/** Generic netlink family ids: learned from the capture in order, named by the user, asked of a fallback. */
class ConversationsTest {

    @Test
    void genlCtrlListTeachesEveryFamilyIdToTheMessagesAfterIt() throws Exception {
        Capture c = Loader.standard().load(Samples.shared().resolve("samples/captured/genl-ctrl-list.pcap"), null, Protocol.UNKNOWN);
        IntFunction<Conversation> conv = Conversations.of(c);
        assertEquals(Optional.empty(), conv.apply(0).genlFamily(0x10), "nothing is known before the first reply");
        Conversation end = conv.apply(c.messageCount());
        assertEquals(Optional.of("nlctrl"), end.genlFamily(0x10));
        // every CTRL_ATTR_FAMILY_ID the dump carries, each with its name (the ids are this machine's)
        int learned = 0;
        for (int i = 0x10; i < 0x40; i++) {
            learned += end.genlFamily(i).isPresent() ? 1 : 0;
        }
        assertEquals(15, learned);
        // message 2 knows what message 1 taught, not what message 2 itself teaches
        assertEquals(Optional.of("nlctrl"), conv.apply(2).genlFamily(0x10));
        String second = Conversations.learnedFrom(c.message(2)).values().iterator().next();
        int secondId = Conversations.learnedFrom(c.message(2)).keySet().iterator().next();
        assertEquals(Optional.empty(), conv.apply(2).genlFamily(secondId));
        assertEquals(Optional.of(second), conv.apply(3).genlFamily(secondId));
    }

    @Test
    void theUserWinsOverTheCaptureAndTheFallbackAnswersTheRest() {
        Capture c = new Capture("t", "test");
        byte[] newFamily = NlBuilder.message(0x10, 0, 1, 9, new NlBuilder().u8(1).u8(2).u16(0)
                .attrString(2, "fromcapture").attrU16(1, 0x20));
        c.append(new Record(-1, Direction.FROM_KERNEL, Protocol.GENERIC, -1, -1, null, "0", ByteView.of(newFamily)));
        Conversation kernel = id -> id == 0x21 ? Optional.of("fromkernel") : Optional.empty();
        Conversation conv = Conversations.of(c, Map.of(0x20, "fromuser"), kernel).apply(1);
        assertEquals(Optional.of("fromuser"), conv.genlFamily(0x20));
        assertEquals(Optional.of("fromkernel"), conv.genlFamily(0x21));
        assertEquals(Optional.empty(), conv.genlFamily(0x22));
        assertEquals(Optional.of("fromcapture"), Conversations.of(c).apply(1).genlFamily(0x20));
    }

    @Test
    void anIdHandedOutAgainIsNamedByTheLatestAnnouncementBeforeEachMessage() {
        Capture c = new Capture("t", "test");
        for (String name : new String[] {"first", "second"}) {
            byte[] nf = NlBuilder.message(0x10, 0, 1, 9, new NlBuilder().u8(1).u8(2).u16(0).attrString(2, name).attrU16(1, 0x20));
            c.append(new Record(-1, Direction.FROM_KERNEL, Protocol.GENERIC, -1, -1, null, name, ByteView.of(nf)));
        }
        IntFunction<Conversation> conv = Conversations.of(c);
        assertEquals(Optional.empty(), conv.apply(0).genlFamily(0x20));
        assertEquals(Optional.of("first"), conv.apply(1).genlFamily(0x20));
        assertEquals(Optional.of("second"), conv.apply(2).genlFamily(0x20));
        assertEquals(Optional.of("first"), conv.apply(1).genlFamily(0x20), "asking out of order changes nothing");
    }

    @Test
    void aRequestToTheKernelTeachesNothing() {
        Capture c = new Capture("t", "test");
        byte[] req = NlBuilder.message(0x10, 0x1, 1, 0, new NlBuilder().u8(1).u8(2).u16(0)
                .attrString(2, "liar").attrU16(1, 0x20));
        c.append(new Record(-1, Direction.UNKNOWN, Protocol.GENERIC, -1, -1, null, "0", ByteView.of(req)));
        assertEquals(Optional.empty(), Conversations.of(c).apply(1).genlFamily(0x20));
    }

    @Test
    void userMappingsParseInHexOrDecimalAndBadOnesSayWhy() {
        assertEquals(Map.entry(0x1b, "nl80211"), Conversations.parseGenlFamily("0x1b=nl80211"));
        assertEquals(Map.entry(27, "nl80211"), Conversations.parseGenlFamily("27=nl80211"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Conversations.parseGenlFamily("nl80211"));
        assertEquals("expected ID=FAMILY (e.g. 0x1b=nl80211), got \"nl80211\"", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Conversations.parseGenlFamily("0x5=x"));
    }
}
