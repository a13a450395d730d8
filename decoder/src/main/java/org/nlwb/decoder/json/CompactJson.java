package org.nlwb.decoder.json;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.decode.Values;
import org.nlwb.decoder.model.Diagnostic;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;

/**
 * The contract of {@link TreeJson} in its compact form (no whitespace), written straight into a
 * {@link JsonBytes}: byte for byte what {@link TreeJson} writes through a Jackson generator without
 * a pretty printer, in each {@link JsonForm}, at a fraction of the cost (keys and fixed fragments
 * are pre-encoded, numbers need no String). This is the writer of {@code nlwb decode --json};
 * {@link TreeJson} stays for indented output and for callers whose API is a generator.
 *
 * <p>Stateless: several threads may write at once, each into its own {@link JsonBytes}.
 */
public final class CompactJson {
    private static final byte[] NODE_NAME = JsonBytes.ascii("{\"name\":");
    private static final byte[] TYPE = JsonBytes.ascii(",\"type\":");
    private static final byte[] OFFSET = JsonBytes.ascii(",\"offset\":");
    private static final byte[] TYPE_NULL_OFFSET = JsonBytes.ascii(",\"type\":null,\"offset\":");
    private static final byte[][][] LEAF_ENDS = leafEnds();
    private static final byte[] LENGTH = JsonBytes.ascii(",\"length\":");
    private static final byte[] VALUE = JsonBytes.ascii(",\"value\":");
    private static final byte[] DISPLAY = JsonBytes.ascii(",\"display\":");
    private static final byte[] DISPLAY_QUOTE = JsonBytes.ascii(",\"display\":\"");
    private static final byte[] NOTE = JsonBytes.ascii(",\"note\":");
    private static final byte[] CHILDREN = JsonBytes.ascii(",\"children\":[");
    private static final byte[] NO_CHILDREN = JsonBytes.ascii(",\"children\":[]");
    private static final byte[][] STATUS = java.util.Arrays.stream(Status.values())
            .map(s -> JsonBytes.ascii(",\"status\":\"" + s.label() + "\"")).toArray(byte[][]::new);

    private static final byte[] INDEX = JsonBytes.ascii("{\"index\":");
    private static final byte[] RECORD = JsonBytes.ascii(",\"record\":");
    private static final byte[] TIME = JsonBytes.ascii(",\"time\":");
    private static final byte[] DIRECTION = JsonBytes.ascii(",\"direction\":");
    private static final byte[] PID = JsonBytes.ascii(",\"pid\":");
    private static final byte[] PROTOCOL = JsonBytes.ascii(",\"protocol\":");
    private static final byte[] CLASS = JsonBytes.ascii(",\"class\":");
    private static final byte[] TREE = JsonBytes.ascii(",\"tree\":");

    private static final byte[] SEVERITY = JsonBytes.ascii("{\"severity\":");
    private static final byte[] LOCATION = JsonBytes.ascii(",\"location\":");
    private static final byte[] MESSAGE = JsonBytes.ascii(",\"message\":");

    private static final byte[] SOURCE = JsonBytes.ascii("{\"source\":");
    private static final byte[] FORMAT = JsonBytes.ascii(",\"format\":");
    private static final byte[] MESSAGES = JsonBytes.ascii(",\"messages\":[");
    private static final byte[] DIAGNOSTICS = JsonBytes.ascii("],\"diagnostics\":[");
    private static final byte[] CAPTURE_END = JsonBytes.ascii("]}");

    private CompactJson() {
    }

    /** One element of {@code messages}. */
    public static void message(JsonBytes b, DecodedMessage m, JsonForm form) {
        MessageRef ref = m.ref();
        Record r = ref.record();
        b.raw(INDEX).number(ref.index());
        b.raw(RECORD).number(ref.recordIndex());
        optional(b, TIME, r.timeNanos() < 0 ? null : Instant.ofEpochSecond(0, r.timeNanos()).toString(), form);
        b.raw(DIRECTION).string(r.direction().json());
        if (r.pid() >= 0) {
            b.raw(PID).number(r.pid());
        } else if (!form.omitsEmpty()) {
            b.raw(PID).nullValue();
        }
        optional(b, PROTOCOL, r.protocol() == Protocol.UNKNOWN ? null : Protocol.shortName(r.protocol()), form);
        optional(b, CLASS, m.className(), form);
        b.raw(OFFSET).number(ref.offset());
        b.raw(LENGTH).number(ref.length());
        b.raw(TREE);
        node(b, m.tree(), form, 0);
        b.raw('}');
    }

    /** A message's tree (or any node written as one: its offset is implied only when 0). */
    public static void node(JsonBytes b, Node n, JsonForm form) {
        node(b, n, form, 0);
    }

    private static void node(JsonBytes b, Node n, JsonForm form, int impliedOffset) {
        boolean omitEmpty = form.omitsEmpty();
        boolean omitImplied = form.omitsImplied();
        b.raw(NODE_NAME).recurringString(n.name());
        Integer type = n.type();
        boolean offset = !omitImplied || n.offset() != impliedOffset;
        if (type != null) {
            b.raw(TYPE).number(type.intValue());
            if (offset) {
                b.raw(OFFSET).number(n.offset());
            }
        } else if (!omitEmpty) {
            b.raw(TYPE_NULL_OFFSET).number(n.offset()); // the full form: the offset is always there
        } else if (offset) {
            b.raw(OFFSET).number(n.offset());
        }
        b.raw(LENGTH).number(n.length());
        Object v = n.value();
        String display = n.display();
        if (v instanceof Long l) {
            longValueAndDisplay(b, l, display, form);
        } else {
            if (v != null) {
                value(b.raw(VALUE), v);
            } else if (!omitEmpty) {
                b.raw(VALUE).nullValue();
            }
            if (!omitImplied || !ImpliedKeys.displayImplied(v, display)) {
                optional(b, DISPLAY, display, form);
            }
        }
        List<Node> children = n.children();
        if (n.note() == null && children.isEmpty()) {
            b.raw(LEAF_ENDS[form.ordinal()][n.status().ordinal()]); // most nodes: the rest in one copy
            return;
        }
        if (!omitImplied || !ImpliedKeys.statusImplied(n.status())) {
            b.raw(STATUS[n.status().ordinal()]);
        }
        optional(b, NOTE, n.note(), form);
        children(b, n, form);
        b.raw('}');
    }

    /**
     * A Long value and its display, the commonest pair: a display that is the value's own decimal
     * text (the shared one of 0-1023, or one made at decode for a larger number) is written as the
     * digits just written for the value, not copied char by char through the string escaper.
     */
    private static void longValueAndDisplay(JsonBytes b, Long l, String display, JsonForm form) {
        long v = l.longValue();
        b.raw(VALUE);
        int from = b.size();
        b.number(v);
        int to = b.size();
        if (Values.isSharedDecimal(v, display)) {
            if (!form.omitsImplied()) { // else implied: it is the value's own text
                b.raw(DISPLAY_QUOTE).copyOwn(from, to).raw('"');
            }
        } else if (display != null && b.sameAscii(from, to, display)) {
            if (!form.omitsImplied()) {
                b.raw(DISPLAY_QUOTE).copyOwn(from, to).raw('"');
            }
        } else if (!form.omitsImplied() || !ImpliedKeys.displayImplied(l, display)) {
            optional(b, DISPLAY, display, form);
        }
    }

    /**
     * What ends a node without note or children, by form and status: status, note and children
     * as {@link #node} would write them one by one, then the closing brace.
     */
    private static byte[][][] leafEnds() {
        byte[][][] ends = new byte[JsonForm.values().length][Status.values().length][];
        for (JsonForm f : JsonForm.values()) {
            for (Status st : Status.values()) {
                String status = f.omitsImplied() && ImpliedKeys.statusImplied(st) ? "" : ",\"status\":\"" + st.label() + "\"";
                String rest = f.omitsEmpty() ? "" : ",\"note\":null,\"children\":[]";
                ends[f.ordinal()][st.ordinal()] = JsonBytes.ascii(status + rest + "}");
            }
        }
        return ends;
    }

    private static void children(JsonBytes b, Node n, JsonForm form) {
        List<Node> children = n.children();
        int size = children.size();
        if (size == 0) {
            if (!form.omitsEmpty()) {
                b.raw(NO_CHILDREN);
            }
            return;
        }
        b.raw(CHILDREN);
        int implied = n.offset();
        for (int i = 0; i < size; i++) {
            Node c = children.get(i);
            if (i > 0) {
                b.raw(',');
            }
            node(b, c, form, implied);
            implied = c.offset() + c.length();
        }
        b.raw(']');
    }

    /** A node's value as {@link TreeJson#writeValue} writes it. */
    public static void value(JsonBytes b, Object v) {
        if (v == null) {
            b.nullValue();
        } else if (v instanceof Long l) {
            b.number(l);
        } else if (v instanceof Integer i) {
            b.number(i);
        } else if (v instanceof BigInteger big) {
            b.raw(JsonBytes.ascii(big.toString()));
        } else if (v instanceof Boolean bool) {
            b.bool(bool);
        } else {
            b.string(v.toString());
        }
    }

    /** One element of {@code diagnostics}. */
    public static void diagnostic(JsonBytes b, Diagnostic d, JsonForm form) {
        b.raw(SEVERITY).string(d.severity().label());
        optional(b, LOCATION, d.location(), form);
        optional(b, MESSAGE, d.message(), form);
        b.raw('}');
    }

    /** A capture document's start, up to and including the {@code [} of {@code messages}. */
    public static void captureStart(JsonBytes b, String source, String format) {
        b.raw(SOURCE).string(source);
        b.raw(FORMAT).string(format);
        b.raw(MESSAGES);
    }

    /** A capture document's end: closes {@code messages}, then its {@code diagnostics} and the object. */
    public static void captureEnd(JsonBytes b, List<Diagnostic> diagnostics, JsonForm form) {
        b.raw(DIAGNOSTICS);
        for (int i = 0, n = diagnostics.size(); i < n; i++) {
            if (i > 0) {
                b.raw(',');
            }
            diagnostic(b, diagnostics.get(i), form);
        }
        b.raw(CAPTURE_END);
    }

    /** {@code key} and the string, or {@code key} and null unless empty keys are left out. */
    private static void optional(JsonBytes b, byte[] key, String value, JsonForm form) {
        if (value != null) {
            b.raw(key).string(value);
        } else if (!form.omitsEmpty()) {
            b.raw(key).nullValue();
        }
    }
}
