package org.nlwb.decoder.json;

import com.fasterxml.jackson.core.JsonGenerator;
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
 */
public final class TreeJson {
    private TreeJson() {
    }

    public static void writeNode(JsonGenerator g, Node n) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", n.name());
        if (n.type() == null) {
            g.writeNullField("type");
        } else {
            g.writeNumberField("type", n.type());
        }
        g.writeNumberField("offset", n.offset());
        g.writeNumberField("length", n.length());
        g.writeFieldName("value");
        writeValue(g, n.value());
        g.writeStringField("display", n.display());
        g.writeStringField("status", n.status().label());
        g.writeStringField("note", n.note());
        g.writeArrayFieldStart("children");
        for (Node c : n.children()) {
            writeNode(g, c);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeValue(JsonGenerator g, Object v) throws IOException {
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
        MessageRef ref = m.ref();
        Record r = ref.record();
        g.writeStartObject();
        g.writeNumberField("index", ref.index());
        g.writeNumberField("record", ref.recordIndex());
        if (r.timeNanos() < 0) {
            g.writeNullField("time");
        } else {
            g.writeStringField("time", Instant.ofEpochSecond(0, r.timeNanos()).toString());
        }
        g.writeStringField("direction", r.direction().json());
        if (r.pid() < 0) {
            g.writeNullField("pid");
        } else {
            g.writeNumberField("pid", r.pid());
        }
        g.writeStringField("protocol", r.protocol() == Protocol.UNKNOWN ? null : Protocol.shortName(r.protocol()));
        g.writeStringField("class", m.className());
        g.writeNumberField("offset", ref.offset());
        g.writeNumberField("length", ref.length());
        g.writeFieldName("tree");
        writeNode(g, m.tree());
        g.writeEndObject();
    }

    public static void writeDiagnostic(JsonGenerator g, Diagnostic d) throws IOException {
        g.writeStartObject();
        g.writeStringField("severity", d.severity().label());
        g.writeStringField("location", d.location());
        g.writeStringField("message", d.message());
        g.writeEndObject();
    }

    /** The whole capture document. */
    public static void writeCapture(JsonGenerator g, String source, String format, Iterable<DecodedMessage> messages,
                                    List<Diagnostic> diagnostics) throws IOException {
        g.writeStartObject();
        g.writeStringField("source", source);
        g.writeStringField("format", format);
        g.writeArrayFieldStart("messages");
        for (DecodedMessage m : messages) {
            writeMessage(g, m);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("diagnostics");
        for (Diagnostic d : diagnostics) {
            writeDiagnostic(g, d);
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
