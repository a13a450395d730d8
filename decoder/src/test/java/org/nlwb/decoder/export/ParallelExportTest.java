package org.nlwb.decoder.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.json.JsonForm;
import org.nlwb.decoder.json.TreeJson;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.pipeline.DecodedCapture;
import org.nlwb.decoder.pipeline.OrderedBatches;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.spec.RegistryFactory;
import org.nlwb.decoder.testing.Samples;
import org.nlwb.decoder.text.TextTree;

/**
 * A capture decoded on several threads is written byte for byte as the serial writers write it:
 * on every sample, and on a large capture made of all of them, nlctrl replies included (their
 * family ids must reach the workers that decode the messages after them).
 */
class ParallelExportTest {
    private static final Registry REGISTRY = RegistryFactory.standard(List.of());
    /** Small batches and more threads than cores: many hand-overs, out-of-order completion. */
    private static final OrderedBatches PARALLEL = new OrderedBatches(4, 7);

    @Test
    void everySampleIsTheSameDecodedInParallel() throws Exception {
        List<Path> samples = Samples.dumpsUnder(Samples.project());
        assertTrue(samples.size() > 20, "samples found: " + samples);
        for (Path p : samples) {
            Capture c;
            try {
                c = Loader.standard().load(p, null, Protocol.UNKNOWN);
            } catch (org.nlwb.decoder.read.UnreadableInputException e) {
                continue; // a sample made to be unreadable
            }
            assertSameBytes(DecodedCapture.of(c, REGISTRY), p.getFileName().toString());
        }
    }

    @Test
    void aLargeMixedCaptureIsTheSameDecodedInParallel() throws Exception {
        Capture big = new Capture("mix", "pcap");
        for (int round = 0; round < 4; round++) {
            for (Path p : Samples.dumpsUnder(Samples.project())) {
                if (p.getFileName().toString().endsWith(".strace.txt")) {
                    for (Record r : Loader.standard().load(p, null, Protocol.UNKNOWN).records()) {
                        big.append(r);
                    }
                }
            }
        }
        assertTrue(big.messageCount() > 1000, big.messageCount() + " messages");
        assertSameBytes(DecodedCapture.of(big, REGISTRY), "the mix");
    }

    @Test
    void aChoiceOfMessagesIsWrittenAsTheGeneratorWritesIt() throws Exception {
        for (Path p : Samples.dumpsUnder(Samples.project())) {
            Capture c;
            try {
                c = Loader.standard().load(p, null, Protocol.UNKNOWN);
            } catch (org.nlwb.decoder.read.UnreadableInputException e) {
                continue;
            }
            DecodedCapture d = DecodedCapture.of(c, REGISTRY);
            // every other message, none, and all: commas between kept messages only
            List<List<MessageRef>> choices = List.of(
                    java.util.stream.IntStream.range(0, c.messages().size()).filter(i -> i % 2 == 1)
                            .mapToObj(c.messages()::get).toList(),
                    List.of(), c.messages());
            for (List<MessageRef> kept : choices) {
                for (JsonForm form : JsonForm.values()) {
                    ByteArrayOutputStream jackson = new ByteArrayOutputStream();
                    try (JsonGenerator g = new JsonFactory().createGenerator(jackson)) {
                        TreeJson.writeCapture(g, c.source(), c.format(), d.messages(kept), c.diagnostics(), form);
                    }
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    ParallelExport.writeJson(bytes, d, d.messages(kept), form);
                    assertEquals(jackson.toString(StandardCharsets.UTF_8), bytes.toString(StandardCharsets.UTF_8),
                            p.getFileName() + ", " + kept.size() + " kept, " + form);
                }
            }
        }
    }

    private static void assertSameBytes(DecodedCapture d, String what) throws Exception {
        for (boolean omit : new boolean[] {false, true}) {
            assertEquals(serialJson(d, omit), parallelJson(d, omit), what + " as JSON, omitEmpty " + omit);
        }
        for (boolean all : new boolean[] {false, true}) {
            assertEquals(serialText(d, all), parallelText(d, all), what + " as text, all " + all);
        }
    }

    private static String serialJson(DecodedCapture d, boolean omit) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            Exporter.writeJson(g, d, omit);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String parallelJson(DecodedCapture d, boolean omit) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ParallelExport.writeJson(out, d, PARALLEL, omit);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String serialText(DecodedCapture d, boolean all) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, false, StandardCharsets.UTF_8);
        Exporter.writeText(new TextTree(ps, all), d);
        ps.flush();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String parallelText(DecodedCapture d, boolean all) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ParallelExport.writeText(out, d, all, PARALLEL);
        return out.toString(StandardCharsets.UTF_8);
    }
}
