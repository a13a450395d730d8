package org.nlwb.capture.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.nlwb.capture.netns.ThrowawayNamespace;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.testing.NeedsRoot;

class NlmonSourceTest {

    /**
     * On a kernel without nlmon the source says so plainly and leaves nothing behind; on one with
     * it, a request in the namespace shows up in both directions.
     */
    @Test
    @NeedsRoot
    void capturesThroughNlmonOrSaysTheKernelHasNone() throws Exception {
        try (ThrowawayNamespace ns = ThrowawayNamespace.create("nlwb-test")) {
            NlmonSource src = new NlmonSource(ns.name(), "nlwbmon0");
            LiveCapture live = new LiveCapture(src.describe());
            boolean hasNlmon;
            try {
                src.start(live);
                hasNlmon = true;
            } catch (NlmonUnavailableException e) {
                hasNlmon = false;
                System.out.println("nlmon: " + e.getMessage());
                assertTrue(e.getMessage().startsWith("this kernel has no nlmon link type ("), e.getMessage());
                assertTrue(e.getMessage().contains("RTM_NEWLINK kind nlmon: -EOPNOTSUPP"), e.getMessage());
                assertTrue(!ns.exec("ip", "link", "show").contains("nlwbmon0"));
            }
            if (hasNlmon) {
                try {
                    ns.exec("ip", "link", "show");
                    assertTrue(live.awaitMessages(2, Duration.ofSeconds(5)));
                    assertEquals(Direction.TO_KERNEL, live.capture().message(0).record().direction());
                } finally {
                    src.stop();
                }
            }
        }
    }

    @Test
    void nlmonInAMissingNamespaceNamesIt() {
        IOException e = assertThrows(IOException.class,
                () -> new NlmonSource("nlwb-no-such-ns", "nlwbmon0").start(new LiveCapture("x")));
        assertTrue(e.getMessage().contains("netns nlwb-no-such-ns: no such network namespace"), e.getMessage());
    }
}
