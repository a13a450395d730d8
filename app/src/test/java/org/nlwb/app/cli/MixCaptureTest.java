package org.nlwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.read.Loader;

/** The bench's synthetic capture: the four reply kinds in turn, from the samples, the same every time. */
class MixCaptureTest {
    private static final Path SAMPLES = Path.of("../samples");

    @Test
    void cyclesThroughLinkAddressRouteAndNeighbourReplies(@TempDir Path dir) throws Exception {
        MixCapture mix = MixCapture.fromSamples(SAMPLES);
        mix.seedCounts().forEach((k, n) -> assertTrue(n > 0, k + ": " + n));
        Path out = dir.resolve("mix.pcap");
        mix.write(out, 400);
        Capture c = Loader.standard().load(out, null, Protocol.UNKNOWN);
        assertEquals(400, c.messageCount());
        List<Integer> types = c.messages().stream().limit(8).map(MessageRef::type).toList();
        assertEquals(List.of(16, 20, 24, 28, 16, 20, 24, 28), types);
        for (MessageRef m : c.messages()) {
            assertEquals(Protocol.ROUTE, m.record().protocol());
        }
        Path again = dir.resolve("again.pcap");
        MixCapture.fromSamples(SAMPLES).write(again, 400);
        assertArrayEquals(Files.readAllBytes(out), Files.readAllBytes(again), "deterministic");
    }

    @Test
    void aChildRunCountsWhatItPrintsAndItsExit() throws Exception {
        ChildRun r = ChildRun.of(List.of("sh", "-c", "printf 'abcde'; exit 3"));
        assertEquals(5, r.outBytes());
        assertEquals(3, r.exit());
        assertTrue(r.seconds() > 0);
    }
}
