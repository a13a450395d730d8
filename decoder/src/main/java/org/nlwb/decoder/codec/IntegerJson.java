package org.nlwb.decoder.codec;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.Map;
import org.nlwb.decoder.ynl.AttrType;
import org.nlwb.decoder.ynl.DisplayHint;
import org.nlwb.decoder.ynl.EnumDef;

/**
 * An integer from its JSON description: a number; an enum or flag name (spec spelling or kernel
 * constant, any case); flags as an array of names or {@code "a|b"} text; dotted IPv4 text for the
 * {@code ipv4} hint; decimal or {@code 0x} hex text. Checked against the type's range.
 */
final class IntegerJson {
    private IntegerJson() {
    }

    static long parse(AttrType type, JsonNode v, EnumDef names, boolean asFlags, DisplayHint hint, boolean bigEndian,
                      String path) throws ValueException {
        boolean flagsLike = names != null && (names.flags() || asFlags);
        BigInteger n;
        if (v.isIntegralNumber()) {
            n = v.bigIntegerValue();
        } else if (v.isArray() && flagsLike) {
            long bits = 0;
            int i = 0;
            for (JsonNode item : v) {
                bits |= parse(type, item, names, asFlags, hint, bigEndian, path + "[" + i++ + "]");
            }
            n = BigInteger.valueOf(bits);
        } else if (v.isTextual()) {
            n = text(type, v.asText().strip(), names, flagsLike, hint, bigEndian, path);
        } else {
            throw JsonValues.wrongType(path, type.specName(), expectation(names), v);
        }
        return checkRange(type, n, path);
    }

    private static String expectation(EnumDef names) {
        return names == null ? "a number" : "a number or a name of " + names.name();
    }

    private static BigInteger text(AttrType type, String s, EnumDef names, boolean flagsLike, DisplayHint hint,
                                   boolean bigEndian, String path) throws ValueException {
        if (names != null && !s.isEmpty() && !Character.isDigit(s.charAt(0)) && s.charAt(0) != '-') {
            if (flagsLike && (s.contains("|") || s.contains(","))) {
                long bits = 0;
                for (String part : s.split("[|,]")) {
                    bits |= 1L << name(names, part.strip(), path);
                }
                return BigInteger.valueOf(bits);
            }
            long e = name(names, s, path);
            return BigInteger.valueOf(flagsLike ? 1L << e : e);
        }
        BigInteger address = DisplayHints.integerFromText(hint, s, bigEndian, path);
        if (address != null) {
            return address;
        }
        try {
            if (s.startsWith("0x") || s.startsWith("0X")) {
                return new BigInteger(s.substring(2), 16);
            }
            return new BigInteger(s);
        } catch (NumberFormatException e) {
            throw new ValueException(path, "'" + s + "' is not " + expectation(names) + " for " + type);
        }
    }

    /** The value (enum) or bit position (flags) of entry {@code s}: spec spelling or kernel constant name. */
    private static long name(EnumDef names, String s, String path) throws ValueException {
        Long v = names.entries().get(s);
        if (v == null) {
            for (Map.Entry<String, Long> e : names.entries().entrySet()) {
                if (e.getKey().equalsIgnoreCase(s)) {
                    v = e.getValue();
                }
            }
            for (Map.Entry<Long, String> e : names.kernelNames().entrySet()) {
                if (e.getValue().equalsIgnoreCase(s)) {
                    v = e.getKey();
                }
            }
        }
        if (v == null) {
            throw new ValueException(path, "'" + s + "' is not in " + (names.flags() ? "flags " : "enum ") + names.name()
                    + Suggestions.suggestion(s, names.entries().keySet()) + "; it has: " + Suggestions.list(names.entries().keySet()));
        }
        return v;
    }

    private static long checkRange(AttrType type, BigInteger n, String path) throws ValueException {
        if (n.compareTo(type.min()) < 0 || n.compareTo(type.max()) > 0) {
            throw new ValueException(path, n + " is out of range for " + type + " (" + type.min() + ".." + type.max() + ")");
        }
        return n.longValue();
    }
}
