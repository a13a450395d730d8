package org.nlwb.app.ui;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Diagnostic;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.read.Loader;

class BundledSampleTest {
    @Test
    void theSampleIsPackagedWithTheAppAndLoads() throws Exception {
        assertNotNull(BundledSample.class.getResource(BundledSample.RESOURCE), "sample missing from the app's resources");
        byte[] b = BundledSample.content();
        Capture c = Loader.standard().load(BundledSample.NAME, b, null, Protocol.UNKNOWN);
        assertTrue(c.messageCount() >= 10, "messages: " + c.messageCount());
        assertTrue(c.diagnostics().stream().noneMatch(d -> d.severity() == org.nlwb.decoder.model.Diagnostic.Severity.ERROR),
                c.diagnostics().toString());
    }
}
