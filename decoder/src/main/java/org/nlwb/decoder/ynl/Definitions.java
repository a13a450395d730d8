package org.nlwb.decoder.ynl;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nlwb.decoder.ynl.SchemaLevel.Where;

/**
 * A spec's {@code definitions}: consts (into the shared {@link NodeReader#consts}), enums and
 * flags with their kernel names, and structs laid out as the C compiler lays them out.
 */
final class Definitions {
    private final NodeReader r;
    final Map<String, EnumDef> enums = new LinkedHashMap<>();
    /** Struct definitions by name, before and while they are resolved (structs may contain later ones). */
    final Map<String, YamlNode> structNodes = new LinkedHashMap<>();
    final Map<String, StructDef> structs = new LinkedHashMap<>();

    Definitions(NodeReader r) {
        this.r = r;
    }

    void read(YamlNode doc) {
        Set<String> types = r.level.atLeastLegacy() ? Set.of("const", "enum", "flags", "struct") : Set.of("const", "enum", "flags");
        // checked and sorted first, resolved after: enums and struct lengths may name consts defined further down
        List<Map.Entry<YamlNode, String>> kinds = new ArrayList<>();
        for (YamlNode d : r.list(doc, "definitions", "")) {
            String path = "definitions[" + (d.isMap() ? NodeReader.givenName(d) : "?") + "]";
            if (!r.expectMap(d, path)) {
                continue;
            }
            r.checkKeys(d, Where.DEFINITION, path);
            String name = r.str(d, "name", path, true);
            String type = r.oneOf(d, "type", path, types);
            if (d.get("type") == null) {
                r.problem(d, path, "missing required key \"type\"");
            }
            if (name == null || type == null) {
                continue;
            }
            kinds.add(Map.entry(d, type));
            YamlNode v = d.get("value");
            if (type.equals("const") && v != null && v.isScalar() && NodeReader.parseLong(v.text()) != null) {
                r.consts.put(name, NodeReader.parseLong(v.text()));
            }
        }
        for (Map.Entry<YamlNode, String> k : kinds) {
            YamlNode d = k.getKey();
            String type = k.getValue();
            String name = d.get("name").text();
            if (type.equals("enum") || type.equals("flags")) {
                enums.put(name, enumDef(d, name, type.equals("flags"), "definitions[" + name + "]"));
            } else if (type.equals("struct")) {
                structNodes.put(name, d);
            }
        }
        for (String s : structNodes.keySet()) {
            struct(s, new HashSet<>());
        }
    }

    private EnumDef enumDef(YamlNode d, String name, boolean flags, String path) {
        String prefix = d.has("name-prefix") ? r.str(d, "name-prefix", path, false) : r.familyName + "-" + name + "-";
        if (prefix == null) {
            prefix = "";
        }
        Long start = r.intOrConst(d, "value-start", path);
        long next = start == null ? 0 : start;
        Map<String, Long> entries = new LinkedHashMap<>();
        Map<Long, String> names = new LinkedHashMap<>();
        for (YamlNode e : r.list(d, "entries", path)) {
            String en;
            Long v = null;
            if (e.isScalar()) {
                en = e.text();
            } else if (e.isMap()) {
                r.checkKeys(e, Where.ENTRY, path + ".entries");
                en = r.str(e, "name", path + ".entries", true);
                v = r.integer(e, "value", path + ".entries[" + en + "]");
            } else {
                r.problem(e, path + ".entries", "an entry must be a name or a mapping, is " + e.describeKind());
                continue;
            }
            if (en == null) {
                continue;
            }
            long value = v != null ? v : next;
            entries.put(en, value);
            names.putIfAbsent(value, NodeReader.cUpper(prefix + en));
            next = value + 1;
        }
        return new EnumDef(name, flags, entries, names);
    }

    /** Resolves struct {@code name} (and the structs it contains) into {@link #structs}. */
    private StructDef struct(String name, Set<String> resolving) {
        StructDef done = structs.get(name);
        if (done != null) {
            return done;
        }
        YamlNode d = structNodes.get(name);
        if (d == null) {
            return null;
        }
        String path = "definitions[" + name + "]";
        if (!resolving.add(name)) {
            r.problem(d, path, "struct " + name + " contains itself");
            return null;
        }
        Layout layout = new Layout();
        for (YamlNode m : r.list(d, "members", path)) {
            if (r.expectMap(m, path + ".members")) {
                member(m, path + ".members[" + NodeReader.givenName(m) + "]", layout, resolving);
            }
        }
        resolving.remove(name);
        int end = layout.size;
        int size = (layout.size + layout.align - 1) / layout.align * layout.align;
        StructDef s = new StructDef(name, layout.members, size, layout.align, end);
        structs.put(name, s);
        return s;
    }

    /** A struct's members so far: where the next one goes and the largest alignment met. */
    private static final class Layout {
        final List<StructDef.Member> members = new ArrayList<>();
        int size;
        int align = 1;
    }

    private void member(YamlNode m, String mpath, Layout layout, Set<String> resolving) {
        r.checkKeys(m, Where.MEMBER, mpath);
        String mname = r.str(m, "name", mpath, true);
        AttrType type = r.type(m, "type", mpath, r.level.memberTypes());
        if (m.get("type") == null) {
            r.problem(m, mpath, "missing required key \"type\"");
        }
        Boolean bigEndian = r.bigEndian(m, mpath);
        DisplayHint hint = r.displayHint(m, mpath);
        String enumName = r.str(m, "enum", mpath, false);
        String nested = r.str(m, "struct", mpath, false);
        boolean asFlags = r.bool(m, "enum-as-flags", mpath);
        if (mname == null || type == null) {
            return;
        }
        Integer msize = type.isFixedInteger() ? type.size() : null;
        int malign = msize != null ? msize : 1;
        if (nested != null) {
            StructDef inner = structNodes.containsKey(nested) ? struct(nested, resolving) : null;
            if (inner == null && !structNodes.containsKey(nested)) {
                r.problem(m.get("struct"), mpath + ".struct", "struct \"" + nested + "\" is not defined");
            }
            if (inner != null && !m.has("len")) {
                msize = inner.size();
            }
            if (inner != null) {
                malign = inner.align();
            }
        }
        if (m.has("len")) {
            Long len = r.intOrConst(m, "len", mpath);
            msize = len == null ? 0 : len.intValue();
        } else if (msize == null) {
            r.problem(m, mpath, "a " + type + " member needs \"len\"");
            msize = 0;
        }
        if (enumName != null && !enums.containsKey(enumName)) {
            r.problem(m.get("enum"), mpath + ".enum", "enum \"" + enumName + "\" is not defined");
        }
        layout.size = (layout.size + malign - 1) / malign * malign;
        layout.align = Math.max(layout.align, malign);
        layout.members.add(new StructDef.Member(mname, type, layout.size, msize, Boolean.TRUE.equals(bigEndian), enumName,
                asFlags, hint, nested));
        layout.size += msize;
    }
}
