package org.nlwb.decoder.codec;

import java.util.Map;
import org.nlwb.decoder.decode.Values;
import org.nlwb.decoder.ynl.EnumDef;

/**
 * An enum or flags definition as decoding reads it: the kernel name of each small value (or bit
 * position) in an array rather than a map of boxed numbers, the enum display of each
 * ({@code AF_INET (2)}) made once, and the last flag combinations shown kept (a capture repeats a
 * handful: {@code UP|BROADCAST|RUNNING|MULTICAST|LOWER_UP}). The texts are exactly those of
 * {@link Values#enumValue} and {@link Values#flagsValue}. Thread-safe.
 */
final class EnumNames {
    /** Values from 0 up to this are in the arrays; others are looked up in the definition. */
    private static final int MAX_INDEXED = 255;
    private static final int FLAG_SLOTS = 64;

    private final EnumDef def;
    private final String[] names;
    private final String[] enumDisplays;
    /** Recent flag texts, by a hash of the value; a slot holds one immutable pair. */
    private final FlagText[] flagTexts = new FlagText[FLAG_SLOTS];

    private record FlagText(long value, String text) {
    }

    EnumNames(EnumDef def) {
        this.def = def;
        long max = -1;
        for (Long v : def.kernelNames().keySet()) {
            if (v >= 0 && v <= MAX_INDEXED) {
                max = Math.max(max, v);
            }
        }
        names = new String[(int) max + 1];
        enumDisplays = new String[names.length];
        for (Map.Entry<Long, String> e : def.kernelNames().entrySet()) {
            long v = e.getKey();
            if (v >= 0 && v <= max) {
                names[(int) v] = e.getValue();
                enumDisplays[(int) v] = e.getValue() + " (" + v + ")";
            }
        }
    }

    EnumDef def() {
        return def;
    }

    /** As {@link EnumDef#nameOf}. */
    String nameOf(long v) {
        if (v >= 0 && v < names.length) {
            return names[(int) v];
        }
        return v >= 0 && v <= MAX_INDEXED ? null : def.nameOf(v);
    }

    /** {@code AF_INET (2)}, or the number alone when it has no name: as {@link Values#enumValue}. */
    String enumDisplay(long v) {
        if (v >= 0 && v < names.length) {
            String d = enumDisplays[(int) v];
            return d != null ? d : Values.decimal(v);
        }
        return Values.enumValue(v, this::nameOf).display();
    }

    /** {@code UP|BROADCAST|0x10000}: as {@link Values#flagsValue} with these names for the bits. */
    String flagsDisplay(long v) {
        int slot = (int) ((v ^ (v >>> 29)) * 0x9E3779B1L >>> 26) & (FLAG_SLOTS - 1);
        FlagText t = flagTexts[slot];
        if (t != null && t.value == v) {
            return t.text;
        }
        String text = Values.flagsValue(v, bit -> nameOf(bit)).display();
        flagTexts[slot] = new FlagText(v, text);
        return text;
    }
}
