package org.nlwb.app.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DebianVersionTest {

    @Test
    void anUntaggedCommitSortsBeforeThePomsRelease() {
        assertEquals("0.1.0~git60e7c8a", DebianVersion.of("60e7c8a", "0.1.0-SNAPSHOT").value());
        assertEquals("0.1.0~git60e7c8a.dirty", DebianVersion.of("60e7c8a-dirty", "0.1.0-SNAPSHOT").value());
    }

    @Test
    void aTagGivesTheVersion() {
        assertEquals("0.2.0", DebianVersion.of("v0.2.0", "0.2.1-SNAPSHOT").value());
        assertEquals("0.2.0+3.g1a2b3c4", DebianVersion.of("v0.2.0-3-g1a2b3c4", "0.2.1-SNAPSHOT").value());
        assertEquals("0.2.0+3.g1a2b3c4.dirty", DebianVersion.of("0.2.0-3-g1a2b3c4-dirty", "0.2.1-SNAPSHOT").value());
    }

    @Test
    void aPreReleaseTagSortsBeforeItsRelease() {
        assertEquals("1.0~rc1", DebianVersion.of("v1.0-rc1", "1.0-SNAPSHOT").value());
        assertEquals("1.0~rc1+2.gabcdef0", DebianVersion.of("v1.0-rc1-2-gabcdef0", "1.0-SNAPSHOT").value());
    }

    @Test
    void withoutGitThePomVersionIsUsed() {
        assertEquals("0.1.0~SNAPSHOT", DebianVersion.of("0.1.0-SNAPSHOT", "0.1.0-SNAPSHOT").value());
        assertEquals("0.1.0", DebianVersion.of("0.1.0", "0.1.0").value());
        assertEquals("0.1.0~unknown", DebianVersion.of("unknown", "0.1.0-SNAPSHOT").value());
    }

    @Test
    void everyVersionIsOneDpkgAcceptsWithoutARevision() {
        for (String build : List.of("60e7c8a", "v1.0-rc1", "release/2024_05", "1.0-beta-2-gabcdef0", "x y z")) {
            String v = DebianVersion.of(build, "0.1.0-SNAPSHOT").value();
            assertTrue(v.matches("\\d[0-9A-Za-z.+~]*"), build + " -> " + v);
        }
    }

    @Test
    void theReleaseIsTheLeadingDottedNumbers() {
        assertEquals("0.1.0", DebianVersion.release("0.1.0-SNAPSHOT"));
        assertEquals("2", DebianVersion.release("2-SNAPSHOT"));
        assertEquals("0", DebianVersion.release("SNAPSHOT"));
    }
}
