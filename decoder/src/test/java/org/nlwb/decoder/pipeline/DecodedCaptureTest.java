package org.nlwb.decoder.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.decode.Conversation;
import org.nlwb.decoder.decode.Conversations;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.dissect.MessageDecoder;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.spec.RegistryFactory;
import org.nlwb.decoder.testing.Samples;

/** The pipeline owner on the project's samples: the same trees as the steps wired by hand, and what it adds. */
class DecodedCaptureTest {
    private static final Registry REGISTRY = RegistryFactory.standard(List.of());
    /** ethtool's conversation with the CTRL_CMD_GETFAMILY exchange that names id 0x15 cut out. */
    private static final Path ETHTOOL = Path.of("src/test/resources/org/nlwb/decoder/pipeline/genl-ethtool-no-ctrl.strace.txt");

    private static Capture load(Path p) throws Exception {
        return Loader.standard().load(p, null, Protocol.UNKNOWN);
    }

    private static List<String> typeNames(Iterable<DecodedMessage> messages) {
        List<String> out = new ArrayList<>();
        messages.forEach(m -> out.add(m.typeName()));
        return out;
    }

    @Test
    void decodesEveryMessageAsTheDecoderDoesWithTheCapturesOwnConversation() throws Exception {
        Capture c = load(Samples.project().resolve("genl-ctrl-list.strace.txt"));
        MessageDecoder byHand = new MessageDecoder(REGISTRY);
        var conv = Conversations.of(c);
        DecodedCapture d = DecodedCapture.of(c, REGISTRY);
        int i = 0;
        for (DecodedMessage m : d.messages()) {
            assertEquals(byHand.decode(c.message(i), conv.apply(i)).tree(), m.tree(), "message " + i);
            i++;
        }
        assertEquals(c.messageCount(), i);
    }

    @Test
    void theUsersMappingNamesAFamilyTheCaptureDoesNotTeach() throws Exception {
        Capture c = load(ETHTOOL);
        assertEquals("0x15", DecodedCapture.of(c, REGISTRY).decoded(0).typeName());
        DecodedCapture named = new DecodedCapture(c, REGISTRY, ConversationPolicy.parse(List.of("0x15=ethtool")), null);
        assertEquals("ETHTOOL_MSG_LINKINFO_GET", named.decoded(0).typeName());
        assertEquals("ethtool", named.decoded(1).className());
    }

    @Test
    void theKernelIsAskedOnlyAboutIdsNeitherTheUserNorTheCaptureNames() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        Conversation kernel = id -> {
            asked.incrementAndGet();
            return id == 0x15 ? Optional.of("ethtool") : Optional.empty();
        };
        DecodedCapture viaKernel = new DecodedCapture(load(ETHTOOL), REGISTRY,
                ConversationPolicy.captureOnly().withKernel(kernel), null);
        assertEquals("ETHTOOL_MSG_LINKINFO_GET", viaKernel.decoded(0).typeName());
        assertTrue(asked.get() > 0);
        asked.set(0);
        DecodedCapture user = new DecodedCapture(load(ETHTOOL), REGISTRY,
                ConversationPolicy.captureOnly().withUserFamilies(Map.of(0x15, "ethtool")).withKernel(kernel), null);
        typeNames(user.messages());
        assertEquals(0, asked.get());
    }

    @Test
    void iteratingFollowsRecordsAppendedWhileItRuns() throws Exception {
        Capture source = load(Samples.project().resolve("ip-link-add-veth.strace.txt"));
        Capture live = new Capture("live", "live");
        DecodedCapture d = DecodedCapture.of(live, REGISTRY);
        Iterator<DecodedMessage> it = d.messages().iterator();
        List<String> seen = new ArrayList<>();
        for (Record r : source.records()) {
            live.append(r);
            while (it.hasNext()) {
                seen.add(it.next().typeName());
            }
        }
        assertEquals(typeNames(DecodedCapture.of(source, REGISTRY).messages()), seen);
        assertThrows(java.util.NoSuchElementException.class, it::next);
    }

    @Test
    void theCacheKeepsTreesUntilTheRegistryOrForcedClassChanges() throws Exception {
        DecodedCapture d = DecodedCapture.of(load(Samples.project().resolve("ip-link-show.pcap")), REGISTRY);
        DecodedMessage first = d.decoded(3);
        assertSame(first, d.decoded(3));
        assertNotSame(first, d.decodeUncached(3), "a scan does not go through the cache");
        assertEquals("rt-link", first.className());
        d.redecode(REGISTRY, "rt-addr");
        assertEquals("rt-addr", d.forcedClass());
        assertEquals("rt-addr", d.decoded(3).className());
        d.redecode(REGISTRY, null);
        assertEquals("rt-link", d.decoded(3).className());
    }

    @Test
    void aSubsetIsDecodedInTheOrderGiven() throws Exception {
        DecodedCapture d = DecodedCapture.of(load(Samples.project().resolve("ip-link-show.pcap")), REGISTRY);
        List<Integer> indexes = new ArrayList<>();
        d.messages(List.of(d.message(2), d.message(0))).forEach(m -> indexes.add(m.ref().index()));
        assertEquals(List.of(2, 0), indexes);
    }

    @Test
    void aMalformedUserMappingIsRefusedWithWhatIsWrong() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConversationPolicy.parse(List.of("0x15=ethtool", "ethtool")));
        assertTrue(e.getMessage().contains("expected ID=FAMILY"), e.getMessage());
    }
}
