package org.nlwb.decoder.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.nlwb.decoder.codec.Suggestions;
import org.nlwb.decoder.model.Protocol;

/**
 * Checks the names of a parsed filter against a {@link FilterVocabulary}. What is an error and
 * what a warning:
 * <ul>
 *   <li>a field or type name that no message class knows but a known one is close to: an error
 *       with the suggestion as its {@link FilterSyntaxException#fix() fix} (a typo matches nothing);</li>
 *   <li>such a name with nothing close: a warning (a plugin's or a Java family's name);</li>
 *   <li>a value of a closed set ({@code direction}, {@code protocol}) that is not in it: an error;</li>
 *   <li>an unknown enum value or flag name close to a known one of that field: an error;</li>
 *   <li>a known name that this capture happens not to hold: nothing (it simply matches nothing).</li>
 * </ul>
 * Quoted strings are taken as the user wrote them, and {@code contains} only checks flag names.
 */
final class FilterCheck {
    private final FilterVocabulary vocabulary;
    private final List<FilterWarning> warnings = new ArrayList<>();

    private FilterCheck(FilterVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** The warnings of {@code e}; throws at the first error, leftmost first. */
    static List<FilterWarning> check(Expr e, FilterVocabulary vocabulary) throws FilterSyntaxException {
        if (!vocabulary.checks()) {
            return List.of();
        }
        FilterCheck c = new FilterCheck(vocabulary);
        c.walk(e);
        return List.copyOf(c.warnings);
    }

    private void walk(Expr e) throws FilterSyntaxException {
        if (e instanceof Expr.And a) {
            walk(a.left());
            walk(a.right());
        } else if (e instanceof Expr.Or o) {
            walk(o.left());
            walk(o.right());
        } else if (e instanceof Expr.Not n) {
            walk(n.inner());
        } else if (e instanceof Expr.Exists x) {
            field(x.field(), x.position());
        } else {
            Expr.Compare c = (Expr.Compare) e;
            field(c.field(), c.position());
            if (!c.literal().quoted() && c.literal().number() == null) {
                value(c);
            }
        }
    }

    private void field(String name, int position) throws FilterSyntaxException {
        if (vocabulary.knowsField(name)) {
            return;
        }
        List<String> kernel = vocabulary.kernelNames(name);
        if (kernel.size() == 1) {
            throw typo("unknown field " + name, position, name, kernel.get(0));
        }
        if (!kernel.isEmpty()) {
            throw new FilterSyntaxException(position, "unknown field " + name + ": the tree names attributes by "
                    + "their kernel names (" + Suggestions.list(kernel) + ")");
        }
        Optional<String> close = vocabulary.closestField(name);
        if (close.isPresent()) {
            throw typo("unknown field " + name, position, name, close.get());
        }
        warnings.add(new FilterWarning(position, "no message class is known to have a field " + name
                + "; it matches only messages whose tree holds a node of that name"));
    }

    private void value(Expr.Compare c) throws FilterSyntaxException {
        Literal lit = c.literal();
        String field = c.field();
        boolean contains = c.op().equals("contains");
        switch (field) {
            case "type", "nlmsg_type" -> {
                if (!contains) {
                    typeName(lit);
                }
            }
            case "direction" -> closed(lit, "direction", FilterVocabulary.DIRECTIONS);
            case "protocol" -> {
                if (Protocol.parse(lit.text()).isEmpty() && !lit.text().equals("unknown")) {
                    throw new FilterSyntaxException(lit.position(), "unknown protocol " + lit.text()
                            + " (route, generic, netfilter, sock_diag, NETLINK_ROUTE, ... or a number)");
                }
            }
            case "flags", "nlmsg_flags" -> flagNames(lit, vocabulary.valueNames(field), contains);
            default -> {
                if (!contains) {
                    enumValue(field, lit, vocabulary.valueNames(field));
                }
            }
        }
    }

    private void typeName(Literal lit) throws FilterSyntaxException {
        String name = lit.text();
        if (vocabulary.knowsType(name)) {
            return;
        }
        Optional<String> close = vocabulary.closestType(name);
        if (close.isPresent()) {
            throw typo("unknown type name " + name, lit.position(), name, close.get());
        }
        warnings.add(new FilterWarning(lit.position(), "no message class is known to name a type " + name));
    }

    private static void closed(Literal lit, String what, List<String> known) throws FilterSyntaxException {
        if (known.contains(lit.text())) {
            return;
        }
        Optional<String> close = Suggestions.closest(lit.text(), known);
        String reason = "unknown " + what + " " + lit.text();
        if (close.isPresent()) {
            throw typo(reason, lit.position(), lit.text(), close.get());
        }
        throw new FilterSyntaxException(lit.position(), reason + " (" + String.join(", ", known) + ")");
    }

    /** {@code REQUEST|ACK}: every part a flag name; with {@code contains} a part of one is fine too. */
    private static void flagNames(Literal lit, Set<String> known, boolean contains) throws FilterSyntaxException {
        int at = lit.position();
        for (String part : lit.text().split("\\|", -1)) {
            boolean fine = known.contains(part) || Literal.parseNumber(part) != null
                    || contains && known.stream().anyMatch(k -> k.contains(part));
            if (!fine) {
                Optional<String> close = Suggestions.closest(part, known);
                if (close.isPresent()) {
                    throw typo("unknown flag " + part, at, part, close.get());
                }
                throw new FilterSyntaxException(at, "unknown flag " + part + " (" + Suggestions.list(
                        RegistryNames.FLAG_NAMES) + ")");
            }
            at += part.length() + 1;
        }
    }

    /** A word compared with an enum-valued field: an error only when it is a near miss of one of its names. */
    private static void enumValue(String field, Literal lit, Set<String> known) throws FilterSyntaxException {
        if (known.isEmpty() || known.contains(lit.text())) {
            return;
        }
        Optional<String> close = Suggestions.closest(lit.text(), known);
        if (close.isPresent() && !close.get().equals(lit.text())) {
            throw typo("unknown value " + lit.text() + " for " + field, lit.position(), lit.text(), close.get());
        }
    }

    private static FilterSyntaxException typo(String reason, int position, String wrong, String right) {
        return new FilterSyntaxException(position, reason + " (did you mean " + right + "?)",
                new FilterSyntaxException.Fix(position, position + wrong.length(), right));
    }
}
