package org.nlwb.decoder.read;

import java.util.List;

/** The built-in readers, in detection order (most specific first). */
public final class Readers {
    private Readers() {
    }

    public static List<Reader> all() {
        return List.of();
    }
}
