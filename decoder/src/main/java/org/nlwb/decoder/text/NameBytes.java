package org.nlwb.decoder.text;

import java.nio.charset.StandardCharsets;

/**
 * The UTF-8 bytes of node names, kept by identity: a decoder names its nodes with the same few
 * hundred String instances (a spec's attribute and member names, {@code nla_len}), so the text
 * writer copies a name's bytes made once instead of encoding its chars on every line.
 *
 * <p>A direct-mapped table: a name that is not the very instance in its slot is encoded and takes
 * the slot, so a name made afresh per node ({@code link-attrs[62]}) costs what encoding it did,
 * plus its hash. The bytes are those of {@code String.getBytes(UTF_8)}, as {@link TextBytes#string}
 * writes. Not thread-safe: one per writer.
 */
final class NameBytes {
    private static final int SLOTS = 1024;

    private final String[] names = new String[SLOTS];
    private final byte[][] bytes = new byte[SLOTS][];

    /** The UTF-8 of {@code name} (never null); the array is shared and must not be changed. */
    byte[] of(String name) {
        int h = name.hashCode();
        int slot = (h ^ h >>> 10) & (SLOTS - 1);
        if (names[slot] == name) {
            return bytes[slot];
        }
        byte[] b = name.getBytes(StandardCharsets.UTF_8);
        names[slot] = name;
        bytes[slot] = b;
        return b;
    }
}
