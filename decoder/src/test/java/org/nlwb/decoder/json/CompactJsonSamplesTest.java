package org.nlwb.decoder.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.pipeline.DecodedCapture;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.read.UnreadableInputException;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.spec.RegistryFactory;
import org.nlwb.decoder.testing.Samples;

/**
 * The byte writer and the Jackson writer give the same bytes for every sample, the project's and
 * the shared reference ones, in every form: the byte writer replaces the Jackson path of
 * {@code decode --json} only because of this.
 */
class CompactJsonSamplesTest {
    private static final Registry REGISTRY = RegistryFactory.standard(List.of());

    static List<DecodedCapture> everySample() throws Exception {
        List<Path> files = new ArrayList<>(Samples.dumpsUnder(Samples.project()));
        files.addAll(Samples.dumpsUnder(Samples.shared().resolve("samples")));
        List<DecodedCapture> out = new ArrayList<>();
        for (Path p : files) {
            try {
                Capture c = Loader.standard().load(p, null, Protocol.UNKNOWN);
                out.add(DecodedCapture.of(c, REGISTRY));
            } catch (UnreadableInputException e) {
                // a sample made to be unreadable has no document to compare
            }
        }
        assertTrue(out.size() > 40, out.size() + " samples read");
        return out;
    }

    static byte[] jackson(DecodedCapture d, JsonForm form) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            TreeJson.writeCapture(g, d.capture().source(), d.capture().format(), d.messages(),
                    d.capture().diagnostics(), form);
        }
        return out.toByteArray();
    }

    static byte[] compact(DecodedCapture d, JsonForm form) {
        JsonBytes b = new JsonBytes(16);
        CompactJson.captureStart(b, d.capture().source(), d.capture().format());
        boolean first = true;
        for (DecodedMessage m : d.messages()) {
            if (!first) {
                b.raw(',');
            }
            first = false;
            CompactJson.message(b, m, form);
        }
        CompactJson.captureEnd(b, d.capture().diagnostics(), form);
        return b.toByteArray();
    }

    @Test
    void everySampleIsWrittenByteForByteAsJacksonWritesItInEveryForm() throws Exception {
        int messages = 0;
        for (DecodedCapture d : everySample()) {
            for (JsonForm form : JsonForm.values()) {
                assertArrayEquals(jackson(d, form), compact(d, form), d.capture().source() + " " + form);
            }
            messages += d.messageCount();
        }
        assertTrue(messages > 1000, messages + " messages compared");
    }
}
