package org.nlwb.decoder.ynl;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.nlwb.decoder.ynl.SchemaLevel.Where;

/**
 * What every part of the parser shares while one spec is read: the schema level, the family name,
 * the consts defined so far, and the problems found; plus the typed reads of YAML values that
 * record a problem (with file, line and column) instead of failing. A read that fails returns
 * null (or false, or an empty list), so parsing goes on and every problem of a spec is reported
 * at once.
 */
final class NodeReader {
    /** Lengths specs take from kernel headers without defining them. */
    private static final Map<String, Long> KNOWN_DEFINES = Map.of("IFNAMSIZ", 16L, "ETH_ALEN", 6L,
            "TASK_COMM_LEN", 16L, "XT_EXTENSION_MAXNAMELEN", 29L);
    private static final Set<String> BYTE_ORDERS = Set.of("little-endian", "big-endian");

    final String origin;
    final List<SpecProblem> problems = new ArrayList<>();
    final Map<String, Long> consts = new LinkedHashMap<>();
    SchemaLevel level = SchemaLevel.GENETLINK;
    String familyName = "";

    NodeReader(String origin) {
        this.origin = origin;
    }

    /** {@code rt-link} + {@code -a-} → {@code RT_LINK_A_}. */
    static String cUpper(String s) {
        return s.toUpperCase(Locale.ROOT).replace('-', '_');
    }

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

    void problem(YamlNode at, String path, String message) {
        problems.add(SpecProblem.at(at, path, message));
    }

    /** A problem with the value of {@code key} in mapping {@code at}, located at that value when present. */
    void problemAt(YamlNode at, String key, String path, String message) {
        YamlNode v = at.get(key);
        problems.add(v != null ? SpecProblem.at(v, path, message) : SpecProblem.at(at, path, message));
    }

    void checkKeys(YamlNode node, Where where, String path) {
        node.duplicateKeys().forEach((k, line) -> problems.add(new SpecProblem(node.file(), line, 0,
                path.isEmpty() ? k : path + "." + k, "duplicate key \"" + k + "\" (first on line " + node.lineOf(k) + ")")));
        Set<String> allowed = level.keys(where);
        for (String k : node.map().keySet()) {
            if (!allowed.contains(k)) {
                YamlNode v = node.get(k);
                problems.add(new SpecProblem(node.file(), node.lineOf(k), v.column(), path.isEmpty() ? k : path + "." + k,
                        "unknown key \"" + k + "\" (" + level.label() + " allows " + new TreeSet<>(allowed) + ")"));
            }
        }
    }

    boolean expectMap(YamlNode n, String path) {
        if (n == null || n.isMap()) {
            return n != null;
        }
        problem(n, path, "must be a mapping, is " + n.describeKind());
        return false;
    }

    List<YamlNode> list(YamlNode parent, String key, String path) {
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

    String str(YamlNode parent, String key, String path, boolean required) {
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

    /** The text of a mapping's {@code name} when it is a scalar, else {@code "?"}: for paths of entries not yet checked. */
    static String scalarName(YamlNode n) {
        YamlNode v = n.get("name");
        return v != null && v.isScalar() ? v.text() : "?";
    }

    /** The text of a mapping's {@code name} as given (null for a non-scalar), {@code "?"} when absent. */
    static String givenName(YamlNode n) {
        YamlNode v = n.get("name");
        return v != null ? v.text() : "?";
    }

    Long integer(YamlNode parent, String key, String path) {
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
    Long intOrConst(YamlNode parent, String key, String path) {
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
    Long constValue(String text) {
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

    boolean bool(YamlNode parent, String key, String path) {
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

    String oneOf(YamlNode parent, String key, String path, Set<String> allowed) {
        String v = str(parent, key, path, false);
        if (v != null && !allowed.contains(v)) {
            return notOneOf(parent, key, path, v, allowed);
        }
        return v;
    }

    private String notOneOf(YamlNode parent, String key, String path, String v, Collection<String> allowed) {
        problem(parent.get(key), path + "." + key, "\"" + v + "\" is not one of " + new TreeSet<>(allowed));
        return null;
    }

    /** The attribute or member type at {@code key}: one of {@code allowed}, else null with a problem. */
    AttrType type(YamlNode parent, String key, String path, Set<AttrType> allowed) {
        String v = str(parent, key, path, false);
        AttrType t = AttrType.of(v);
        if (v != null && (t == null || !allowed.contains(t))) {
            notOneOf(parent, key, path, v, AttrType.specNames(allowed));
            return null;
        }
        return t;
    }

    /** {@code display-hint}, or null (with a problem when it names no hint). */
    DisplayHint displayHint(YamlNode parent, String path) {
        String v = str(parent, "display-hint", path, false);
        DisplayHint h = DisplayHint.of(v);
        if (v != null && h == null) {
            List<String> names = new ArrayList<>();
            for (DisplayHint d : DisplayHint.values()) {
                names.add(d.specName());
            }
            notOneOf(parent, "display-hint", path, v, names);
        }
        return h;
    }

    /** {@code byte-order: big-endian}: true, false, or null when the key is absent (or wrong, with a problem). */
    Boolean bigEndian(YamlNode parent, String path) {
        String order = oneOf(parent, "byte-order", path, BYTE_ORDERS);
        return order == null ? null : order.equals("big-endian");
    }
}
