package org.nlwb.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.nlwb.app.ui.model.CaptureDocument;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.pipeline.ConversationPolicy;
import org.nlwb.decoder.read.Loader;

/** The command line's files are opened, with the window's registry, before the window exists. */
class WindowStartTest {
    private static final Path SPECS = WorkbenchFixture.SHARED.resolve("specs/ynl");

    @Test
    void aFileIsOpenedWithTheRegistryTheWindowDecodesWith() throws Exception {
        Path file = WorkbenchFixture.captured("ip-addr-show.pcap");
        StartupSteps steps = StartupSteps.quiet();
        WindowStart start = WindowStart.begin(List.of(SPECS), List.of(file), Loader.standard(),
                ConversationPolicy.captureOnly(), steps);
        CaptureDocument doc = start.document(file).get(60, TimeUnit.SECONDS);
        assertSame(start.registry(), doc.pipeline().registry());
        assertEquals(file, doc.path());
        assertEquals(Loader.standard().load(file, null, Protocol.UNKNOWN).messageCount(), doc.messageCount());
        assertEquals(List.of(file), start.files());
        assertNull(start.document(Path.of("not-on-the-command-line.pcap")));
        assertTrue(steps.marked("specs: read") && steps.marked("file: first rows decoded"), steps.steps().toString());
    }

    @Test
    void aFileThatCannotBeOpenedIsItsDocumentsFailureAndTheNextStillOpens() throws Exception {
        Path missing = Path.of("target/no-such-capture.pcap");
        Path file = WorkbenchFixture.captured("ip-addr-show.pcap");
        WindowStart start = WindowStart.begin(List.of(SPECS), List.of(missing, file), Loader.standard(),
                ConversationPolicy.captureOnly(), StartupSteps.quiet());
        assertThrows(ExecutionException.class, () -> start.document(missing).get(60, TimeUnit.SECONDS));
        assertEquals(file, start.document(file).get(60, TimeUnit.SECONDS).path());
    }
}
