package org.nlwb.decoder.export;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.json.CompactJson;
import org.nlwb.decoder.json.JsonBytes;
import org.nlwb.decoder.json.JsonForm;
import java.io.UncheckedIOException;
import org.nlwb.decoder.json.TreeJson;
import org.nlwb.decoder.model.Diagnostic;
import org.nlwb.decoder.pipeline.DecodedCapture;
import org.nlwb.decoder.pipeline.OrderedBatches;
import org.nlwb.decoder.text.TextBytes;
import org.nlwb.decoder.text.TextTree;

/**
 * A whole capture as the compact JSON document or the text tree, decoded on several threads
 * ({@link OrderedBatches}) and written in capture order: the bytes are exactly those of the serial
 * writers ({@link Exporter#writeJson} on a generator without a pretty printer, {@link
 * Exporter#writeText}). The conversation pass (generic netlink ids learned from nlctrl replies)
 * scans the capture up to whatever message a worker asks about, so every worker sees what the
 * messages before its own taught.
 *
 * <p>Only compact JSON can be cut into batches this way: an indenting printer depends on the depth
 * of what came before, so {@code --pretty} stays serial. JSON follows a capture still being indexed
 * and so does the text (both ask {@code hasMessage}, which waits only as far as needed).
 */
public final class ParallelExport {
    private ParallelExport() {
    }

    /**
     * As {@link #writeJson(JsonGenerator, OutputStream, DecodedCapture, OrderedBatches, JsonForm)},
     * empty keys left out when {@code omitEmpty}.
     */
    public static void writeJson(JsonGenerator g, OutputStream out, DecodedCapture doc, OrderedBatches batches,
                                 boolean omitEmpty) throws IOException {
        writeJson(g, out, doc, batches, JsonForm.of(omitEmpty));
    }

    /**
     * {@code doc} as one compact capture document in {@code form}, through {@code g} (no pretty
     * printer) and {@code out}, the stream {@code g} writes to: the heading and the end go through
     * {@code g}, the messages straight to {@code out}, each batch rendered by {@link CompactJson}
     * into its thread's reused buffer and written in one call. {@code g} may be inside an array of
     * documents.
     */
    public static void writeJson(JsonGenerator g, OutputStream out, DecodedCapture doc, OrderedBatches batches,
                                 JsonForm form) throws IOException {
        startDocument(g, doc);
        // one buffer per thread, for this document only: it grows to a batch's size once, then is reused
        ThreadLocal<JsonBytes> buffers = ThreadLocal.withInitial(() -> new JsonBytes(1 << 16));
        // hasMessage, not messageCount: a mapped capture still being indexed streams from its first message
        batches.write(doc.capture()::hasMessage, (from, to, o) -> {
            JsonBytes b = buffers.get();
            b.reset();
            for (int i = from; i < to; i++) {
                if (i > 0) {
                    b.raw(',');
                }
                CompactJson.message(b, doc.decodeUncached(i), form);
            }
            b.writeTo(o);
        }, out);
        endDocument(g, doc, form);
    }

    /**
     * {@code doc}'s compact document with only {@code messages} in it (a filter's choice, in capture
     * order), on the calling thread, through {@code g} and {@code out} as {@link #writeJson} does:
     * the bytes of {@link TreeJson#writeCapture} on a generator without a pretty printer, each
     * message written by {@link CompactJson} rather than through the generator. The messages are
     * handed to {@code out} every 64 KiB, so a filter over a capture still being indexed streams.
     */
    public static void writeJson(JsonGenerator g, OutputStream out, DecodedCapture doc,
                                 Iterable<DecodedMessage> messages, JsonForm form) throws IOException {
        startDocument(g, doc);
        JsonBytes b = new JsonBytes(1 << 16);
        boolean first = true;
        for (DecodedMessage m : messages) {
            if (!first) {
                b.raw(',');
            }
            first = false;
            CompactJson.message(b, m, form);
            if (b.size() >= 1 << 16) {
                b.writeTo(out);
                b.reset();
            }
        }
        b.writeTo(out);
        endDocument(g, doc, form);
    }

    /** The heading through {@code g}, flushed, so that messages can follow straight on its stream. */
    private static void startDocument(JsonGenerator g, DecodedCapture doc) throws IOException {
        g.writeStartObject();
        g.writeStringField("source", doc.capture().source());
        g.writeStringField("format", doc.capture().format());
        g.writeArrayFieldStart("messages");
        g.flush();
    }

    /** The end after messages written on the stream: the generator's array is, to it, still empty. */
    private static void endDocument(JsonGenerator g, DecodedCapture doc, JsonForm form) throws IOException {
        g.writeEndArray();
        g.writeArrayFieldStart("diagnostics");
        for (Diagnostic d : doc.capture().diagnostics()) {
            TreeJson.writeDiagnostic(g, d, form);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /**
     * {@code doc} as {@code nlwb decode} prints it (the bytes of {@link Exporter#writeText}), to
     * {@code out}, flushed after the heading and at the end. Streams like the JSON: a capture
     * still being indexed is written from its first message on ({@link TextTree} puts the counts of
     * a large capture at the end). Each batch is rendered straight into bytes and handed to its
     * stream as its buffer fills.
     */
    public static void writeText(OutputStream out, DecodedCapture doc, boolean all, OrderedBatches batches)
            throws IOException {
        TextTree text = new TextTree(out, all);
        text.heading(doc.capture());
        out.flush();
        batches.write(doc.capture()::hasMessage, (from, to, o) -> {
            TextTree render = new TextTree(null, all);
            TextBytes bytes = new TextBytes(o);
            try {
                for (int i = from; i < to; i++) {
                    render.render(doc.decodeUncached(i), bytes);
                }
                bytes.flush();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }, out);
        text.footer(doc.capture());
        out.flush();
    }
}
