package org.nlwb.app.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bytes of {@code --hex HEX} and {@code --raw FILE}, to be sent exactly as given: nothing is
 * checked against netlink's rules, since crafting what the kernel must refuse is the point.
 *
 * <p>{@code --hex} takes pairs of hex digits, optionally separated by white space, {@code :},
 * {@code ,} or {@code -}, each group optionally prefixed {@code 0x}, or written {@code \x2c\x00}
 * (pyroute2's style). {@code --raw} takes a file's bytes, at most {@link #MAX_BYTES}.
 */
final class RawInput {
    /** The largest datagram taken: the kernel's own default send buffer is a fifth of it. */
    static final int MAX_BYTES = 1 << 20;

    private RawInput() {
    }

    static byte[] hex(String text) throws UsageError {
        String s = text.replace("\\x", " ").replace("\\X", " ");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int digits = 0;
        int high = -1;
        for (String group : s.split("[\\s:,\\-]+")) {
            String g = group.startsWith("0x") || group.startsWith("0X") ? group.substring(2) : group;
            for (int i = 0; i < g.length(); i++) {
                int d = Character.digit(g.charAt(i), 16);
                if (d < 0 || g.charAt(i) > 0x7f) {
                    throw new UsageError("--hex: '" + Plain.escaped(String.valueOf(g.charAt(i))) + "' is not a hex digit"
                            + " (after " + Plain.count(digits, "digit") + ")");
                }
                digits++;
                if (high < 0) {
                    high = d;
                } else {
                    out.write(high << 4 | d);
                    high = -1;
                }
            }
        }
        if (high >= 0) {
            throw new UsageError("--hex: " + digits + " hex digits, an odd number: each byte is two");
        }
        if (out.size() == 0) {
            throw new UsageError("--hex: no bytes");
        }
        if (out.size() > MAX_BYTES) {
            throw new UsageError("--hex: " + out.size() + " bytes; nlwb sends datagrams of up to " + MAX_BYTES + " bytes");
        }
        return out.toByteArray();
    }

    static byte[] file(Path file) throws UsageError {
        String where = "--raw " + file;
        try {
            if (Files.isDirectory(file)) {
                throw new UsageError(where + ": is a directory");
            }
            byte[] b;
            try (InputStream in = Files.newInputStream(file)) {
                b = in.readNBytes(MAX_BYTES + 1); // bounded: a device or pipe need not end
            }
            if (b.length == 0) {
                throw new UsageError(where + ": the file is empty");
            }
            if (b.length > MAX_BYTES) {
                throw new UsageError(where + ": more than " + MAX_BYTES + " bytes; nlwb sends datagrams of up to "
                        + MAX_BYTES + " bytes");
            }
            return b;
        } catch (IOException e) {
            throw new UsageError(where + ": " + Plain.reason(e));
        }
    }
}
