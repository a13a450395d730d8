package org.nlwb.capture.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlwb.capture.live.LiveCapture;
import org.nlwb.capture.live.LiveFileWriter;
import org.nlwb.capture.live.MonitorSource;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.testing.NeedsRoot;

/**
 * A monitor writing to a file while the churn runs in its namespace: every notification the
 * kernel made is in the file or counted lost, never neither. At this size the 16 MiB receive
 * buffer holds all of them even if the monitor read nothing until the end, so none is lost.
 */
@NeedsRoot
class MonitorUnderLoadTest {
    private static final long REQUESTS = 20_000;

    @Test
    void everyGeneratedNotificationIsWrittenOrCountedLost(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("load.pcap");
        try (ChurnNamespace ns = ChurnNamespace.create()) {
            MonitorSource source = new MonitorSource(new MonitorSource.Options(Protocol.ROUTE, List.of("ipv4-ifaddr"),
                    ns.name(), 16 * 1024 * 1024, true, false));
            LiveCapture live = new LiveCapture(source.describe());
            LiveFileWriter writer = LiveFileWriter.attach(file, live);
            source.start(live);
            AddressChurn.Result sent;
            try {
                AddressChurn churn = ns.churn(100);
                sent = churn.run(REQUESTS, 20_000);
                AddressChurn.Result last = churn.run(1, 0); // closes a gap at the very end, if any
                assertEquals(0, sent.errors() + last.errors(), "every request succeeded");
                long generated = sent.notifications() + last.notifications();
                live.awaitMessages(generated, Duration.ofSeconds(60));
                source.stop();
                writer.close();

                BitSet seqs = new BitSet();
                Capture onDisk = Loader.standard().load(file, null, Protocol.UNKNOWN);
                for (MessageRef m : onDisk.messages()) {
                    if (m.portId() == Integer.toUnsignedLong(ns.portId())) {
                        seqs.set((int) m.seq());
                    }
                }
                LiveCapture.Stats s = live.stats();
                assertEquals(generated, seqs.cardinality() + s.lost(), "written + counted lost, " + s);
                assertEquals(0, s.overruns(), s.toString());
                assertEquals(generated, seqs.cardinality());
                assertTrue(seqs.get(1) && seqs.get((int) generated), "seq 1 .. " + generated);
            } finally {
                source.stop();
                writer.close();
            }
        }
    }
}
