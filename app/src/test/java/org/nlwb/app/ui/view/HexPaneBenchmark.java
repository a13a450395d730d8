package org.nlwb.app.ui.view;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.nlwb.app.ui.model.MessageViewModel;
import org.nlwb.decoder.decode.Conversation;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.dissect.MessageDecoder;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.spec.RegistryFactory;
import org.nlwb.decoder.tree.Node;

/**
 * Prints the FX thread's CPU per message shown in a hex pane alone (no assertions: figures only):
 * each message shown, a node selected in it, and the pulse after (CSS, layout), cycling through
 * every message of a capture, then between two messages of the same size. Needs a display.
 * Usage: {@code HexPaneBenchmark FILE SPECDIR} (the shared specs/ynl).
 */
public final class HexPaneBenchmark {
    private static volatile long fxId;

    private HexPaneBenchmark() {
    }

    public static void main(String[] a) throws Exception {
        var reg = RegistryFactory.standard(List.of(Path.of(a[1])));
        Capture c = Loader.standard().load(Path.of(a[0]), null, Protocol.UNKNOWN);
        List<DecodedMessage> ms = new ArrayList<>();
        for (int i = 0; i < c.messageCount(); i++) ms.add(new MessageDecoder(reg).decode(c.message(i), Conversation.empty()));
        CompletableFuture<Object[]> up = new CompletableFuture<>();
        Platform.startup(() -> {
            fxId = Thread.currentThread().getId();
            MessageViewModel vm = new MessageViewModel();
            HexView hex = new HexView(vm);
            Scene s = new Scene(hex, 540, 420);
            s.getStylesheets().add(org.nlwb.app.ui.Workbench.class.getResource("workbench.css").toExternalForm());
            Stage st = new Stage(); st.setScene(s); st.show();
            up.complete(new Object[] {vm, s});
        });
        Object[] o = up.get();
        MessageViewModel vm = (MessageViewModel) o[0];
        Scene scene = (Scene) o[1];
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (String mode : List.of("all", "same-size", "all", "same-size")) {
            List<DecodedMessage> seq = mode.equals("all") ? ms : sameSize(ms);
            int n = 400;
            long cpu0 = mx.getThreadCpuTime(fxId);
            for (int i = 0; i < n; i++) {
                DecodedMessage m = seq.get(i % seq.size());
                CountDownLatch done = new CountDownLatch(1);
                Platform.runLater(() -> {
                    vm.show(m);
                    List<Node> f = m.tree().findAll("IFLA_IFNAME");
                    vm.selectNode(f.isEmpty() ? m.tree().findAll("nlmsg_seq").get(0) : f.get(0));
                    Runnable[] l = new Runnable[1];
                    l[0] = () -> { scene.removePostLayoutPulseListener(l[0]); done.countDown(); };
                    scene.addPostLayoutPulseListener(l[0]);
                    Platform.requestNextPulse();
                });
                done.await();
                Thread.sleep(5);
            }
            long cpu = mx.getThreadCpuTime(fxId) - cpu0;
            System.out.printf("%-9s %d messages shown: FX thread CPU %.2f ms a message%n", mode, n, cpu / 1e6 / n);
        }
        Platform.exit();
        System.exit(0);
    }

    /** The first two messages of the same length (ip-monitor-link-add: #8 and #10). */
    private static List<DecodedMessage> sameSize(List<DecodedMessage> ms) {
        for (int i = 0; i < ms.size(); i++) {
            for (int j = i + 1; j < ms.size(); j++) {
                if (ms.get(i).ref().bytes().length() == ms.get(j).ref().bytes().length()) {
                    return List.of(ms.get(i), ms.get(j));
                }
            }
        }
        throw new IllegalArgumentException("no two messages of the same size");
    }
}
