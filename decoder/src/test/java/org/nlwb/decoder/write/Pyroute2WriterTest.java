package org.nlwb.decoder.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.read.DumpFormat;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.read.Pyroute2Reader;
import org.nlwb.decoder.read.Samples;
import org.nlwb.decoder.read.StraceReader;

class Pyroute2WriterTest {

    static byte[] write(List<Record> records) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Pyroute2Writer w = new Pyroute2Writer(out, "test")) {
            for (Record r : records) {
                w.write(r);
            }
        }
        return out.toByteArray();
    }

    @Test
    void everyPyroute2SampleReadsBackToTheSameRecord() throws Exception {
        for (Path p : Samples.filesUnder(Samples.shared().resolve("pyroute2"))) {
            String n = p.getFileName().toString();
            if (n.endsWith(".json") || n.endsWith(".txt") || n.endsWith(".pcap") || n.equals("links.dump")) {
                continue;
            }
            Record original = Samples.read(new Pyroute2Reader(), p).records().get(0);
            byte[] written = write(List.of(original));
            List<Record> back = Samples.read(new Pyroute2Reader(), "w.data", written).records();
            assertEquals(1, back.size(), n);
            assertArrayEquals(original.bytes().toArray(), back.get(0).bytes().toArray(), n);
            assertEquals("pyroute2", Loader.standard().load("w.data", written, null, -1).format(), n);
        }
    }

    @Test
    void aStraceLogWrittenAsPyroute2KeepsEveryMessageAndNamesThemInComments() throws Exception {
        List<Record> records = Samples.read(new StraceReader(), Samples.captured("netns-ip-link-add-dummy-fail.strace.txt")).records();
        byte[] written = write(records);
        String text = new String(written, StandardCharsets.US_ASCII);
        assertTrue(text.contains("# record 1: to kernel, NETLINK_ROUTE, pid "), text);
        assertTrue(text.contains("type=NLMSG_ERROR"), text);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        records.forEach(r -> all.writeBytes(r.bytes().toArray()));
        var capture = Loader.standard().load("w.data", written, DumpFormat.PYROUTE2, -1);
        assertArrayEquals(all.toByteArray(), capture.record(0).bytes().toArray());
        assertEquals(org.nlwb.decoder.model.Protocol.ROUTE, capture.record(0).protocol(), "via '# protocol: route'");
        assertEquals(Loader.standard().load(Samples.captured("netns-ip-link-add-dummy-fail.strace.txt"), null, -1).messageCount(),
                capture.messageCount());
    }
}
