package org.nlwb.decoder.diff;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.nlwb.decoder.json.TreeJson;
import org.nlwb.decoder.tree.Node;

/**
 * A comparison as JSON for scripts; keys never change meaning:
 *
 * <pre>
 * {left, right, equal, includeNoise, differences, ignored, pairs: [pair...]}
 * pair:       {left, right, name, equal, differences: [difference...]}
 * difference: {kind, path, noise, left: side|null, right: side|null}
 * side:       {text, name, offset, length, value}     (name..value null for order and metadata)
 * </pre>
 *
 * {@code left}/{@code right} of the document are the names of the two inputs, of a pair the
 * message numbers as {@code nlwb decode} prints them (-1: that side has no such message);
 * {@code differences} of the document is the number counted, {@code ignored} the number noise
 * rules left out; a pair lists the counted differences, each with the rule that made it noise
 * ({@code noise}: its pattern, null when it counts). Every pair is listed, equal ones too.
 */
public final class DiffJson {
    private DiffJson() {
    }

    public static void write(JsonGenerator g, String leftName, String rightName, ConversationDiff diff,
                             boolean includeNoise) throws IOException {
        g.writeStartObject();
        g.writeStringField("left", leftName);
        g.writeStringField("right", rightName);
        g.writeBooleanField("equal", diff.equal(includeNoise));
        g.writeBooleanField("includeNoise", includeNoise);
        g.writeNumberField("differences", diff.count(includeNoise));
        g.writeNumberField("ignored", includeNoise ? 0 : diff.ignored());
        g.writeArrayFieldStart("pairs");
        for (MessageDiff m : diff.pairs()) {
            g.writeStartObject();
            g.writeNumberField("left", m.leftIndex());
            g.writeNumberField("right", m.rightIndex());
            g.writeStringField("name", m.name());
            g.writeBooleanField("equal", m.equal(includeNoise));
            g.writeArrayFieldStart("differences");
            for (Difference d : m.counted(includeNoise)) {
                difference(g, d);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void difference(JsonGenerator g, Difference d) throws IOException {
        g.writeStartObject();
        g.writeStringField("kind", d.kind().label());
        g.writeStringField("path", d.path());
        g.writeStringField("noise", d.isNoise() ? d.noise().pattern() : null);
        g.writeFieldName("left");
        side(g, d.left());
        g.writeFieldName("right");
        side(g, d.right());
        g.writeEndObject();
    }

    private static void side(JsonGenerator g, Side s) throws IOException {
        if (s == null) {
            g.writeNull();
            return;
        }
        Node n = s.node();
        g.writeStartObject();
        g.writeStringField("text", s.text());
        g.writeStringField("name", n == null ? null : n.name());
        if (n == null) {
            g.writeNullField("offset");
            g.writeNullField("length");
            g.writeNullField("value");
        } else {
            g.writeNumberField("offset", n.offset());
            g.writeNumberField("length", n.length());
            g.writeFieldName("value");
            TreeJson.writeValue(g, n.value()); // as decode --json writes it
        }
        g.writeEndObject();
    }
}
