package org.nlwb.decoder.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.testing.Samples;

/**
 * The capture's heading gives the counts up to {@link TextTree#COUNTS_FIRST_UP_TO} messages and
 * says they come at the end beyond (where they then are), so a large capture's text can start at once.
 */
class TextTreeTest {
    private static final String NL = System.lineSeparator();

    @Test
    void aCaptureOfAtMostTheLimitHasItsCountsInTheHeading() throws Exception {
        Capture c = repeated(TextTree.COUNTS_FIRST_UP_TO);
        assertEquals("== mix (pcap): " + TextTree.COUNTS_FIRST_UP_TO + " records, " + TextTree.COUNTS_FIRST_UP_TO
                + " messages" + NL + NL, text(c));
    }

    @Test
    void aLargerCaptureSaysItsCountsComeAtTheEndAndGivesThemThere() throws Exception {
        Capture c = repeated(TextTree.COUNTS_FIRST_UP_TO + 1);
        int n = TextTree.COUNTS_FIRST_UP_TO + 1;
        assertEquals("== mix (pcap): over " + TextTree.COUNTS_FIRST_UP_TO + " messages, counted at the end" + NL
                + "-- " + n + " records, " + n + " messages" + NL + NL, text(c));
    }

    @Test
    void oneOfEachIsSingular() throws Exception {
        assertEquals("== mix (pcap): 1 record, 1 message" + NL + NL, text(repeated(1)));
    }

    /** The heading and footer alone: they depend on the capture, not on which messages are written. */
    private static String text(Capture c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TextTree(out, false).capture(c, List.of());
        return out.toString(StandardCharsets.UTF_8);
    }

    /** {@code n} one-message records: the first record of a sample, again and again. */
    private static Capture repeated(int n) throws Exception {
        Record r = Loader.standard().load(Samples.project().resolve("ip-route-add.pcap"), null, Protocol.UNKNOWN).record(0);
        Capture c = new Capture("mix", "pcap");
        for (int i = 0; i < n; i++) {
            c.append(r);
        }
        return c;
    }
}
