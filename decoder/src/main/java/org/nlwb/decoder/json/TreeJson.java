package org.nlwb.decoder.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.model.Diagnostic;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;

/**
 * The stable JSON form of decoded messages: the contract the CLI, the window's export, the tests
 * and the benchmarks share. Keys never change meaning:
 *
 * <pre>
 * capture: {source, format, messages: [message...], diagnostics: [{severity, location, message}]}
 * message: {index, record, time, direction, pid, protocol, class, offset, length, tree}
 * node:    {name, type, offset, length, value, display, status, note, children}
 * </pre>
 *
 * {@code time} is an ISO-8601 instant (or null), {@code direction} is {@code out}/{@code in}/
 * {@code unknown}, {@code protocol} the short name ({@code route}) or null, {@code offset} the
 * message's offset in its record. Streaming: written with a {@link JsonGenerator}, so exporting a
 * large capture never builds the whole document in memory.
 *
 * <p>Leaving out what is empty ({@code omitEmpty}, {@code nlwb decode --json --omit-empty}): a key
 * whose value is null is not written, nor a node's {@code children} when it has none; every other
 * key is written as always. A consumer reads a missing key as null (a missing {@code children} as
 * {@code []}) and gets the same values as from the full form. The rule covers messages, nodes and
 * diagnostics alike and does not change between versions; the full form stays the default.
 *
 * <p>Leaving out what is implied ({@link JsonForm#OMIT_IMPLIED}, {@code --omit-implied}): the above,
 * and a node's {@code status} "ok", an {@code offset} where the previous sibling ends (or the
 * parent starts) and a {@code display} that is its value's own text, by {@link ImpliedKeys}' fixed
 * rules; {@link FullForm#restore} rebuilds the full form. {@link CompactJson} writes the same
 * bytes as this class's compact output, faster; this class stays for indented output and for
 * callers whose API is a generator.
 */
public final class TreeJson {
    private TreeJson() {
    }

    public static void writeNode(JsonGenerator g, Node n) throws IOException {
        writeNode(g, n, JsonForm.FULL);
    }

    /** A node, leaving out null keys and empty {@code children} when {@code omitEmpty}. */
    public static void writeNode(JsonGenerator g, Node n, boolean omitEmpty) throws IOException {
        writeNode(g, n, JsonForm.of(omitEmpty));
    }

    /** A node in {@code form}, written as a message's tree is (its offset is implied only when 0). */
    public static void writeNode(JsonGenerator g, Node n, JsonForm form) throws IOException {
        writeNode(g, n, form, 0);
    }

    private static void writeNode(JsonGenerator g, Node n, JsonForm form, int impliedOffset) throws IOException {
        boolean omitEmpty = form.omitsEmpty();
        boolean omitImplied = form.omitsImplied();
        g.writeStartObject();
        g.writeFieldName(NAME);
        g.writeString(n.name());
        if (n.type() != null || !omitEmpty) {
            g.writeFieldName(TYPE);
            if (n.type() != null) {
                g.writeNumber(n.type().intValue());
            } else {
                g.writeNull();
            }
        }
        if (!omitImplied || n.offset() != impliedOffset) {
            g.writeFieldName(OFFSET);
            g.writeNumber(n.offset());
        }
        g.writeFieldName(LENGTH);
        g.writeNumber(n.length());
        if (n.value() != null || !omitEmpty) {
            g.writeFieldName(VALUE);
            writeValue(g, n.value());
        }
        if (!omitImplied || !ImpliedKeys.displayImplied(n.value(), n.display())) {
            string(g, DISPLAY, n.display(), omitEmpty);
        }
        if (!omitImplied || !ImpliedKeys.statusImplied(n.status())) {
            g.writeFieldName(STATUS);
            g.writeString(STATUS_LABELS[n.status().ordinal()]);
        }
        string(g, NOTE, n.note(), omitEmpty);
        List<Node> children = n.children();
        if (!children.isEmpty() || !omitEmpty) {
            g.writeFieldName(CHILDREN);
            g.writeStartArray();
            int implied = n.offset();
            for (int i = 0, size = children.size(); i < size; i++) {
                Node c = children.get(i);
                writeNode(g, c, form, implied);
                implied = c.offset() + c.length();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    // Keys and status labels encoded once: the generator copies their bytes instead of escaping
    // and encoding the same short strings for every node (a large part of the export's time).
    private static final SerializedString NAME = new SerializedString("name");
    private static final SerializedString TYPE = new SerializedString("type");
    private static final SerializedString OFFSET = new SerializedString("offset");
    private static final SerializedString LENGTH = new SerializedString("length");
    private static final SerializedString VALUE = new SerializedString("value");
    private static final SerializedString DISPLAY = new SerializedString("display");
    private static final SerializedString STATUS = new SerializedString("status");
    private static final SerializedString NOTE = new SerializedString("note");
    private static final SerializedString CHILDREN = new SerializedString("children");
    private static final SerializedString[] STATUS_LABELS = java.util.Arrays.stream(Status.values())
            .map(st -> new SerializedString(st.label())).toArray(SerializedString[]::new);

    private static void string(JsonGenerator g, SerializedString key, String value, boolean omitEmpty)
            throws IOException {
        if (value != null) {
            g.writeFieldName(key);
            g.writeString(value);
        } else if (!omitEmpty) {
            g.writeFieldName(key);
            g.writeNull();
        }
    }

    private static void string(JsonGenerator g, String key, String value, boolean omitEmpty) throws IOException {
        if (value != null) {
            g.writeStringField(key, value);
        } else if (!omitEmpty) {
            g.writeNullField(key);
        }
    }

    /** A node's value as the contract writes it: numbers and booleans as themselves, anything else as its text. */
    public static void writeValue(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else if (v instanceof BigInteger b) {
            g.writeNumber(b);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else {
            g.writeString(v.toString());
        }
    }

    /** One element of {@code messages}. */
    public static void writeMessage(JsonGenerator g, DecodedMessage m) throws IOException {
        writeMessage(g, m, false);
    }

    /** One element of {@code messages}, leaving out what is empty when {@code omitEmpty}. */
    public static void writeMessage(JsonGenerator g, DecodedMessage m, boolean omitEmpty) throws IOException {
        writeMessage(g, m, JsonForm.of(omitEmpty));
    }

    /** One element of {@code messages} in {@code form}. */
    public static void writeMessage(JsonGenerator g, DecodedMessage m, JsonForm form) throws IOException {
        boolean omitEmpty = form.omitsEmpty();
        MessageRef ref = m.ref();
        Record r = ref.record();
        g.writeStartObject();
        g.writeNumberField("index", ref.index());
        g.writeNumberField("record", ref.recordIndex());
        string(g, "time", r.timeNanos() < 0 ? null : Instant.ofEpochSecond(0, r.timeNanos()).toString(), omitEmpty);
        g.writeStringField("direction", r.direction().json());
        if (r.pid() >= 0) {
            g.writeNumberField("pid", r.pid());
        } else if (!omitEmpty) {
            g.writeNullField("pid");
        }
        string(g, "protocol", r.protocol() == Protocol.UNKNOWN ? null : Protocol.shortName(r.protocol()), omitEmpty);
        string(g, "class", m.className(), omitEmpty);
        g.writeNumberField("offset", ref.offset());
        g.writeNumberField("length", ref.length());
        g.writeFieldName("tree");
        writeNode(g, m.tree(), form);
        g.writeEndObject();
    }

    public static void writeDiagnostic(JsonGenerator g, Diagnostic d) throws IOException {
        writeDiagnostic(g, d, false);
    }

    public static void writeDiagnostic(JsonGenerator g, Diagnostic d, boolean omitEmpty) throws IOException {
        writeDiagnostic(g, d, JsonForm.of(omitEmpty));
    }

    public static void writeDiagnostic(JsonGenerator g, Diagnostic d, JsonForm form) throws IOException {
        boolean omitEmpty = form.omitsEmpty();
        g.writeStartObject();
        g.writeStringField("severity", d.severity().label());
        string(g, "location", d.location(), omitEmpty);
        string(g, "message", d.message(), omitEmpty);
        g.writeEndObject();
    }

    /** The whole capture document. */
    public static void writeCapture(JsonGenerator g, String source, String format, Iterable<DecodedMessage> messages,
                                    List<Diagnostic> diagnostics) throws IOException {
        writeCapture(g, source, format, messages, diagnostics, false);
    }

    /** The whole capture document, leaving out what is empty when {@code omitEmpty}. */
    public static void writeCapture(JsonGenerator g, String source, String format, Iterable<DecodedMessage> messages,
                                    List<Diagnostic> diagnostics, boolean omitEmpty) throws IOException {
        writeCapture(g, source, format, messages, diagnostics, JsonForm.of(omitEmpty));
    }

    /** The whole capture document in {@code form}. */
    public static void writeCapture(JsonGenerator g, String source, String format, Iterable<DecodedMessage> messages,
                                    List<Diagnostic> diagnostics, JsonForm form) throws IOException {
        g.writeStartObject();
        g.writeStringField("source", source);
        g.writeStringField("format", format);
        g.writeArrayFieldStart("messages");
        for (DecodedMessage m : messages) {
            writeMessage(g, m, form);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("diagnostics");
        for (Diagnostic d : diagnostics) {
            writeDiagnostic(g, d, form);
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
