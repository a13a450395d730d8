package org.nlwb.decoder.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Damage the way real files get damaged, and the way a hostile tester damages them: bit flips,
 * truncation, a length field that lies, bytes cut out, inserted or repeated, and for text
 * dumps over-long numbers, control characters, line-end and encoding changes. Each mutant says
 * what was done, so a failure can be reproduced from the seed and read from the description.
 */
public final class Mutator {
    private static final long[] LIES = {0, 1, 3, 4, 15, 16, 17, 0x7fff, 0xffff, 0x10000, 0x7fffffffL, 0xffffffffL};

    private Mutator() {
    }

    /** A damaged copy of some input and how it was damaged. */
    public record Mutant(String how, byte[] bytes) {
    }

    /** How many tries a property test makes: {@code -Dnlwb.property.tries=N} for a long run. */
    public static int tries(int normal) {
        return Integer.getInteger("nlwb.property.tries", normal);
    }

    /** One to three mutations of {@code in}. */
    public static Mutant mutate(byte[] in, Random r) {
        byte[] b = in.clone();
        StringBuilder how = new StringBuilder();
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            Mutant m = once(b, r);
            b = m.bytes();
            how.append(how.length() == 0 ? "" : ", ").append(m.how());
        }
        return new Mutant(how.toString(), b);
    }

    private static Mutant once(byte[] b, Random r) {
        if (b.length == 0) {
            return new Mutant("random bytes", randomBytes(r, 1 + r.nextInt(64)));
        }
        int at = r.nextInt(b.length);
        switch (r.nextInt(text(b) ? 10 : 7)) {
            case 0 -> {
                int bits = 1 + r.nextInt(8);
                for (int i = 0; i < bits; i++) {
                    int p = r.nextInt(b.length);
                    b[p] ^= (byte) (1 << r.nextInt(8));
                }
                return new Mutant(bits + " bit flips", b);
            }
            case 1 -> {
                return new Mutant("cut to " + at + " bytes", java.util.Arrays.copyOf(b, at));
            }
            case 2 -> {
                long lie = r.nextBoolean() ? LIES[r.nextInt(LIES.length)] : r.nextInt() & 0xffffffffL;
                int width = r.nextBoolean() ? 2 : 4;
                int p = Math.max(0, Math.min(b.length - width, at & ~(width - 1)));
                for (int i = 0; i < width && p + i < b.length; i++) {
                    b[p + i] = (byte) (lie >>> (8 * i)); // little-endian, as nlmsg_len and nla_len are
                }
                return new Mutant("u" + (8 * width) + " at " + p + " set to " + lie, b);
            }
            case 3 -> {
                int len = 1 + r.nextInt(Math.min(64, b.length - at));
                return new Mutant("bytes " + at + ".." + (at + len - 1) + " cut out", splice(b, at, len, new byte[0]));
            }
            case 4 -> {
                return new Mutant("random bytes inserted at " + at, splice(b, at, 0, randomBytes(r, 1 + r.nextInt(32))));
            }
            case 5 -> {
                int len = 1 + r.nextInt(Math.min(256, b.length - at));
                byte[] part = java.util.Arrays.copyOfRange(b, at, at + len);
                int times = 1 + r.nextInt(8);
                return new Mutant(len + " bytes at " + at + " repeated " + times + " times", splice(b, at, 0, repeat(part, times)));
            }
            case 6 -> {
                b[at] = (byte) r.nextInt(256);
                return new Mutant("byte " + at + " set", b);
            }
            default -> {
                return textMutation(b, at, r);
            }
        }
    }

    /** Damage a text dump can only have: long numbers, controls, other line ends and encodings, repetition lines. */
    private static Mutant textMutation(byte[] b, int at, Random r) {
        switch (r.nextInt(6)) {
            case 0 -> {
                String digits = "9".repeat(10 + r.nextInt(30));
                return new Mutant("a " + digits.length() + "-digit number inserted at " + at,
                        splice(b, at, 0, digits.getBytes(StandardCharsets.US_ASCII)));
            }
            case 1 -> {
                return new Mutant("terminal escapes inserted at " + at,
                        splice(b, at, 0, "\033]0;x\007\033[2J\u009b".getBytes(StandardCharsets.ISO_8859_1)));
            }
            case 2 -> {
                String s = new String(b, StandardCharsets.ISO_8859_1).replace("\n", r.nextBoolean() ? "\r" : "\r\n");
                return new Mutant("other line ends", s.getBytes(StandardCharsets.ISO_8859_1));
            }
            case 3 -> {
                byte[] mark = r.nextBoolean() ? new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf} : new byte[] {(byte) 0xff, (byte) 0xfe};
                return new Mutant("byte-order mark in front", splice(b, 0, 0, mark));
            }
            case 4 -> {
                return new Mutant("repetition line and huge offset at " + at,
                        splice(b, at, 0, "\n*\nfffffff0\n".getBytes(StandardCharsets.US_ASCII)));
            }
            default -> {
                String s = new String(b, StandardCharsets.ISO_8859_1);
                return new Mutant("saved as UTF-16LE", concat(new byte[] {(byte) 0xff, (byte) 0xfe}, s.getBytes(StandardCharsets.UTF_16LE)));
            }
        }
    }

    private static boolean text(byte[] b) {
        int n = Math.min(b.length, 512);
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xff;
            if (c == 0 || c > 0x7e || (c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
                return false;
            }
        }
        return true;
    }

    private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
        ByteArrayOutputStream o = new ByteArrayOutputStream(b.length + insert.length);
        o.write(b, 0, at);
        o.writeBytes(insert);
        o.write(b, at + remove, b.length - at - remove);
        return o.toByteArray();
    }

    private static byte[] repeat(byte[] part, int times) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (int i = 0; i < times; i++) {
            o.writeBytes(part);
        }
        return o.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        return splice(b, 0, 0, a);
    }

    public static byte[] randomBytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }
}
