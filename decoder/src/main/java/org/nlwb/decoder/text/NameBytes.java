package org.nlwb.decoder.text;

import java.nio.charset.StandardCharsets;

/**
 * The UTF-8 bytes of node names, kept by identity: a decoder names its nodes with the same few
 * hundred String instances (a spec's attribute and member names, {@code nla_len}), so the text
 * writer copies a name's bytes made once instead of encoding its chars on every line.
 *
 * <p>Two ways set-associative by the name's hash: the hot names of one message kind (some 270 for
 * the rtnetlink dumps) all stay; a direct-mapped table of even four times the slots had hot pairs
 * evicting each other on every message. A name not found by identity but equal to one kept (a name
 * made afresh per node, {@code [0]}) takes the kept bytes; any other is encoded and takes the
 * older way of its set. The bytes are those of {@code String.getBytes(UTF_8)}, as {@link
 * TextBytes#string} writes. Not thread-safe: one per writer.
 */
final class NameBytes {
    private static final int SET_BITS = 10;

    /** Names by set: {@code 2 * set} the one kept last, {@code 2 * set + 1} the one before it. */
    private final String[] names = new String[2 << SET_BITS];
    private final byte[][] bytes = new byte[2 << SET_BITS][];

    /** The UTF-8 of {@code name} (never null); the array is shared and must not be changed. */
    byte[] of(String name) {
        int at = (name.hashCode() * 0x9E3779B9 >>> (32 - SET_BITS)) << 1;
        String[] n = names;
        if (n[at] == name) {
            return bytes[at];
        }
        if (n[at + 1] == name) {
            return bytes[at + 1];
        }
        return miss(name, at);
    }

    private byte[] miss(String name, int at) {
        for (int way = at; way <= at + 1; way++) {
            if (name.equals(names[way])) {
                return bytes[way];
            }
        }
        byte[] b = name.getBytes(StandardCharsets.UTF_8);
        names[at + 1] = names[at];
        bytes[at + 1] = bytes[at];
        names[at] = name;
        bytes[at] = b;
        return b;
    }
}
