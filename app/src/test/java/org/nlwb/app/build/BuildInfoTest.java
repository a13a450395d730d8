package org.nlwb.app.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BuildInfoTest {

    private static String from(String properties) {
        return BuildInfo.versionFrom(new ByteArrayInputStream(properties.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theBuildStampedAVersion() {
        assertFalse(BuildInfo.version().isBlank());
        assertFalse(BuildInfo.version().equals(BuildInfo.UNKNOWN), "build.properties was not filtered by Maven");
        assertFalse(BuildInfo.version().contains("${"));
    }

    @Test
    void aStampedVersionIsReadAsWritten() {
        assertEquals("v0.2.0-3-g1a2b3c4-dirty", from("# comment\nversion=v0.2.0-3-g1a2b3c4-dirty\n"));
    }

    @Test
    void anUnfilteredOrMissingResourceSaysUnknown() {
        assertEquals(BuildInfo.UNKNOWN, from("version=${nlwb.version}\n"));
        assertEquals(BuildInfo.UNKNOWN, from("other=1\n"));
        assertEquals(BuildInfo.UNKNOWN, BuildInfo.versionFrom(null));
    }
}
