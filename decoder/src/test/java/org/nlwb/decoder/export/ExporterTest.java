package org.nlwb.decoder.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.pipeline.DecodedCapture;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.spec.RegistryFactory;
import org.nlwb.decoder.testing.Samples;
import org.nlwb.decoder.text.TextTree;

/** Exports of the project's samples read back: the datagrams, the JSON contract and the text tree. */
class ExporterTest {
    private static final Registry REGISTRY = RegistryFactory.standard(List.of());
    private static final Path SAMPLE = Samples.project().resolve("ip-link-add-veth.strace.txt");

    private static DecodedCapture sample() throws Exception {
        return DecodedCapture.of(Loader.standard().load(SAMPLE, null, Protocol.UNKNOWN), REGISTRY);
    }

    private static void export(DecodedCapture d, List<MessageRef> refs, ExportFormat f, Path out) throws Exception {
        Exporter.export(d, refs, f, out, i -> { }, () -> false);
    }

    @Test
    void everyMessageAsPcapGivesBackTheOriginalDatagrams(@TempDir Path dir) throws Exception {
        DecodedCapture d = sample();
        Path out = dir.resolve("all.pcap");
        export(d, Exporter.all(d), ExportFormat.PCAP, out);
        Capture again = Loader.standard().load(out, null, Protocol.UNKNOWN);
        assertEquals(d.capture().recordCount(), again.recordCount());
        for (int i = 0; i < again.recordCount(); i++) {
            Record was = d.capture().record(i);
            Record is = again.record(i);
            assertEquals(was.bytes().hex(), is.bytes().hex(), "record " + i);
            assertEquals(was.direction(), is.direction(), "record " + i);
        }
    }

    @Test
    void jsonToAFileIsTheDecodeContractOfTheMessagesGiven(@TempDir Path dir) throws Exception {
        DecodedCapture d = sample();
        Path out = dir.resolve("some.json");
        List<Integer> progress = new ArrayList<>();
        Exporter.export(d, List.of(d.message(1), d.message(3)), ExportFormat.JSON, out, progress::add, () -> false);
        JsonNode doc = new ObjectMapper().readTree(out.toFile());
        assertEquals(SAMPLE.toString(), doc.get("source").asText());
        assertEquals(2, doc.get("messages").size());
        assertEquals(3, doc.get("messages").get(1).get("index").asInt());
        assertEquals(List.of(0, 1), progress);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(all)) {
            g.useDefaultPrettyPrinter();
            Exporter.writeJson(g, d);
        }
        Path whole = dir.resolve("all.json");
        export(d, Exporter.all(d), ExportFormat.JSON, whole);
        assertEquals(all.toString(StandardCharsets.UTF_8), Files.readString(whole), "the file and the stream agree");
    }

    @Test
    void aCancelledExportSavesNothingAndLeavesTheOldFileAsItWas(@TempDir Path dir) throws Exception {
        DecodedCapture d = sample();
        Path none = dir.resolve("none.json");
        Exporter.export(d, Exporter.all(d), ExportFormat.JSON, none, i -> { }, () -> true);
        assertFalse(Files.exists(none), "a cancelled export writes no file");
        Path old = dir.resolve("old.json");
        Files.writeString(old, "{\"kept\": true}");
        Exporter.export(d, Exporter.all(d), ExportFormat.JSON, old, i -> { }, () -> true);
        assertEquals("{\"kept\": true}", Files.readString(old));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "only the old file: no temporary file is left beside it");
        }
    }

    @Test
    void textToAFileIsTheTreeDecodePrints(@TempDir Path dir) throws Exception {
        DecodedCapture d = sample();
        Path out = dir.resolve("all.txt");
        export(d, Exporter.all(d), ExportFormat.TEXT, out);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(printed, true, StandardCharsets.UTF_8);
        Exporter.writeText(new TextTree(ps, false), d);
        assertEquals(printed.toString(StandardCharsets.UTF_8), Files.readString(out));
    }

    @Test
    void pyroute2CommentsNameTheTypesAsTheDecoderDoes(@TempDir Path dir) throws Exception {
        DecodedCapture d = sample();
        Path out = dir.resolve("all.data");
        export(d, Exporter.all(d), ExportFormat.PYROUTE2, out);
        String text = Files.readString(out);
        assertTrue(text.contains("RTM_NEWLINK"), text);
        Capture again = Loader.standard().load(out, null, Protocol.UNKNOWN);
        assertEquals(d.messageCount(), again.messageCount());
    }
}
