package org.nlwb.decoder.ynl;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every attribute's number, given by {@code value} or counted on from the one before (as
 * {@link YnlParser} numbers them), must fit in {@code nla_type}: 0 to {@value #MAX} (14 bits; bit
 * 14 is {@code NLA_F_NET_BYTEORDER}, bit 15 {@code NLA_F_NESTED}). A spec with 16384 would make
 * {@code send} encode a byte-order flag with type 0, 70000 would be cut to 4464; so such a spec is
 * refused like any other wrong spec, naming the {@code value} (or, for a counted number, the
 * attribute) by file, line and column. 0 is allowed: tcp_metrics counts its metrics from 0 and
 * indexed sets such as rt-link's bond-ip-targets use it.
 *
 * <p>Works on the YAML tree, before or beside the parser, and looks at nothing else: wrong shapes
 * are the parser's to report. Subsets ({@code subset-of}) take their numbers from their parent and
 * are not counted here.
 */
public final class AttributeNumbers {
    /** The largest attribute number: {@code NLA_TYPE_MASK}. */
    static final int MAX = 0x3fff;

    private AttributeNumbers() {
    }

    /** The problems of {@code doc}, empty when every number fits. */
    public static List<SpecProblem> check(YamlNode doc) {
        List<SpecProblem> problems = new ArrayList<>();
        YamlNode sets = doc.isMap() ? doc.get("attribute-sets") : null;
        if (sets == null || !sets.isList()) {
            return problems;
        }
        for (YamlNode set : sets.list()) {
            if (set.isMap() && !set.has("subset-of") && set.get("attributes") != null && set.get("attributes").isList()) {
                checkSet(set, problems);
            }
        }
        return problems;
    }

    private static void checkSet(YamlNode set, List<SpecProblem> problems) {
        String setName = scalar(set, "name");
        long next = 1;
        Set<String> seen = new HashSet<>();
        for (YamlNode a : set.get("attributes").list()) {
            String name = a.isMap() ? scalar(a, "name") : null;
            if (name == null || !seen.add(name)) {
                continue; // the parser reports a nameless attribute, and ignores a repeated one
            }
            YamlNode given = a.get("value");
            Long v = given != null && given.isScalar() ? NodeReader.parseLong(given.text()) : null;
            long number = v != null ? v : next;
            next = number + 1;
            if (number < 0 || number > MAX) {
                String path = "attribute-sets[" + setName + "].attributes[" + name + "]" + (v != null ? ".value" : "");
                problems.add(SpecProblem.at(v != null ? given : a, path, (v != null ? "value " : "counted number ")
                        + number + " is not an attribute number: nla_type holds 0.." + MAX + " (bits 14 and 15 are the "
                        + "NLA_F_NET_BYTEORDER and NLA_F_NESTED flags)"));
            }
        }
    }

    private static String scalar(YamlNode map, String key) {
        YamlNode n = map.get(key);
        return n != null && n.isScalar() ? n.text() : null;
    }
}
