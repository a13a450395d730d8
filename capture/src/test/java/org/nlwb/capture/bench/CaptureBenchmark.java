package org.nlwb.capture.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.nlwb.capture.live.LiveCapture;
import org.nlwb.capture.live.MonitorSource;
import org.nlwb.capture.netns.ThrowawayNamespace;
import org.nlwb.capture.socket.NetlinkExchange;
import org.nlwb.capture.socket.NetlinkSocket;
import org.nlwb.decoder.message.MessageWriter;
import org.nlwb.decoder.message.NlFlags;
import org.nlwb.decoder.model.Protocol;

/**
 * Prints figures for the live-capture paths (run as root; works in a throwaway namespace):
 * <ol>
 *   <li>receive throughput: RTM_GETLINK dumps of {@code N} links through {@link NetlinkExchange};</li>
 *   <li>a monitor through a burst of link deletions: notifications received, overruns, with the
 *       default receive buffer and with 8 MiB (SO_RCVBUFFORCE).</li>
 * </ol>
 * {@code java -cp <test class path> org.nlwb.capture.bench.CaptureBenchmark [pairs]}
 */
public final class CaptureBenchmark {
    private CaptureBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        try (ThrowawayNamespace ns = ThrowawayNamespace.create("nlwb-bench")) {
            batch(ns, pairs, "link add b%d type veth peer name bp%d\n");
            try (NetlinkSocket s = NetlinkSocket.openIn(ns.name(), Protocol.ROUTE)) {
                NetlinkExchange x = new NetlinkExchange(s);
                byte[] dump = MessageWriter.message(18, NlFlags.REQUEST | NlFlags.DUMP).u8(0).u8(0).u16(0).u32(0).u32(0)
                        .u32(0).build();
                for (int i = 0; i < 3; i++) {
                    x.request(dump, 10_000); // warm up
                }
                int rounds = 20;
                long msgs = 0;
                long bytes = 0;
                long t0 = System.nanoTime();
                for (int i = 0; i < rounds; i++) {
                    NetlinkExchange.Reply r = x.request(dump, 10_000);
                    msgs += r.messages().size();
                    for (var d : r.replies()) {
                        bytes += d.bytes().length;
                    }
                }
                double s1 = (System.nanoTime() - t0) / 1e9;
                System.out.printf("dump RTM_GETLINK x%d (%d links): %d messages, %.1f MB in %.3f s = %.0f messages/s, %.1f MB/s%n",
                        rounds, 2 * pairs + 1, msgs, bytes / 1e6, s1, msgs / s1, bytes / 1e6 / s1);
            }
            for (int rcvbuf : new int[] {0, 8 << 20}) {
                batch(ns, pairs, "link add c%d type veth peer name cp%d\n");
                MonitorSource m = new MonitorSource(MonitorSource.Options.of(Protocol.ROUTE, List.of("link"), ns.name())
                        .withReceiveBuffer(rcvbuf, true));
                LiveCapture live = new LiveCapture(m.describe());
                m.start(live);
                long t0 = System.nanoTime();
                batch(ns, pairs, "link del c%d\n");
                live.awaitMessages(2L * pairs, Duration.ofSeconds(20));
                Thread.sleep(300);
                double s = (System.nanoTime() - t0) / 1e9;
                m.stop();
                LiveCapture.Stats st = live.stats();
                System.out.printf("monitor link, %s receive buffer, %d links deleted: %d notifications (%.1f MB), "
                                + "%d overruns, %.2f s%n", rcvbuf == 0 ? "default" : (rcvbuf >> 20) + " MiB",
                        2 * pairs, st.messages(), st.bytes() / 1e6, st.overruns(), s);
            }
        }
    }

    private static void batch(ThrowawayNamespace ns, int n, String format) throws Exception {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(String.format(format, i, i));
        }
        Path f = Files.createTempFile("nlwb-bench", ".batch");
        try {
            Files.writeString(f, b);
            ns.exec("ip", "-batch", f.toString());
        } finally {
            Files.delete(f);
        }
    }
}
