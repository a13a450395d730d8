package org.nlwb.decoder.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.nlwb.decoder.decode.Conversation;
import org.nlwb.decoder.decode.Conversations;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.dissect.MessageDecoder;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.spec.RegistryFactory;
import org.nlwb.decoder.testing.Samples;
import org.nlwb.decoder.tree.TreeChecks;

/**
 * The foundation's promise on every sample we have, the reference ones in {@code ../shared} and the
 * project's own: it loads, every message decodes without an exception, and the leaves of every
 * message's tree tile its bytes exactly once.
 */
class EverySampleDecodesTest {
    private static final MessageDecoder DECODER = new MessageDecoder(RegistryFactory.standard(List.of()));

    /** pyroute2's links.dump holds already-decoded JSON, not bytes: it must be refused with a clear word. */
    private static boolean isDecodedJson(Path p) {
        return p.getFileName().toString().equals("links.dump");
    }

    @TestFactory
    Stream<DynamicTest> everySampleLoadsAndEveryTreeTilesItsMessage() {
        List<Path> files = new ArrayList<>(Samples.dumpsUnder(Samples.shared().resolve("samples")));
        files.addAll(Samples.dumpsUnder(Samples.project()));
        assertTrue(files.size() >= 30, "expected the shared samples at " + Samples.shared() + ", found " + files.size());
        return files.stream().filter(p -> !isDecodedJson(p)).map(p -> DynamicTest.dynamicTest(
                Samples.shared().relativize(p.toAbsolutePath()).toString(), () -> checkFile(p)));
    }

    private static void checkFile(Path p) throws Exception {
        Capture c = Loader.standard().load(p, null, Protocol.UNKNOWN);
        assertTrue(c.messageCount() > 0, p + ": no messages");
        IntFunction<Conversation> conv = Conversations.of(c);
        for (MessageRef ref : c.messages()) {
            DecodedMessage m = DECODER.decode(ref, conv.apply(ref.index()));
            List<String> v = TreeChecks.violations(m.tree(), ref.length());
            assertEquals(List.of(), v, p + " message " + ref.index() + " (" + m.typeName() + ")");
            assertFalse(m.summary().isBlank());
        }
    }
}
