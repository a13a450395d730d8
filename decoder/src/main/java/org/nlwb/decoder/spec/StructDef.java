package org.nlwb.decoder.spec;

import java.util.List;

/**
 * A YNL {@code struct} definition: members laid out one after another with no implicit padding
 * (the spec writes alignment holes as {@code pad} members), as pyynl reads them.
 *
 * @param size the total size in bytes
 */
public record StructDef(String name, List<Member> members, int size) {

    public StructDef {
        members = List.copyOf(members);
    }

    /**
     * One member.
     *
     * @param type        u8..s64, string, binary or pad
     * @param size        bytes it takes (from the type or {@code len})
     * @param bigEndian   {@code byte-order: big-endian}
     * @param enumName    an enum/flags definition naming its values, or null
     * @param asFlags     {@code enum-as-flags}
     * @param displayHint hex, mac, ipv4 ... or null
     * @param struct      a nested struct definition (binary members), or null
     */
    public record Member(String name, String type, int size, boolean bigEndian, String enumName, boolean asFlags,
                         String displayHint, String struct) {
    }
}
