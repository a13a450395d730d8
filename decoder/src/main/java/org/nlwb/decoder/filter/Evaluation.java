package org.nlwb.decoder.filter;

import java.math.BigInteger;
import java.util.List;

/**
 * The meaning of a filter expression over one message's fields (see {@link Filter} for the
 * semantics): the one place both the full-tree filter and {@link FastFilter} decide, so they can
 * only differ in where the fields come from.
 */
final class Evaluation {
    private Evaluation() {
    }

    static boolean eval(Expr e, FieldSource m) {
        if (e instanceof Expr.And a) {
            return eval(a.left(), m) && eval(a.right(), m);
        }
        if (e instanceof Expr.Or o) {
            return eval(o.left(), m) || eval(o.right(), m);
        }
        if (e instanceof Expr.Not n) {
            return !eval(n.inner(), m);
        }
        if (e instanceof Expr.Exists x) {
            return m.present(x.field());
        }
        return compare((Expr.Compare) e, m.values(((Expr.Compare) e).field(), needsTexts((Expr.Compare) e)));
    }

    /** Whether comparison {@code c} may look at texts of an occurrence that has a number. */
    static boolean needsTexts(Expr.Compare c) {
        return switch (c.op()) {
            case "contains" -> true;
            case "==", "!=" -> c.literal().number() == null || c.literal().quoted();
            default -> false;
        };
    }

    private static boolean compare(Expr.Compare c, List<FieldValue> vs) {
        if (c.op().equals("!=")) {
            if (vs.isEmpty()) {
                return false;
            }
            for (FieldValue v : vs) {
                if (equalTo(v, c.literal())) {
                    return false;
                }
            }
            return true;
        }
        for (FieldValue v : vs) {
            if (holds(v, c.op(), c.literal())) {
                return true;
            }
        }
        return false;
    }

    private static boolean holds(FieldValue v, String op, Literal lit) {
        switch (op) {
            case "==":
                return equalTo(v, lit);
            case "contains":
                for (String t : v.texts()) {
                    if (t != null && t.contains(lit.text())) {
                        return true;
                    }
                }
                return false;
            default:
                BigInteger n = numberOf(v);
                if (n == null || lit.number() == null) {
                    return false;
                }
                int cmp = n.compareTo(lit.number());
                return switch (op) {
                    case "<" -> cmp < 0;
                    case "<=" -> cmp <= 0;
                    case ">" -> cmp > 0;
                    case ">=" -> cmp >= 0;
                    default -> false;
                };
        }
    }

    private static boolean equalTo(FieldValue v, Literal lit) {
        if (lit.number() != null && !lit.quoted()) {
            BigInteger n = numberOf(v);
            if (n != null) {
                return n.equals(lit.number());
            }
        }
        for (String t : v.texts()) {
            if (t != null && t.equals(lit.text())) {
                return true;
            }
        }
        return false;
    }

    private static BigInteger numberOf(FieldValue v) {
        if (v.number() != null) {
            return v.number();
        }
        for (String t : v.texts()) {
            if (t != null) {
                BigInteger n = Literal.parseNumber(t);
                if (n != null) {
                    return n;
                }
            }
        }
        return null;
    }
}
