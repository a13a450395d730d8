package org.nlwb.capture.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlwb.capture.netns.ThrowawayNamespace;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.testing.NeedsRoot;

@NeedsRoot
class LiveFileWriterTest {

    /** The file is readable while the capture still runs: each record is on disk once it is in the capture. */
    @Test
    void everyRecordIsOnDiskAsSoonAsItArrives(@TempDir Path dir) throws Exception {
        for (String name : List.of("live.pcap", "live.pcapng")) {
            Path file = dir.resolve(name);
            try (ThrowawayNamespace ns = ThrowawayNamespace.create("nlwb-test")) {
                MonitorSource src = new MonitorSource(MonitorSource.Options.of(Protocol.ROUTE, List.of("link"), ns.name()));
                LiveCapture live = new LiveCapture(src.describe());
                LiveFileWriter w = LiveFileWriter.attach(file, live);
                src.start(live);
                try {
                    ns.exec("ip", "link", "add", "wv0", "type", "veth", "peer", "name", "wv1");
                    assertTrue(live.awaitMessages(2, Duration.ofSeconds(5)));
                    Thread.sleep(100); // any further notifications of the add
                    List<Record> captured = live.capture().records();
                    Capture onDisk = Loader.standard().load(file, null, Protocol.UNKNOWN);
                    assertEquals(captured.size(), onDisk.recordCount(), name);
                    for (int i = 0; i < captured.size(); i++) {
                        Record a = captured.get(i);
                        Record b = onDisk.record(i);
                        assertTrue(a.bytes().contentEquals(b.bytes()), name + " record " + i);
                        assertEquals(Direction.FROM_KERNEL, b.direction());
                        assertEquals(Protocol.ROUTE, b.protocol());
                        assertEquals(a.timeNanos() / 1000, b.timeNanos() / 1000, "time to the microsecond");
                    }
                    assertEquals(captured.size(), w.written());

                    // killed in the middle of a record: the records before it still load
                    byte[] all = java.nio.file.Files.readAllBytes(file);
                    Path cut = dir.resolve("cut-" + name);
                    java.nio.file.Files.write(cut, java.util.Arrays.copyOf(all, all.length - 10));
                    Capture partial = Loader.standard().load(cut, null, Protocol.UNKNOWN);
                    assertEquals(captured.size() - 1, partial.recordCount(), name + " cut");
                    assertEquals(1, partial.diagnostics().size(), partial.diagnostics().toString());
                } finally {
                    src.stop();
                }
            }
        }
    }
}
