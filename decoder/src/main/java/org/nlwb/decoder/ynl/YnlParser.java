package org.nlwb.decoder.ynl;

import java.util.List;
import org.nlwb.decoder.ynl.SchemaLevel.Where;

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
 *
 * <p>The work is split along the spec's sections: {@link Definitions}, {@link AttributeSets} (and
 * sub-messages), {@link Operations} (numbering and names), then {@link References}; all share one
 * {@link NodeReader} holding the level, the consts and the problems.
 */
public final class YnlParser {
    private final NodeReader r;

    private YnlParser(String origin) {
        this.r = new NodeReader(origin);
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
        if (!p.r.problems.isEmpty()) {
            throw new SpecException(p.r.problems);
        }
        return f;
    }

    private Family family(YamlNode doc) {
        if (!doc.isMap()) {
            r.problem(doc, "", "a spec must be a mapping with name, attribute-sets and operations; this is "
                    + doc.describeKind());
            return null;
        }
        Integer protonum = header(doc);
        Definitions defs = new Definitions(r);
        defs.read(doc);
        AttributeSets sets = new AttributeSets(r, defs);
        sets.read(doc);
        sets.readSubMessages(doc);
        Operations ops = new Operations(r);
        ops.read(doc);
        List<Family.McastGroup> groups = ops.mcastGroups(doc);
        new References(r, defs, sets, ops).check();
        String familyDoc = doc.has("doc") && doc.get("doc").isScalar() ? doc.get("doc").text() : null;
        return new Family(r.familyName, r.level, protonum, familyDoc, r.consts, defs.enums, defs.structs, sets.sets,
                ops.ops, sets.subMessages, groups, ops.directional, r.origin);
    }

    /** The top-level keys: protocol (the schema level), name, doc and a netlink-raw family's protonum. */
    private Integer header(YamlNode doc) {
        String protocol = r.str(doc, "protocol", "", false);
        SchemaLevel l = SchemaLevel.of(protocol);
        if (l == null) {
            r.problem(doc.get("protocol"), "protocol", "unknown protocol \"" + protocol
                    + "\" (genetlink, genetlink-c, genetlink-legacy or netlink-raw)");
        } else {
            r.level = l;
        }
        r.checkKeys(doc, Where.TOP, "");
        String name = r.str(doc, "name", "", true);
        r.familyName = name == null ? "" : name;
        r.str(doc, "doc", "", false);
        if (r.level != SchemaLevel.NETLINK_RAW) {
            return null;
        }
        Long pn = r.integer(doc, "protonum", "");
        if (pn == null && !doc.has("protonum")) {
            r.problem(doc, "", "a netlink-raw spec needs \"protonum\" (the NETLINK_* protocol number)");
        }
        return pn == null ? null : pn.intValue();
    }
}
