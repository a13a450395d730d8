package org.nlwb.decoder.read;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a file says about itself besides its records: pyroute2's {@code #:LABEL} and {@code #!}
 * blocks (an expected decode, a code snippet) keyed by label ({@code "application/json"},
 * {@code "!"}), comments, pcap link type.
 */
public record ReadMetadata(Map<String, String> blocks) {
    public ReadMetadata {
        blocks = Map.copyOf(new LinkedHashMap<>(blocks));
    }

    public static ReadMetadata none() {
        return new ReadMetadata(Map.of());
    }
}
