package org.nlwb.decoder.spec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.nlwb.decoder.spec.SchemaLevel.Where;

/**
 * Turns a YNL spec document into a resolved {@link Family}, following the kernel's YNL tooling
 * ({@code tools/net/ynl/pyynl/lib/nlspec.py}, {@code ynl_gen_c.py}) for numbers and names:
 *
 * <ul>
 * <li>attributes are numbered from 1; an explicit {@code value} sets the number and the count goes
 *     on from there; a {@code subset-of} set takes numbers and names from its parent;</li>
 * <li>attribute constants are {@code name-prefix} + name, the default prefix being
 *     {@code <family>-a-} for the set named like the family and {@code <family>-a-<set>-} otherwise;
 *     enum entries are {@code name-prefix} (default {@code <family>-<enum>-}) + entry; operations
 *     {@code operations.name-prefix} (default {@code <family>-cmd-}) + name, notifications and
 *     events {@code async-prefix} when given; all upper-cased with {@code -} → {@code _};</li>
 * <li>enum entries count from {@code value-start} (0); flags entries are bit positions;</li>
 * <li>unified operations are numbered like attributes; directional ones keep separate request
 *     and reply counters, both starting at 1, set by {@code do/dump.request/reply.value} and, for
 *     notifications and events, by the operation's {@code value}.</li>
 * </ul>
 *
 * Every key is checked against the schema level's key list, every reference (nested sets, enums,
 * structs, sub-messages, selectors, fixed headers, attribute lists) against what the spec defines;
 * all problems are collected with file, line and column before the spec is refused.
 */
public final class YnlParser {
    private final String origin;
    private final List<SpecProblem> problems = new ArrayList<>();
    private SchemaLevel level = SchemaLevel.GENETLINK;
    private String familyName = "";
    private final Map<String, Long> consts = new LinkedHashMap<>();
    private final Map<String, EnumDef> enums = new LinkedHashMap<>();
    private final Map<String, YamlNode> structNodes = new LinkedHashMap<>();
    private final Map<String, StructDef> structs = new LinkedHashMap<>();
    private final Map<String, AttrSetSpec> sets = new LinkedHashMap<>();
    private final Map<String, SubMessageSpec> subMessages = new LinkedHashMap<>();

    private YnlParser(String origin) {
        this.origin = origin;
    }

    /**
     * Whether {@code doc} is a YNL JSON schema (the kernel keeps {@code genetlink.yaml} etc. beside
     * the specs) rather than a family spec.
     */
    public static boolean isSchema(YamlNode doc) {
        return doc.isMap() && (doc.has("$schema") || doc.has("$id"));
    }

    /** Parses and resolves {@code doc}; {@code origin} is recorded in the family. */
    public static Family parse(YamlNode doc, String origin) throws SpecException {
        YnlParser p = new YnlParser(origin);
        Family f = p.family(doc);
        if (!p.problems.isEmpty()) {
            throw new SpecException(p.problems);
        }
        return f;
    }

    /** {@code rt-link} + {@code -a-} → {@code RT_LINK_A_}. */
    static String cUpper(String s) {
        return s.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    // ---------------------------------------------------------------- helpers

    private void problem(YamlNode at, String path, String message) {
        problems.add(SpecProblem.at(at, path, message));
    }

    /** A problem with the value of {@code key} in mapping {@code at}, located at that value when present. */
    private void problemAt(YamlNode at, String key, String path, String message) {
        YamlNode v = at.get(key);
        problems.add(v != null ? SpecProblem.at(v, path, message) : SpecProblem.at(at, path, message));
    }

    private void checkKeys(YamlNode node, Where where, String path) {
        node.duplicateKeys().forEach((k, line) -> problems.add(new SpecProblem(node.file(), line, 0,
                path.isEmpty() ? k : path + "." + k, "duplicate key \"" + k + "\" (first on line " + node.lineOf(k) + ")")));
        Set<String> allowed = level.keys(where);
        for (String k : node.map().keySet()) {
            if (!allowed.contains(k)) {
                YamlNode v = node.get(k);
                problems.add(new SpecProblem(node.file(), node.lineOf(k), v.column(), path.isEmpty() ? k : path + "." + k,
                        "unknown key \"" + k + "\" (" + level.label() + " allows " + new java.util.TreeSet<>(allowed) + ")"));
            }
        }
    }

    private boolean expectMap(YamlNode n, String path) {
        if (n == null || n.isMap()) {
            return n != null;
        }
        problem(n, path, "must be a mapping, is " + n.describeKind());
        return false;
    }

    private List<YamlNode> list(YamlNode parent, String key, String path) {
        YamlNode n = parent.get(key);
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (!n.isList()) {
            problem(n, path + "." + key, "must be a list, is " + n.describeKind());
            return List.of();
        }
        return n.list();
    }

    private String str(YamlNode parent, String key, String path, boolean required) {
        YamlNode n = parent.get(key);
        if (n == null || (n.isNull() && !required)) {
            if (required) {
                problem(parent, path, "missing required key \"" + key + "\"");
            }
            return null;
        }
        if (!n.isScalar()) {
            problem(n, path + "." + key, "must be a string, is " + n.describeKind());
            return null;
        }
        return n.text();
    }

    private Long integer(YamlNode parent, String key, String path) {
        YamlNode n = parent.get(key);
        if (n == null || n.isNull()) {
            return null;
        }
        Long v = n.isScalar() ? parseLong(n.text()) : null;
        if (v == null) {
            problem(n, path + "." + key, "must be an integer, is " + n.describeKind());
        }
        return v;
    }

    /** An integer, or the value of a const definition named by the text; null with a problem otherwise. */
    private Long intOrConst(YamlNode parent, String key, String path) {
        YamlNode n = parent.get(key);
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isScalar()) {
            Long v = parseLong(n.text());
            if (v != null) {
                return v;
            }
            Long c = constValue(n.text());
            if (c != null) {
                return c;
            }
        }
        problem(n, path + "." + key, "must be an integer or the name of a const definition, is " + n.describeKind());
        return null;
    }

    /** A const by spec name, by C name, or an expression {@code NAME - 1}; null when unknown. */
    private Long constValue(String text) {
        String t = text.trim();
        if (t.endsWith("- 1")) {
            Long base = constValue(t.substring(0, t.length() - 3).trim());
            return base == null ? null : base - 1;
        }
        Long v = consts.get(t);
        if (v == null) {
            for (Map.Entry<String, Long> e : consts.entrySet()) {
                if (cUpper(e.getKey()).equals(t) || cUpper(e.getKey()).equals(cUpper(t))) {
                    return e.getValue();
                }
            }
        }
        return v != null ? v : KNOWN_DEFINES.get(t);
    }

    /** Lengths specs take from kernel headers without defining them. */
    private static final Map<String, Long> KNOWN_DEFINES = Map.of("IFNAMSIZ", 16L, "ETH_ALEN", 6L,
            "TASK_COMM_LEN", 16L, "XT_EXTENSION_MAXNAMELEN", 29L);

    static Long parseLong(String s) {
        String t = s.trim();
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) {
                return Long.parseLong(t.substring(2), 16);
            }
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private boolean bool(YamlNode parent, String key, String path) {
        YamlNode n = parent.get(key);
        if (n == null || n.isNull()) {
            return false;
        }
        if (n.isScalar() && (n.text().equals("true") || n.text().equals("false"))) {
            return n.text().equals("true");
        }
        problem(n, path + "." + key, "must be true or false, is " + n.describeKind());
        return false;
    }

    private String oneOf(YamlNode parent, String key, String path, Set<String> allowed) {
        String v = str(parent, key, path, false);
        if (v != null && !allowed.contains(v)) {
            problem(parent.get(key), path + "." + key, "\"" + v + "\" is not one of " + new java.util.TreeSet<>(allowed));
            return null;
        }
        return v;
    }

    // ---------------------------------------------------------------- family

    private Family family(YamlNode doc) {
        if (!doc.isMap()) {
            problem(doc, "", "a spec must be a mapping with name, attribute-sets and operations; this is "
                    + doc.describeKind());
            return null;
        }
        String protocol = str(doc, "protocol", "", false);
        SchemaLevel l = SchemaLevel.of(protocol);
        if (l == null) {
            problem(doc.get("protocol"), "protocol", "unknown protocol \"" + protocol
                    + "\" (genetlink, genetlink-c, genetlink-legacy or netlink-raw)");
        } else {
            level = l;
        }
        checkKeys(doc, Where.TOP, "");
        familyName = str(doc, "name", "", true);
        if (familyName == null) {
            familyName = "";
        }
        str(doc, "doc", "", false);
        Integer protonum = null;
        if (level == SchemaLevel.NETLINK_RAW) {
            Long pn = integer(doc, "protonum", "");
            if (pn == null && !doc.has("protonum")) {
                problem(doc, "", "a netlink-raw spec needs \"protonum\" (the NETLINK_* protocol number)");
            }
            protonum = pn == null ? null : pn.intValue();
        }
        definitions(doc);
        attributeSets(doc);
        subMessages(doc);
        List<OpSpec> ops = new ArrayList<>();
        boolean directional = operations(doc, ops);
        List<Family.McastGroup> groups = mcastGroups(doc);
        checkReferences(ops);
        return new Family(familyName, level, protonum, doc.has("doc") && doc.get("doc").isScalar() ? doc.get("doc").text() : null,
                consts, enums, structs, sets, ops, subMessages, groups, directional, origin);
    }

    // ---------------------------------------------------------------- definitions

    private void definitions(YamlNode doc) {
        Set<String> types = level.atLeastLegacy() ? Set.of("const", "enum", "flags", "struct") : Set.of("const", "enum", "flags");
        // checked and sorted first, resolved after: enums and struct lengths may name consts defined further down
        List<Map.Entry<YamlNode, String>> kinds = new ArrayList<>();
        for (YamlNode d : list(doc, "definitions", "")) {
            String path = "definitions[" + (d.isMap() && d.get("name") != null ? d.get("name").text() : "?") + "]";
            if (!expectMap(d, path)) {
                continue;
            }
            checkKeys(d, Where.DEFINITION, path);
            String name = str(d, "name", path, true);
            String type = oneOf(d, "type", path, types);
            if (d.get("type") == null) {
                problem(d, path, "missing required key \"type\"");
            }
            if (name == null || type == null) {
                continue;
            }
            kinds.add(Map.entry(d, type));
            YamlNode v = d.get("value");
            if (type.equals("const") && v != null && v.isScalar() && parseLong(v.text()) != null) {
                consts.put(name, parseLong(v.text()));
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
        String prefix = d.has("name-prefix") ? str(d, "name-prefix", path, false) : familyName + "-" + name + "-";
        if (prefix == null) {
            prefix = "";
        }
        Long start = intOrConst(d, "value-start", path);
        long next = start == null ? 0 : start;
        Map<String, Long> entries = new LinkedHashMap<>();
        Map<Long, String> names = new LinkedHashMap<>();
        for (YamlNode e : list(d, "entries", path)) {
            String en;
            Long v = null;
            if (e.isScalar()) {
                en = e.text();
            } else if (e.isMap()) {
                checkKeys(e, Where.ENTRY, path + ".entries");
                en = str(e, "name", path + ".entries", true);
                v = integer(e, "value", path + ".entries[" + en + "]");
            } else {
                problem(e, path + ".entries", "an entry must be a name or a mapping, is " + e.describeKind());
                continue;
            }
            if (en == null) {
                continue;
            }
            long value = v != null ? v : next;
            entries.put(en, value);
            names.putIfAbsent(value, cUpper(prefix + en));
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
            problem(d, path, "struct " + name + " contains itself");
            return null;
        }
        Set<String> memberTypes = level == SchemaLevel.NETLINK_RAW
                ? Set.of("u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64", "string", "binary", "pad")
                : Set.of("u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64", "string", "binary");
        List<StructDef.Member> members = new ArrayList<>();
        int size = 0;
        int align = 1;
        for (YamlNode m : list(d, "members", path)) {
            if (!expectMap(m, path + ".members")) {
                continue;
            }
            String mpath = path + ".members[" + (m.get("name") != null ? m.get("name").text() : "?") + "]";
            checkKeys(m, Where.MEMBER, mpath);
            String mname = str(m, "name", mpath, true);
            String type = oneOf(m, "type", mpath, memberTypes);
            if (m.get("type") == null) {
                problem(m, mpath, "missing required key \"type\"");
            }
            String order = oneOf(m, "byte-order", mpath, Set.of("little-endian", "big-endian"));
            String hint = oneOf(m, "display-hint", mpath, SchemaLevel.DISPLAY_HINTS);
            String enumName = str(m, "enum", mpath, false);
            String nested = str(m, "struct", mpath, false);
            boolean asFlags = bool(m, "enum-as-flags", mpath);
            if (mname == null || type == null) {
                continue;
            }
            Integer msize = SchemaLevel.SCALAR_SIZES.get(type);
            int malign = msize != null ? msize : 1;
            if (nested != null) {
                StructDef inner = structNodes.containsKey(nested) ? struct(nested, resolving) : null;
                if (inner == null && !structNodes.containsKey(nested)) {
                    problem(m.get("struct"), mpath + ".struct", "struct \"" + nested + "\" is not defined");
                }
                if (inner != null && !m.has("len")) {
                    msize = inner.size();
                }
                if (inner != null) {
                    malign = inner.align();
                }
            }
            if (m.has("len")) {
                Long len = intOrConst(m, "len", mpath);
                msize = len == null ? 0 : len.intValue();
            } else if (msize == null) {
                problem(m, mpath, "a " + type + " member needs \"len\"");
                msize = 0;
            }
            if (enumName != null && !enums.containsKey(enumName)) {
                problem(m.get("enum"), mpath + ".enum", "enum \"" + enumName + "\" is not defined");
            }
            size = (size + malign - 1) / malign * malign;
            align = Math.max(align, malign);
            members.add(new StructDef.Member(mname, type, size, msize, "big-endian".equals(order), enumName, asFlags, hint, nested));
            size += msize;
        }
        resolving.remove(name);
        int end = size;
        size = (size + align - 1) / align * align;
        StructDef s = new StructDef(name, members, size, align, end);
        structs.put(name, s);
        return s;
    }

    // ---------------------------------------------------------------- attribute sets

    private void attributeSets(YamlNode doc) {
        Map<String, YamlNode> raw = new LinkedHashMap<>();
        for (YamlNode s : list(doc, "attribute-sets", "")) {
            if (!expectMap(s, "attribute-sets")) {
                continue;
            }
            String path = "attribute-sets[" + (s.get("name") != null ? s.get("name").text() : "?") + "]";
            checkKeys(s, Where.ATTRIBUTE_SET, path);
            String name = str(s, "name", path, true);
            if (name != null) {
                if (raw.containsKey(name)) {
                    problem(s, path, "attribute set \"" + name + "\" is defined twice");
                }
                raw.put(name, s);
            }
        }
        for (String name : raw.keySet()) {
            attributeSet(name, raw, new HashSet<>());
        }
    }

    private AttrSetSpec attributeSet(String name, Map<String, YamlNode> raw, Set<String> resolving) {
        AttrSetSpec done = sets.get(name);
        if (done != null) {
            return done;
        }
        YamlNode s = raw.get(name);
        String path = "attribute-sets[" + name + "]";
        if (!resolving.add(name)) {
            problem(s, path, "subset-of loops back to " + name);
            return null;
        }
        String subsetOf = str(s, "subset-of", path, false);
        AttrSetSpec parent = null;
        if (subsetOf != null) {
            if (!raw.containsKey(subsetOf)) {
                problem(s.get("subset-of"), path + ".subset-of", "attribute set \"" + subsetOf + "\" is not defined");
            } else {
                parent = attributeSet(subsetOf, raw, resolving);
            }
            if (s.has("name-prefix")) {
                problem(s.get("name-prefix"), path + ".name-prefix", "a subset-of set takes its prefix from its parent");
            }
        }
        String prefix;
        if (parent != null) {
            prefix = parent.prefix();
        } else if (s.has("name-prefix")) {
            String np = str(s, "name-prefix", path, false);
            prefix = cUpper(np == null ? "" : np);
        } else if (name.equals(familyName)) {
            prefix = cUpper(familyName + "-a-");
        } else {
            prefix = cUpper(familyName + "-a-" + name + "-");
        }
        List<AttrSpec> attrs = new ArrayList<>();
        int next = 1;
        Set<String> seen = new HashSet<>();
        for (YamlNode a : list(s, "attributes", path)) {
            if (!expectMap(a, path + ".attributes")) {
                continue;
            }
            String aname = a.get("name") != null && a.get("name").isScalar() ? a.get("name").text() : "?";
            String apath = path + ".attributes[" + aname + "]";
            checkKeys(a, Where.ATTRIBUTE, apath);
            aname = str(a, "name", apath, true);
            if (aname == null) {
                continue;
            }
            attrNodes.put(name + "/" + aname, a);
            if (!seen.add(aname)) {
                continue; // the kernel's own devlink.yaml lists some subset members twice; harmless
            }
            AttrSpec base = null;
            if (subsetOf != null) {
                base = parent == null ? null : parent.byName(aname);
                if (parent != null && base == null) {
                    problem(a, apath, "\"" + aname + "\" is not an attribute of " + subsetOf);
                    continue;
                }
                if (base == null) {
                    continue;
                }
            }
            Long v = integer(a, "value", apath);
            int value = base != null ? base.value() : v != null ? v.intValue() : next;
            next = value + 1;
            attrs.add(attribute(a, apath, aname, value, prefix, base));
        }
        resolving.remove(name);
        AttrSetSpec set = new AttrSetSpec(name, prefix, subsetOf, attrs);
        sets.put(name, set);
        return set;
    }

    private AttrSpec attribute(YamlNode a, String path, String name, int value, String prefix, AttrSpec base) {
        String type = a.has("type") ? oneOf(a, "type", path, level.attributeTypes()) : base != null ? base.type() : null;
        if (type == null && !a.has("type")) {
            problem(a, path, "missing required key \"type\"");
        }
        String order = oneOf(a, "byte-order", path, Set.of("little-endian", "big-endian"));
        String hint = oneOf(a, "display-hint", path, SchemaLevel.DISPLAY_HINTS);
        String subType = a.has("sub-type") ? oneOf(a, "sub-type", path, level.attributeTypes()) : null;
        List<String> typeValue = new ArrayList<>();
        for (YamlNode tv : list(a, "type-value", path)) {
            if (tv.isScalar()) {
                typeValue.add(tv.text());
            } else {
                problem(tv, path + ".type-value", "must be a name, is " + tv.describeKind());
            }
        }
        YamlNode checks = a.get("checks");
        if (checks != null && expectMap(checks, path + ".checks")) {
            checkKeys(checks, Where.CHECKS, path + ".checks");
        }
        str(a, "doc", path, false);
        boolean multi = bool(a, "multi-attr", path);
        boolean asFlags = bool(a, "enum-as-flags", path);
        if (base != null) {
            return new AttrSpec(name, base.kernelName(), value, type,
                    order != null ? "big-endian".equals(order) : base.bigEndian(), multi || base.multiAttr(),
                    or(str(a, "nested-attributes", path, false), base.nested()), or(str(a, "enum", path, false), base.enumName()),
                    asFlags || base.asFlags(), or(hint, base.displayHint()), or(str(a, "struct", path, false), base.struct()),
                    or(subType, base.subType()), or(str(a, "sub-message", path, false), base.subMessage()),
                    or(str(a, "selector", path, false), base.selector()),
                    typeValue.isEmpty() ? base.typeValue() : typeValue, or(str(a, "doc", path, false), base.doc()));
        }
        return new AttrSpec(name, prefix + cUpper(name), value, type == null ? "binary" : type, "big-endian".equals(order),
                multi, str(a, "nested-attributes", path, false), str(a, "enum", path, false), asFlags, hint,
                str(a, "struct", path, false), subType, str(a, "sub-message", path, false), str(a, "selector", path, false),
                typeValue, str(a, "doc", path, false));
    }

    private static String or(String a, String b) {
        return a != null ? a : b;
    }

    // ---------------------------------------------------------------- sub-messages

    private void subMessages(YamlNode doc) {
        for (YamlNode s : list(doc, "sub-messages", "")) {
            if (!expectMap(s, "sub-messages")) {
                continue;
            }
            String path = "sub-messages[" + (s.get("name") != null ? s.get("name").text() : "?") + "]";
            checkKeys(s, Where.SUB_MESSAGE, path);
            String name = str(s, "name", path, true);
            Map<String, SubMessageSpec.Format> formats = new LinkedHashMap<>();
            for (YamlNode f : list(s, "formats", path)) {
                if (!expectMap(f, path + ".formats")) {
                    continue;
                }
                checkKeys(f, Where.FORMAT, path + ".formats");
                String value = str(f, "value", path + ".formats", true);
                String fpath = path + ".formats[" + value + "]";
                String fh = str(f, "fixed-header", fpath, false);
                String as = str(f, "attribute-set", fpath, false);
                if (fh != null && !structs.containsKey(fh)) {
                    problem(f.get("fixed-header"), fpath + ".fixed-header", "struct \"" + fh + "\" is not defined");
                }
                if (as != null && !sets.containsKey(as)) {
                    problem(f.get("attribute-set"), fpath + ".attribute-set", "attribute set \"" + as + "\" is not defined");
                }
                if (value != null) {
                    formats.put(value, new SubMessageSpec.Format(value, fh, as));
                }
            }
            if (name != null) {
                subMessages.put(name, new SubMessageSpec(name, formats));
            }
        }
    }

    // ---------------------------------------------------------------- operations

    private boolean operations(YamlNode doc, List<OpSpec> out) {
        YamlNode ops = doc.get("operations");
        if (ops == null) {
            problem(doc, "", "missing required key \"operations\"");
            return false;
        }
        if (!expectMap(ops, "operations")) {
            return false;
        }
        checkKeys(ops, Where.OPERATIONS, "operations");
        Set<String> models = level.atLeastLegacy() ? Set.of("unified", "directional") : Set.of("unified");
        String model = oneOf(ops, "enum-model", "operations", models);
        boolean directional = "directional".equals(model);
        String np = str(ops, "name-prefix", "operations", false);
        String opPrefix = cUpper(np != null ? np : familyName + "-cmd-");
        String ap = str(ops, "async-prefix", "operations", false);
        String asyncPrefix = ap != null ? cUpper(ap) : opPrefix;
        String defaultHeader = str(ops, "fixed-header", "operations", false);
        int val = 1;
        int req = 1;
        int rsp = 1;
        List<YamlNode> items = list(ops, "list", "operations");
        if (!ops.has("list")) {
            problem(ops, "operations", "missing required key \"list\"");
        }
        List<OpDraft> drafts = new ArrayList<>();
        for (YamlNode o : items) {
            if (!expectMap(o, "operations.list")) {
                continue;
            }
            String name = o.get("name") != null && o.get("name").isScalar() ? o.get("name").text() : "?";
            String path = "operations.list[" + name + "]";
            checkKeys(o, Where.OPERATION, path);
            name = str(o, "name", path, true);
            if (name == null) {
                continue;
            }
            Map<String, List<String>> lists = new LinkedHashMap<>();
            for (String mode : List.of("do", "dump")) {
                YamlNode m = o.get(mode);
                if (m == null || m.isNull() || !expectMap(m, path + "." + mode)) {
                    continue;
                }
                checkKeys(m, Where.MODE, path + "." + mode);
                for (String dir : List.of("request", "reply")) {
                    YamlNode msg = m.get(dir);
                    if (msg != null && !msg.isNull() && expectMap(msg, path + "." + mode + "." + dir)) {
                        checkKeys(msg, Where.MESSAGE, path + "." + mode + "." + dir);
                        lists.put(mode + " " + dir, names(msg, path + "." + mode + "." + dir));
                        integer(msg, "value", path + "." + mode + "." + dir);
                    }
                }
            }
            // as nlspec.py: the ids come from "do" when there is one, else from "dump"
            YamlNode primary = o.has("do") ? o.get("do") : o.get("dump");
            Integer primaryReq = null;
            Integer primaryRsp = null;
            boolean primaryHasReply = false;
            if (primary != null && primary.isMap()) {
                primaryReq = messageValue(primary.get("request"));
                primaryRsp = messageValue(primary.get("reply"));
                primaryHasReply = primary.has("reply");
            }
            YamlNode ev = o.get("event");
            if (ev != null && expectMap(ev, path + ".event")) {
                checkKeys(ev, Where.EVENT, path + ".event");
                lists.put("event", names(ev, path + ".event"));
            }
            String notify = str(o, "notify", path, false);
            Long explicit = integer(o, "value", path);
            boolean async = notify != null || o.has("event");
            OpSpec.Kind kind = notify != null ? OpSpec.Kind.NOTIFY : o.has("event") ? OpSpec.Kind.EVENT : OpSpec.Kind.REQUEST;
            Integer reqId;
            Integer rspId;
            if (!directional) {
                if (explicit != null) {
                    val = explicit.intValue();
                }
                reqId = async ? null : val;
                rspId = val;
                val++;
            } else if (async) {
                if (explicit != null) {
                    rsp = explicit.intValue();
                }
                reqId = null;
                rspId = rsp;
                rsp++;
            } else if (o.has("do") || o.has("dump")) {
                if (primaryReq != null) {
                    req = primaryReq;
                }
                if (primaryRsp != null) {
                    rsp = primaryRsp;
                }
                reqId = req;
                rspId = primaryHasReply ? rsp : null;
                req++;
                if (primaryHasReply) {
                    rsp++;
                }
            } else {
                problem(o, path, "a directional operation needs do, dump, notify or event");
                continue;
            }
            OpDraft d = new OpDraft(name, reqId, rspId, (async ? asyncPrefix : opPrefix) + cUpper(name), kind, o);
            d.attributeSet = str(o, "attribute-set", path, false);
            d.fixedHeader = o.has("fixed-header") ? str(o, "fixed-header", path, false) : defaultHeader;
            d.notifyOf = notify;
            d.mcgrp = str(o, "mcgrp", path, false);
            d.lists = lists;
            d.doc = str(o, "doc", path, false);
            drafts.add(d);
        }
        // a notification has the layout of the reply of the operation it notifies about ("notify: getlink")
        for (OpDraft d : drafts) {
            for (OpDraft of : drafts) {
                if (d.notifyOf != null && of.name.equals(d.notifyOf)) {
                    d.attributeSet = d.attributeSet != null ? d.attributeSet : of.attributeSet;
                    d.fixedHeader = d.fixedHeader != null ? d.fixedHeader : of.fixedHeader;
                    List<String> reply = of.lists.getOrDefault("do reply", of.lists.get("dump reply"));
                    if (d.lists.isEmpty() && reply != null) {
                        d.lists.put("notify", reply);
                    }
                }
            }
        }
        opNodes = new LinkedHashMap<>();
        for (OpDraft d : drafts) {
            String fromName = directional ? replyName(d, drafts, opPrefix, level == SchemaLevel.NETLINK_RAW) : d.enumName;
            out.add(new OpSpec(d.name, d.requestId, d.replyId, d.requestId == null ? null : d.enumName,
                    d.replyId == null ? null : fromName, d.attributeSet, d.fixedHeader, d.kind, d.notifyOf, d.mcgrp,
                    d.lists, d.doc));
            opNodes.put(d.name, d.node);
        }
        return directional;
    }

    /** An operation while the list is being read: notifications borrow from the operation they notify about. */
    private static final class OpDraft {
        final String name;
        final Integer requestId;
        final Integer replyId;
        final String enumName;
        final OpSpec.Kind kind;
        final YamlNode node;
        String attributeSet;
        String fixedHeader;
        String notifyOf;
        String mcgrp;
        String doc;
        Map<String, List<String>> lists = new LinkedHashMap<>();

        OpDraft(String name, Integer requestId, Integer replyId, String enumName, OpSpec.Kind kind, YamlNode node) {
            this.name = name;
            this.requestId = requestId;
            this.replyId = replyId;
            this.enumName = enumName;
            this.kind = kind;
            this.node = node;
        }
    }

    private Map<String, YamlNode> opNodes = Map.of();

    /**
     * The kernel constant of a directional operation's messages from the kernel. The spec does not
     * spell it; the kernel's own headers follow these habits, tried in this order:
     * <ol>
     * <li>the id is another operation's request id, the enum being shared both ways: rtnetlink's
     *     getlink reply is {@code RTM_NEWLINK}, devlink's port-get reply {@code DEVLINK_CMD_PORT_NEW};</li>
     * <li>notifications and events carry their own name;</li>
     * <li>legacy fused names ({@code getfamily}) reply with the {@code new} form when the ids differ
     *     ({@code CTRL_CMD_NEWFAMILY}) and with their own name when they do not ({@code CTRL_CMD_GETPOLICY});</li>
     * <li>otherwise the generated-header convention {@code <NAME>_REPLY} ({@code ETHTOOL_MSG_STRSET_GET_REPLY}).</li>
     * </ol>
     * {@code SpecUapiNamesTest} checks the result against the UAPI headers.
     */
    private static String replyName(OpDraft d, List<OpDraft> all, String opPrefix, boolean sharedIds) {
        if (d.replyId == null) {
            return null;
        }
        // netlink-raw numbers requests and replies alike (getlink's reply is RTM_NEWLINK, newlink's
        // request); generic netlink's directional families (ethtool) number them apart, so there a
        // request with the reply's number is another message altogether
        for (OpDraft other : sharedIds ? all : List.<OpDraft>of()) {
            if (other != d && d.replyId.equals(other.requestId)) {
                return other.enumName;
            }
        }
        if (d.kind != OpSpec.Kind.REQUEST) {
            return d.enumName;
        }
        if (d.name.matches("get[a-z0-9]+")) {
            return d.replyId.equals(d.requestId) ? d.enumName : opPrefix + "NEW" + cUpper(d.name.substring(3));
        }
        return d.enumName + "_REPLY";
    }

    private static Integer messageValue(YamlNode msg) {
        if (msg == null || !msg.isMap() || msg.get("value") == null || !msg.get("value").isScalar()) {
            return null;
        }
        Long v = parseLong(msg.get("value").text());
        return v == null ? null : v.intValue();
    }

    private List<String> names(YamlNode msg, String path) {
        List<String> names = new ArrayList<>();
        for (YamlNode n : list(msg, "attributes", path)) {
            if (n.isScalar()) {
                names.add(n.text());
            } else {
                problem(n, path + ".attributes", "must be an attribute name, is " + n.describeKind());
            }
        }
        return names;
    }

    private List<Family.McastGroup> mcastGroups(YamlNode doc) {
        List<Family.McastGroup> out = new ArrayList<>();
        YamlNode mg = doc.get("mcast-groups");
        if (mg == null || !expectMap(mg, "mcast-groups")) {
            return out;
        }
        checkKeys(mg, Where.MCAST_GROUPS, "mcast-groups");
        for (YamlNode g : list(mg, "list", "mcast-groups")) {
            if (!expectMap(g, "mcast-groups.list")) {
                continue;
            }
            checkKeys(g, Where.MCAST_GROUP, "mcast-groups.list");
            String name = str(g, "name", "mcast-groups.list", true);
            Long v = integer(g, "value", "mcast-groups.list[" + name + "]");
            if (name != null) {
                out.add(new Family.McastGroup(name, v == null ? null : v.intValue()));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- references

    private void checkReferences(List<OpSpec> ops) {
        for (AttrSetSpec s : sets.values()) {
            for (AttrSpec a : s.attributes()) {
                String path = "attribute-sets[" + s.name() + "].attributes[" + a.name() + "]";
                YamlNode at = attrNode(s.name(), a.name());
                if (a.nested() != null && !sets.containsKey(a.nested())) {
                    problemAt(at, "nested-attributes", path + ".nested-attributes", "attribute set \"" + a.nested() + "\" is not defined");
                }
                if (a.enumName() != null && !enums.containsKey(a.enumName())) {
                    problemAt(at, "enum", path + ".enum", "enum \"" + a.enumName() + "\" is not defined");
                }
                if (a.struct() != null && !structs.containsKey(a.struct()) && !structNodes.containsKey(a.struct())) {
                    problemAt(at, "struct", path + ".struct", "struct \"" + a.struct() + "\" is not defined");
                }
                if (a.type().equals("sub-message")) {
                    if (a.subMessage() == null || !subMessages.containsKey(a.subMessage())) {
                        problemAt(at, "sub-message", path + ".sub-message", a.subMessage() == null ? "a sub-message attribute needs \"sub-message\""
                                : "sub-message \"" + a.subMessage() + "\" is not defined");
                    }
                    if (a.selector() == null) {
                        problem(at, path, "a sub-message attribute needs \"selector\"");
                    } else if (s.byName(a.selector()) == null && sets.values().stream().noneMatch(o -> o.byName(a.selector()) != null)) {
                        problemAt(at, "selector", path + ".selector", "selector \"" + a.selector() + "\" is not an attribute of "
                                + s.name() + " or of any set that could enclose it");
                    }
                }
                if ((a.type().equals("nest") || a.type().equals("nest-type-value")) && a.nested() == null) {
                    problem(at, path, "a " + a.type() + " attribute needs \"nested-attributes\"");
                }
            }
        }
        for (OpSpec op : ops) {
            String path = "operations.list[" + op.name() + "]";
            YamlNode at = opNodes.getOrDefault(op.name(), null);
            if (at == null) {
                continue;
            }
            AttrSetSpec set = op.attributeSet() == null ? null : sets.get(op.attributeSet());
            if (op.attributeSet() != null && set == null) {
                problemAt(at, "attribute-set", path + ".attribute-set", "attribute set \"" + op.attributeSet() + "\" is not defined");
            }
            if (op.fixedHeader() != null && !structs.containsKey(op.fixedHeader())) {
                problemAt(at, "fixed-header", path + ".fixed-header", "struct \"" + op.fixedHeader() + "\" is not defined");
            }
            if (op.notifyOf() != null && ops.stream().noneMatch(o -> o.name().equals(op.notifyOf()))) {
                problemAt(at, "notify", path + ".notify", "operation \"" + op.notifyOf() + "\" is not defined");
            }
            if (set != null) {
                for (Map.Entry<String, List<String>> e : op.attributeLists().entrySet()) {
                    for (String n : e.getValue()) {
                        if (set.byName(n) == null) {
                            problem(at, path + "." + e.getKey().replace(' ', '.') + ".attributes",
                                    "\"" + n + "\" is not an attribute of " + set.name());
                        }
                    }
                }
            }
        }
    }

    private final Map<String, YamlNode> attrNodes = new LinkedHashMap<>();

    private YamlNode attrNode(String set, String attr) {
        YamlNode n = attrNodes.get(set + "/" + attr);
        return n != null ? n : new YamlNode(YamlNode.Kind.NULL, null, null, null, null, null, origin, 0, 0);
    }
}
