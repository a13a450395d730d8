package org.nlwb.app.ui;

import java.nio.file.Path;
import java.util.List;
import org.nlwb.app.ui.model.CaptureDocument;
import org.nlwb.decoder.filter.Filter;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.pipeline.ConversationPolicy;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.spec.RegistryFactory;

/**
 * Prints what the window's list costs on a large capture (no assertions: figures only):
 * building the message index, decoding one screenful of rows through the cache, and a
 * filter over every message. Usage: {@code ListBenchmark FILE COPIES [SPECDIR]}.
 */
public final class ListBenchmark {
    private ListBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // Tasks report progress through the FX thread; a headless toolkit is enough.
        System.setProperty("glass.platform", System.getProperty("glass.platform", "Monocle"));
        System.setProperty("monocle.platform", System.getProperty("monocle.platform", "Headless"));
        System.setProperty("prism.order", System.getProperty("prism.order", "sw"));
        javafx.application.Platform.startup(() -> { });
        Capture src = Loader.standard().load(Path.of(args[0]), null, Protocol.UNKNOWN);
        int copies = Integer.parseInt(args[1]);
        List<Path> specs = args.length > 2 ? List.of(Path.of(args[2])) : List.of();
        Registry registry = RegistryFactory.standard(specs);
        long t0 = System.nanoTime();
        Capture big = new Capture("generated", "pcap");
        for (int c = 0; c < copies; c++) {
            for (Record r : src.records()) {
                big.append(r);
            }
        }
        long t1 = System.nanoTime();
        CaptureDocument doc = new CaptureDocument(big, null, null, registry, ConversationPolicy.captureOnly(), null);
        org.nlwb.app.ui.model.MessageListModel list = new org.nlwb.app.ui.model.MessageListModel(doc);
        long t2 = System.nanoTime();
        for (int i = 0; i < 40; i++) {
            doc.decoded(big.messageCount() / 2 + i).summary();
        }
        long t3 = System.nanoTime();
        Filter f = Filter.parse("IFLA_IFNAME == \"lo\"");
        long t4 = System.nanoTime();
        // The filter task as the window runs it (parallel over chunks), run on this thread.
        javafx.concurrent.Task<org.nlwb.app.ui.model.FilterRun.Found> task = list.filterTask(f);
        task.run();
        int kept = task.get().count();
        long t5 = System.nanoTime();
        Runtime rt = Runtime.getRuntime();
        System.gc();
        System.out.printf("messages %d (records %d)%n", big.messageCount(), big.recordCount());
        System.out.printf("index (frame + append): %.0f ms%n", (t1 - t0) / 1e6);
        System.out.printf("list model over all rows: %.0f ms%n", (t2 - t1) / 1e6);
        System.out.printf("one screen (40 rows) decoded: %.1f ms%n", (t3 - t2) / 1e6);
        System.out.printf("filter %s over all: %.0f ms (%.0f messages/s), kept %d%n", f.text(), (t5 - t4) / 1e6,
                big.messageCount() / ((t5 - t4) / 1e9), kept);
        System.out.printf("heap used after GC: %d MiB%n", (rt.totalMemory() - rt.freeMemory()) >> 20);
        System.out.printf("list rows: %d%n", list.rows().size());
        javafx.application.Platform.exit();
    }
}
