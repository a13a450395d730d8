package org.nlwb.decoder.families;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The conversations tools/capture-family-samples.sh recorded in throwaway namespaces (test resources). */
final class CapturedFamilies {
    private CapturedFamilies() {
    }

    static Path dir() {
        try {
            return Path.of(CapturedFamilies.class.getResource("captured").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
