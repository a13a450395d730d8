package org.nlwb.decoder.codec;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.nlwb.decoder.ynl.Family;
import org.nlwb.decoder.ynl.StructDef;

/**
 * The structs of one family as decoding reads them, each worked out once from the spec rather than
 * per message: the C names of the struct and its members ({@code ifi-family} -> {@code ifi_family}),
 * the nested struct and the enum each member names, and the texts every decode of the struct
 * shows. Thread-safe; a struct that is not the family's own (same name, another definition) is
 * worked out each time and not kept.
 */
final class StructLayouts {
    private final FamilyCodecs codecs;
    private final Family family;
    private final Map<String, Layout> byName = new ConcurrentHashMap<>();

    StructLayouts(FamilyCodecs codecs) {
        this.codecs = codecs;
        this.family = codecs.family();
    }

    /** The layout of {@code s}. */
    Layout of(StructDef s) {
        Layout l = byName.get(s.name());
        if (l != null && l.def == s) {
            return l;
        }
        l = new Layout(s, codecs);
        if (family.structs().get(s.name()) == s) {
            byName.put(s.name(), l);
        }
        return l;
    }

    /** One struct, resolved. Arrays are indexed like {@link StructDef#members()} and never change. */
    static final class Layout {
        final StructDef def;
        final StructDef.Member[] members;
        /** Each member's C name. */
        final String[] cNames;
        /** The struct a member is laid out as (the family's definition), or null. */
        final StructDef[] nested;
        /** The enum or flags naming a member's values (the family's definition), or null. */
        final EnumNames[] names;
        /** The struct's C name: a fixed header's node is named so. */
        final String cName;
        /** The display of a whole struct attribute: {@code rtnl_link_stats64 (200 bytes)}. */
        final String wholeDisplay;
        /** The note of an alignment hole. */
        final String holeNote;

        private Layout(StructDef s, FamilyCodecs codecs) {
            Family family = codecs.family();
            List<StructDef.Member> ms = s.members();
            int n = ms.size();
            this.def = s;
            this.members = ms.toArray(new StructDef.Member[0]);
            this.cNames = new String[n];
            this.nested = new StructDef[n];
            this.names = new EnumNames[n];
            for (int i = 0; i < n; i++) {
                StructDef.Member m = members[i];
                // one String for a C name in every struct (rx_bytes of rtnl_link_stats and of
                // rtnl_link_stats64): the text tree keeps a name's bytes by identity
                cNames[i] = m.cName().intern();
                nested[i] = m.struct() == null ? null : family.structs().get(m.struct());
                names[i] = m.enumName() == null ? null : codecs.enumNames(family.enums().get(m.enumName()));
            }
            this.cName = StructDef.cName(s.name());
            this.wholeDisplay = s.name() + " (" + s.size() + " bytes)";
            this.holeNote = "alignment of struct " + s.name();
        }
    }
}
