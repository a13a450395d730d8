package org.nlwb.decoder.filter;

import java.util.Set;

/**
 * An expression with each {@code &&} and {@code ||} reordered so its cheaper side goes first: a
 * message that fails {@code type == RTM_NEWLINK} is then never decoded for
 * {@code IFLA_IFNAME == "lo" && type == RTM_NEWLINK}. The meaning is the same (a filter has no
 * side effects); only what is looked at changes.
 */
final class CheapFirst {
    /** Read from the record and the header's bytes. */
    private static final Set<String> RECORD_FIELDS = Set.of("seq", "len", "pid", "direction", "protocol");
    private static final int HEADER = 0;
    private static final int CLASS = 1;
    private static final int ATTRIBUTES = 4;

    private CheapFirst() {
    }

    static Expr order(Expr e) {
        if (e instanceof Expr.And a) {
            Expr l = order(a.left());
            Expr r = order(a.right());
            return cost(r) < cost(l) ? new Expr.And(r, l) : new Expr.And(l, r);
        }
        if (e instanceof Expr.Or o) {
            Expr l = order(o.left());
            Expr r = order(o.right());
            return cost(r) < cost(l) ? new Expr.Or(r, l) : new Expr.Or(l, r);
        }
        if (e instanceof Expr.Not n) {
            return new Expr.Not(order(n.inner()));
        }
        return e;
    }

    /** A rough price of evaluating {@code e}: what it reads, added up. */
    static int cost(Expr e) {
        if (e instanceof Expr.And a) {
            return cost(a.left()) + cost(a.right());
        }
        if (e instanceof Expr.Or o) {
            return cost(o.left()) + cost(o.right());
        }
        if (e instanceof Expr.Not n) {
            return cost(n.inner());
        }
        if (e instanceof Expr.Exists x) {
            return field(x.field(), false);
        }
        Expr.Compare c = (Expr.Compare) e;
        return field(c.field(), Evaluation.needsTexts(c));
    }

    private static int field(String name, boolean texts) {
        if (RECORD_FIELDS.contains(name)) {
            return HEADER;
        }
        return switch (name) {
            case "type", "flags" -> texts ? CLASS : HEADER;
            case "error" -> CLASS + 1;
            default -> ATTRIBUTES;
        };
    }
}
