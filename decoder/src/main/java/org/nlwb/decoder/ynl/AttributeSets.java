package org.nlwb.decoder.ynl;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nlwb.decoder.ynl.SchemaLevel.Where;

/**
 * A spec's {@code attribute-sets}: every set with its prefix and its attributes numbered (from 1,
 * an explicit {@code value} moving the count), {@code subset-of} sets taking numbers, names and
 * properties from their parent; then the {@code sub-messages}, whose formats name structs and sets.
 */
final class AttributeSets {
    private final NodeReader r;
    private final Definitions defs;
    final Map<String, AttrSetSpec> sets = new LinkedHashMap<>();
    final Map<String, SubMessageSpec> subMessages = new LinkedHashMap<>();
    /** Each attribute's YAML, keyed {@code set/attribute}, to place problems found later. */
    private final Map<String, YamlNode> attrNodes = new LinkedHashMap<>();

    AttributeSets(NodeReader r, Definitions defs) {
        this.r = r;
        this.defs = defs;
    }

    /** The YAML of attribute {@code attr} of set {@code set}, or an empty node at the file's start. */
    YamlNode node(String set, String attr) {
        YamlNode n = attrNodes.get(set + "/" + attr);
        return n != null ? n : new YamlNode(YamlNode.Kind.NULL, null, null, null, null, null, r.origin, 0, 0);
    }

    void read(YamlNode doc) {
        Map<String, YamlNode> raw = new LinkedHashMap<>();
        for (YamlNode s : r.list(doc, "attribute-sets", "")) {
            if (!r.expectMap(s, "attribute-sets")) {
                continue;
            }
            String path = "attribute-sets[" + NodeReader.givenName(s) + "]";
            r.checkKeys(s, Where.ATTRIBUTE_SET, path);
            String name = r.str(s, "name", path, true);
            if (name != null) {
                if (raw.containsKey(name)) {
                    r.problem(s, path, "attribute set \"" + name + "\" is defined twice");
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
            r.problem(s, path, "subset-of loops back to " + name);
            return null;
        }
        String subsetOf = r.str(s, "subset-of", path, false);
        AttrSetSpec parent = null;
        if (subsetOf != null) {
            if (!raw.containsKey(subsetOf)) {
                r.problem(s.get("subset-of"), path + ".subset-of", "attribute set \"" + subsetOf + "\" is not defined");
            } else {
                parent = attributeSet(subsetOf, raw, resolving);
            }
            if (s.has("name-prefix")) {
                r.problem(s.get("name-prefix"), path + ".name-prefix", "a subset-of set takes its prefix from its parent");
            }
        }
        String prefix = prefix(s, name, path, parent);
        List<AttrSpec> attrs = attributes(s, name, path, subsetOf, parent, prefix);
        resolving.remove(name);
        AttrSetSpec set = new AttrSetSpec(name, prefix, subsetOf, attrs);
        sets.put(name, set);
        return set;
    }

    /** The kernel constant prefix: the parent's, {@code name-prefix}, or derived from family and set names. */
    private String prefix(YamlNode s, String name, String path, AttrSetSpec parent) {
        if (parent != null) {
            return parent.prefix();
        }
        if (s.has("name-prefix")) {
            String np = r.str(s, "name-prefix", path, false);
            return NodeReader.cUpper(np == null ? "" : np);
        }
        if (name.equals(r.familyName)) {
            return NodeReader.cUpper(r.familyName + "-a-");
        }
        return NodeReader.cUpper(r.familyName + "-a-" + name + "-");
    }

    private List<AttrSpec> attributes(YamlNode s, String name, String path, String subsetOf, AttrSetSpec parent,
                                      String prefix) {
        List<AttrSpec> attrs = new ArrayList<>();
        int next = 1;
        Set<String> seen = new HashSet<>();
        for (YamlNode a : r.list(s, "attributes", path)) {
            if (!r.expectMap(a, path + ".attributes")) {
                continue;
            }
            String apath = path + ".attributes[" + NodeReader.scalarName(a) + "]";
            r.checkKeys(a, Where.ATTRIBUTE, apath);
            String aname = r.str(a, "name", apath, true);
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
                    r.problem(a, apath, "\"" + aname + "\" is not an attribute of " + subsetOf);
                    continue;
                }
                if (base == null) {
                    continue;
                }
            }
            Long v = r.integer(a, "value", apath);
            int value = base != null ? base.value() : v != null ? v.intValue() : next;
            next = value + 1;
            attrs.add(attribute(a, apath, aname, value, prefix, base));
        }
        return attrs;
    }

    /** One attribute; a subset's attribute takes from its parent's ({@code base}) what it does not say itself. */
    private AttrSpec attribute(YamlNode a, String path, String name, int value, String prefix, AttrSpec base) {
        AttrType type = a.has("type") ? r.type(a, "type", path, r.level.attributeTypes()) : base != null ? base.type() : null;
        if (type == null && !a.has("type")) {
            r.problem(a, path, "missing required key \"type\"");
        }
        Boolean bigEndian = r.bigEndian(a, path);
        DisplayHint hint = r.displayHint(a, path);
        AttrType subType = a.has("sub-type") ? r.type(a, "sub-type", path, r.level.attributeTypes()) : null;
        List<String> typeValue = typeValue(a, path);
        AttrChecks checks = checks(a, path);
        r.str(a, "doc", path, false);
        boolean multi = r.bool(a, "multi-attr", path);
        boolean asFlags = r.bool(a, "enum-as-flags", path);
        String nested = r.str(a, "nested-attributes", path, false);
        String enumName = r.str(a, "enum", path, false);
        String struct = r.str(a, "struct", path, false);
        String subMessage = r.str(a, "sub-message", path, false);
        String selector = r.str(a, "selector", path, false);
        String doc = r.str(a, "doc", path, false);
        Long first = r.integer(a, "first-index", path);  // nlwb's: an indexed array counted from 1 (tc actions)
        if (base != null) {
            return base.toBuilder().type(type != null ? type : base.type())
                    .bigEndian(bigEndian != null ? bigEndian : base.bigEndian()).multiAttr(multi || base.multiAttr())
                    .nested(or(nested, base.nested())).enumName(or(enumName, base.enumName()))
                    .asFlags(asFlags || base.asFlags()).displayHint(hint != null ? hint : base.displayHint())
                    .struct(or(struct, base.struct())).subType(subType != null ? subType : base.subType())
                    .subMessage(or(subMessage, base.subMessage()), or(selector, base.selector()))
                    .typeValue(typeValue.isEmpty() ? base.typeValue() : typeValue)
                    .checks(checks.isEmpty() ? base.checks() : checks).doc(or(doc, base.doc()))
                    .firstIndex(first != null ? first.intValue() : base.firstIndex())
                    .build();
        }
        return AttrSpec.builder(name, prefix + NodeReader.cUpper(name), value, type == null ? AttrType.BINARY : type)
                .bigEndian(Boolean.TRUE.equals(bigEndian)).multiAttr(multi).nested(nested).enumName(enumName)
                .asFlags(asFlags).displayHint(hint).struct(struct).subType(subType).subMessage(subMessage, selector)
                .typeValue(typeValue).checks(checks).doc(doc).firstIndex(first == null ? 0 : first.intValue())
                .build();
    }

    private List<String> typeValue(YamlNode a, String path) {
        List<String> typeValue = new ArrayList<>();
        for (YamlNode tv : r.list(a, "type-value", path)) {
            if (tv.isScalar()) {
                typeValue.add(tv.text());
            } else {
                r.problem(tv, path + ".type-value", "must be a name, is " + tv.describeKind());
            }
        }
        return typeValue;
    }

    /**
     * {@code checks}: keys checked against the level; bounds kept where they resolve (a number, a
     * const, {@code u32-max} and the like). A bound naming something unknown is no problem: the
     * kernel's specs name limits from C headers the spec does not define.
     */
    private AttrChecks checks(YamlNode a, String path) {
        YamlNode checks = a.get("checks");
        if (checks == null || !r.expectMap(checks, path + ".checks")) {
            return AttrChecks.NONE;
        }
        r.checkKeys(checks, Where.CHECKS, path + ".checks");
        Long exact = bound(checks, "exact-len");
        Long minLen = exact != null ? exact : bound(checks, "min-len");
        Long maxLen = exact != null ? exact : bound(checks, "max-len");
        return new AttrChecks(bound(checks, "min"), bound(checks, "max"), minLen == null ? null : minLen.intValue(),
                maxLen == null ? null : maxLen.intValue());
    }

    private Long bound(YamlNode checks, String key) {
        YamlNode n = checks.get(key);
        if (n == null || !n.isScalar()) {
            return null;
        }
        Long v = NodeReader.parseLong(n.text());
        if (v != null) {
            return v;
        }
        AttrType t = n.text().matches("[us]\\d+-(min|max)") ? AttrType.of(n.text().substring(0, n.text().indexOf('-'))) : null;
        if (t != null && t.isFixedInteger()) {
            return (n.text().endsWith("-max") ? t.max() : t.min()).longValue();
        }
        return r.constValue(n.text());
    }

    private static String or(String a, String b) {
        return a != null ? a : b;
    }

    // ---------------------------------------------------------------- sub-messages

    void readSubMessages(YamlNode doc) {
        for (YamlNode s : r.list(doc, "sub-messages", "")) {
            if (!r.expectMap(s, "sub-messages")) {
                continue;
            }
            String path = "sub-messages[" + NodeReader.givenName(s) + "]";
            r.checkKeys(s, Where.SUB_MESSAGE, path);
            String name = r.str(s, "name", path, true);
            Map<String, SubMessageSpec.Format> formats = new LinkedHashMap<>();
            for (YamlNode f : r.list(s, "formats", path)) {
                if (r.expectMap(f, path + ".formats")) {
                    SubMessageSpec.Format format = format(f, path);
                    if (format != null) {
                        formats.put(format.value(), format);
                    }
                }
            }
            if (name != null) {
                subMessages.put(name, new SubMessageSpec(name, formats));
            }
        }
    }

    private SubMessageSpec.Format format(YamlNode f, String path) {
        r.checkKeys(f, Where.FORMAT, path + ".formats");
        String value = r.str(f, "value", path + ".formats", true);
        String fpath = path + ".formats[" + value + "]";
        String fh = r.str(f, "fixed-header", fpath, false);
        String as = r.str(f, "attribute-set", fpath, false);
        if (fh != null && !defs.structs.containsKey(fh)) {
            r.problem(f.get("fixed-header"), fpath + ".fixed-header", "struct \"" + fh + "\" is not defined");
        }
        if (as != null && !sets.containsKey(as)) {
            r.problem(f.get("attribute-set"), fpath + ".attribute-set", "attribute set \"" + as + "\" is not defined");
        }
        return value == null ? null : new SubMessageSpec.Format(value, fh, as);
    }
}
