package org.nlwb.decoder.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.encode.MessageEncoder;
import org.nlwb.decoder.encode.Request;
import org.nlwb.decoder.spec.SpecCatalog;
import org.nlwb.decoder.spec.SpecLibrary;
import org.nlwb.decoder.testing.Samples;

/** rtnetlink has no policy dump: a request is checked against the spec's checks (the kernel's rt-link spec has some). */
class SpecCheckerTest {
    private static final SpecCatalog KERNEL_SPECS = SpecLibrary.standard(List.of(Samples.shared().resolve("specs/ynl"))).load();

    private static PolicyCheck check(String json) throws Exception {
        byte[] m = new MessageEncoder(KERNEL_SPECS).encode(Request.of("rt-link", "newlink", false,
                new ObjectMapper().readTree(json)), n -> 0).bytes();
        return new SpecChecker(KERNEL_SPECS.family("rt-link").orElseThrow(), "rtnetlink has no policy dump").check(m);
    }

    @Test
    void aValueOverTheSpecsMaxIsOutOfRange() throws Exception {
        PolicyCheck c = check("{\"ifname\": \"v0\", \"txqlen\": 40000}");
        assertFalse(c.kernel());
        assertTrue(c.basis().contains("rtnetlink has no policy dump"), c.basis());
        PolicyProblem p = c.first();
        assertEquals(PolicyProblem.Kind.OUT_OF_RANGE, p.kind());
        assertEquals("IFLA_TXQLEN", p.path());
        assertTrue(p.message().startsWith("value 40000 is outside ..32767"), p.message());
    }

    @Test
    void valuesWithinTheSpecsChecksPass() throws Exception {
        assertTrue(check("{\"ifname\": \"v0\", \"txqlen\": 1000}").clean());
    }
}
