package org.nlwb.decoder.testing;

import java.util.HexFormat;

/** Test helper: bytes from hex text with any whitespace. */
public final class Hex {
    private Hex() {
    }

    public static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
    }
}
