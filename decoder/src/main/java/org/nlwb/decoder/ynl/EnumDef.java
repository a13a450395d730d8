package org.nlwb.decoder.ynl;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A YNL {@code enum} or {@code flags} definition. For an enum, entry values are the values; for
 * flags, an entry's value is a bit position (the first entry is bit {@code value-start}, default
 * 0) and the value on the wire is {@code 1 << position}.
 *
 * @param entries     entry name (spec spelling) → value (enum) or bit position (flags), in order
 * @param kernelNames value or bit position → kernel constant name ({@code IFF_UP})
 */
public record EnumDef(String name, boolean flags, Map<String, Long> entries, Map<Long, String> kernelNames) {

    public EnumDef {
        entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        kernelNames = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(kernelNames));
    }

    /** The kernel name of enum value {@code v} (or of bit position {@code v} for flags), or null. */
    public String nameOf(long v) {
        return kernelNames.get(v);
    }
}
