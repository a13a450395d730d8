package org.nlwb.capture.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nlwb.capture.testing.Links;
import org.nlwb.capture.netns.ThrowawayNamespace;
import org.nlwb.decoder.message.FrameKind;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.model.Diagnostic;
import org.nlwb.decoder.testing.NeedsRoot;

/** Monitors opened inside a throwaway namespace see what happens there, as it happens. */
@NeedsRoot
class MonitorSourceTest {
    private ThrowawayNamespace ns;
    private MonitorSource source;

    @BeforeEach
    void namespace() throws Exception {
        ns = ThrowawayNamespace.create("nlwb-test");
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (source != null) {
            source.stop();
        }
        ns.close();
    }

    private LiveCapture start(MonitorSource.Options o) throws Exception {
        source = new MonitorSource(o);
        LiveCapture live = new LiveCapture(source.describe());
        source.start(live);
        return live;
    }

    @Test
    void vethAddAndDeleteShowAsNewLinkAndDelLink() throws Exception {
        LiveCapture live = start(MonitorSource.Options.of(Protocol.ROUTE, List.of("link"), ns.name()));
        List<Record> seen = new CopyOnWriteArrayList<>();
        live.addListener(new CaptureListener() {
            @Override
            public void onRecord(Record record, List<MessageRef> messages) {
                seen.add(record);
            }
        });
        ns.exec("ip", "link", "add", "nlwbv0", "type", "veth", "peer", "name", "nlwbv1");
        ns.exec("ip", "link", "del", "nlwbv0");
        assertTrue(live.awaitMessages(4, Duration.ofSeconds(5)), "2 NEWLINK + 2 DELLINK, got " + live.stats());
        List<String> events = new ArrayList<>();
        for (MessageRef m : live.capture().messages()) {
            assertEquals(FrameKind.MESSAGE, m.kind());
            assertEquals(Direction.FROM_KERNEL, m.record().direction());
            assertEquals(Protocol.ROUTE, m.record().protocol());
            assertTrue(m.record().timeNanos() > 0);
            events.add(m.type() + " " + Links.ifname(m.bytes()));
        }
        assertTrue(events.containsAll(List.of("16 nlwbv0", "16 nlwbv1", "17 nlwbv0", "17 nlwbv1")), events.toString());
        assertEquals("RTNLGRP_LINK", source.groups().get(0).name());
        assertEquals(live.capture().recordCount(), seen.size(), "the listener saw every record");
    }

    @Test
    void genericGroupResolvedByNameThroughNlctrl() throws Exception {
        // netdev:mgmt announces every netdev registered in the namespace (NETDEV_CMD_DEV_ADD_NTF = 2)
        LiveCapture live = start(MonitorSource.Options.of(Protocol.GENERIC, List.of("netdev:mgmt"), ns.name()));
        assertEquals("netdev:mgmt", source.groups().get(0).name());
        assertTrue(source.groups().get(0).id() > 0);
        ns.exec("ip", "link", "add", "nlwbg0", "type", "veth", "peer", "name", "nlwbg1");
        // first the nlctrl exchange that resolved the group: request, CTRL_CMD_NEWFAMILY, ACK
        List<MessageRef> all = live.capture().messages();
        assertEquals(Direction.TO_KERNEL, all.get(0).record().direction());
        assertEquals(0x10, all.get(0).type(), "to nlctrl");
        assertEquals(1, all.get(1).bytes().u8(16), "CTRL_CMD_NEWFAMILY naming netdev's id");
        int familyId = Links.u16Attr(all.get(1).bytes(), 20, 1); // CTRL_ATTR_FAMILY_ID
        assertEquals(2, all.get(2).type(), "NLMSG_ERROR ACK");
        assertTrue(live.awaitMessages(5, Duration.ofSeconds(5)), "two DEV_ADD_NTF, got " + live.stats());
        MessageRef m = live.capture().message(3);
        assertEquals(Protocol.GENERIC, m.record().protocol());
        assertEquals(Direction.FROM_KERNEL, m.record().direction());
        assertEquals(familyId, m.type(), "the notification carries the family id nlctrl named");
        assertEquals(2, m.bytes().u8(16), "genlmsghdr cmd NETDEV_CMD_DEV_ADD_NTF");
    }

    @Test
    void pausedMonitorWithTinyBufferReportsOverrunWhenItReadsAgain() throws Exception {
        LiveCapture live = start(MonitorSource.Options.of(Protocol.ROUTE, List.of("link", "ipv4-ifaddr"), ns.name())
                .withReceiveBuffer(1024, false));
        List<Diagnostic> diags = new CopyOnWriteArrayList<>();
        live.addListener(new CaptureListener() {
            @Override
            public void onDiagnostic(Diagnostic d) {
                diags.add(d);
            }
        });
        source.pause();
        Thread.sleep(150); // let the reader leave its current poll
        StringBuilder batch = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            batch.append("link add fl").append(i).append(" type veth peer name flp").append(i).append('\n');
        }
        Path f = Files.createTempFile("nlwb-flood", ".batch");
        try {
            Files.writeString(f, batch);
            ns.exec("ip", "-batch", f.toString());
        } finally {
            Files.delete(f);
        }
        source.resume();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (live.stats().overruns() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(live.stats().overruns() >= 1, "overrun counted: " + live.stats());
        Diagnostic d = diags.get(0);
        assertEquals(Diagnostic.Severity.WARNING, d.severity());
        assertTrue(d.message().startsWith("overrun: messages lost"), d.message());
        assertTrue(live.capture().diagnostics().contains(d), "the overrun is in the capture for every view");
    }

    @Test
    void stopEndsTheCapture() throws Exception {
        LiveCapture live = start(MonitorSource.Options.of(Protocol.ROUTE, List.of("all"), ns.name()));
        source.stop();
        assertTrue(live.awaitEnd(Duration.ofSeconds(2)));
        assertEquals("stopped", live.endReason());
        source = null;
    }
}
