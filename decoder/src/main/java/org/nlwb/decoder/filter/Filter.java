package org.nlwb.decoder.filter;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.decode.Values;
import org.nlwb.decoder.tree.Node;

/**
 * A compiled display filter over decoded messages, e.g.
 * {@code type == RTM_NEWLINK && IFLA_IFNAME == "lo"}, {@code error != 0}, {@code IFLA_MTU > 1500},
 * {@code flags contains DUMP}, {@code !(direction == notification)}.
 *
 * <p>A field is a node name anywhere in the message's tree ({@code IFLA_IFNAME}, {@code ifi_index})
 * or one of the pseudo-fields {@link #PSEUDO_FIELDS}:
 * <ul>
 *   <li>{@code type} — nlmsg_type, as number or name ({@code RTM_NEWLINK}, {@code NLMSG_ERROR})</li>
 *   <li>{@code flags} — nlmsg_flags, as number or names ({@code REQUEST|ACK|DUMP})</li>
 *   <li>{@code seq}, {@code len} — nlmsg_seq, message length</li>
 *   <li>{@code pid} — the process id of the sender/receiver (strace captures); {@code nlmsg_pid} is the port id</li>
 *   <li>{@code direction} — {@code out}/{@code in}/{@code unknown} and the role:
 *       {@code request}, {@code reply}, {@code notification}</li>
 *   <li>{@code protocol} — number, {@code route}, {@code NETLINK_ROUTE}</li>
 *   <li>{@code error} — the error code of NLMSG_ERROR / NLMSG_DONE (absent elsewhere)</li>
 * </ul>
 *
 * <p>Semantics: a comparison holds when ANY occurrence of the field satisfies it, except
 * {@code !=}, which holds when the field occurs and NO occurrence equals the value (so
 * {@code error != 0} selects failed requests only). {@code ==} with a number compares numbers;
 * with a word or a string it compares the value's text, its display, or the display's leading
 * name ({@code AF_INET} in {@code "AF_INET (2)"}). {@code contains} is a substring test on value and
 * display. A field name alone tests presence. Immutable and thread-safe.
 */
public final class Filter implements Predicate<DecodedMessage> {
    public static final List<String> PSEUDO_FIELDS = List.of("type", "flags", "seq", "pid", "len", "direction",
            "protocol", "error");

    private static final Filter ALL = new Filter("", null, List.of());

    private final String text;
    private final Expr expr;
    private final List<FilterWarning> warnings;

    private Filter(String text, Expr expr, List<FilterWarning> warnings) {
        this.text = text;
        this.expr = expr;
        this.warnings = warnings;
    }

    /**
     * Parses {@code text}, checking its syntax only (no names are known: a mistyped field silently
     * matches nothing); blank text is the filter that accepts everything.
     */
    public static Filter parse(String text) throws FilterSyntaxException {
        return parse(text, FilterVocabulary.none());
    }

    /**
     * Parses {@code text} and checks its field, type and value names against {@code vocabulary}:
     * a near miss of a known name is an error with a suggestion
     * ({@code unknown field IFLA_IFNAM (did you mean IFLA_IFNAME?)}), a name unknown to every message
     * class a {@link #warnings() warning}. The window and {@code nlwb decode --filter} both parse so.
     */
    public static Filter parse(String text, FilterVocabulary vocabulary) throws FilterSyntaxException {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            return ALL;
        }
        Expr e = new Parser(text).parse();
        return new Filter(text.trim(), e, FilterCheck.check(e, vocabulary));
    }

    /** Names the vocabulary did not know and that are close to none it knows; empty when parsed without one. */
    public List<FilterWarning> warnings() {
        return warnings;
    }

    public static Filter all() {
        return ALL;
    }

    public boolean acceptsAll() {
        return expr == null;
    }

    public String text() {
        return text;
    }

    @Override
    public boolean test(DecodedMessage m) {
        return expr == null || Evaluation.eval(expr, (field, texts) -> TreeFields.values(field, m));
    }

    @Override
    public String toString() {
        return expr == null ? "<all>" : expr.toString();
    }

    /**
     * A filter expression that selects messages holding this node's value, for "apply as filter":
     * {@code IFLA_IFNAME == "lo"}, {@code IFLA_MTU == 1500}, or the bare name for a node without value.
     */
    public static String expressionFor(Node n) {
        String field = n.name();
        if (!field.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || c == ':')
                || field.isEmpty() || !(Character.isLetter(field.charAt(0)) || field.charAt(0) == '_')) {
            return null;
        }
        Object v = n.value();
        if (v instanceof Long || v instanceof Integer || v instanceof BigInteger) {
            return field + " == " + v;
        }
        if (v instanceof Boolean b) {
            return field + " == " + (b ? 1 : 0);
        }
        if (v instanceof String s) {
            return field + " == " + Values.quote(s);
        }
        return field;
    }

    /** The parsed expression, or null for the filter that accepts everything. */
    Expr expr() {
        return expr;
    }
}
