package org.nlwb.decoder.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.read.Samples;

class ConvertTest {

    @Test
    void convertsAStraceLogToTheSamePcapAsTheWriterAndToAReadablePcapngAndData(@TempDir Path dir) throws Exception {
        Path log = Samples.captured("netns-ip-link-add-dummy-fail.strace.txt");
        Path pcap = dir.resolve("x.pcap");
        Path pcapng = dir.resolve("x.pcapng");
        Path data = dir.resolve("x.data");
        Convert.main(new String[] {log.toString(), pcap.toString()});
        Convert.main(new String[] {"--ns", "--format", "strace", log.toString(), pcapng.toString()});
        Convert.main(new String[] {log.toString(), data.toString()});

        List<Record> records = Loader.standard().load(log, null, -1).records();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        try (PcapWriter w = new PcapWriter(expected, TimeResolution.MICROSECONDS)) {
            for (Record r : records) {
                w.write(r);
            }
        }
        assertArrayEquals(expected.toByteArray(), Files.readAllBytes(pcap));
        List<Record> ng = Loader.standard().load(pcapng, null, -1).records();
        assertEquals(records.size(), ng.size());
        for (int i = 0; i < ng.size(); i++) {
            assertEquals(records.get(i).timeNanos(), ng.get(i).timeNanos());
            assertEquals(records.get(i).pid(), ng.get(i).pid());
            assertEquals(records.get(i).syscall(), ng.get(i).syscall());
        }
        assertEquals(Loader.standard().load(log, null, -1).messageCount(), Loader.standard().load(data, null, -1).messageCount());
    }
}
