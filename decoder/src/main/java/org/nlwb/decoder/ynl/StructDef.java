package org.nlwb.decoder.ynl;

import java.util.List;

/**
 * A YNL {@code struct} definition, laid out as the C compiler lays out the kernel's struct: each
 * integer member aligned to its size, a nested struct to its own alignment, byte arrays to 1,
 * and the whole padded to its largest alignment. Specs spell most holes as {@code pad} members,
 * but not the tail: {@code struct rtnl_link_ifmap} lists 28 bytes of members and is 32 bytes long.
 *
 * @param size  {@code sizeof}: the total size in bytes, tail padding included
 * @param align the struct's alignment
 * @param end   where the last member ends (a packed copy of the struct may stop here)
 */
public record StructDef(String name, List<Member> members, int size, int align, int end) {

    public StructDef {
        members = List.copyOf(members);
    }

    /**
     * One member.
     *
     * @param type        u8..s64, string, binary or pad
     * @param offset      where it starts within the struct
     * @param size        bytes it takes (from the type or {@code len})
     * @param bigEndian   {@code byte-order: big-endian}
     * @param enumName    an enum/flags definition naming its values, or null
     * @param asFlags     {@code enum-as-flags}
     * @param displayHint hex, mac, ipv4 ... or null
     * @param struct      a nested struct definition (binary members), or null
     */
    public record Member(String name, AttrType type, int offset, int size, boolean bigEndian, String enumName, boolean asFlags,
                         DisplayHint displayHint, String struct) {

        /** The C field name ({@code ifi_family}), as the decoded tree names the member. */
        public String cName() {
            return StructDef.cName(name);
        }
    }

    /** {@code ifi-family} → {@code ifi_family}: struct and member names as C spells them. */
    public static String cName(String specName) {
        return specName.replace('-', '_');
    }
}
