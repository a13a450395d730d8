package org.nlwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlwb.capture.live.LiveCapture;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.pipeline.DecodedCapture;
import org.nlwb.decoder.spec.RegistryFactory;

/** How monitor and trace print: JSON lines for messages and overruns alike, text with overruns on stderr. */
class LivePrinterTest {
    /** An NLMSG_DONE as the kernel ends a dump: 20 bytes, error 0. */
    private static final byte[] DONE = {20, 0, 0, 0, 3, 0, 2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

    @Test
    void jsonLinesHoldMessagesAndOverruns() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        LiveCapture live = new LiveCapture("test");
        LivePrinter p = new LivePrinter(DecodedCapture.of(live.capture(), RegistryFactory.standard(List.of())),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                true, false, 0);
        live.addListener(p);
        live.append(new Record(1_700_000_000_123_456_000L, Direction.FROM_KERNEL, Protocol.ROUTE, -1, 3, "recvmsg", "t",
                ByteView.of(DONE)));
        live.overrun("monitor route after datagram 1", "overrun: messages lost (ENOBUFS: ...)");
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(2, lines.length);
        ObjectMapper m = new ObjectMapper();
        JsonNode msg = m.readTree(lines[0]);
        assertEquals("2023-11-14T22:13:20.123456Z", msg.get("time").asText());
        assertEquals("in", msg.get("direction").asText());
        assertEquals("NLMSG_DONE", msg.get("tree").get("name").asText());
        JsonNode overrun = m.readTree(lines[1]);
        assertEquals("warning", overrun.get("severity").asText());
        assertTrue(overrun.get("message").asText().startsWith("overrun: messages lost"));
        assertEquals("", err.toString(StandardCharsets.UTF_8), "stderr stays quiet in JSON mode");
    }

    @Test
    void textIsOneLinePerMessageAndOverrunsGoToStderr() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        LiveCapture live = new LiveCapture("test");
        live.addListener(new LivePrinter(DecodedCapture.of(live.capture(), RegistryFactory.standard(List.of())),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false, false, 0));
        live.append(new Record(1_700_000_000_123_456_000L, Direction.FROM_KERNEL, Protocol.ROUTE, 42, 3, "recvmsg", "t",
                ByteView.of(DONE)));
        live.overrun("monitor route", "overrun: messages lost");
        assertEquals("22:13:20.123456  ← kernel  route  pid 42  NLMSG_DONE\n", out.toString(StandardCharsets.UTF_8));
        assertEquals("nlwb: warning: monitor route: overrun: messages lost\n", err.toString(StandardCharsets.UTF_8));
    }
}
