package org.nlwb.decoder.export;

import java.io.IOException;
import java.io.OutputStream;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.json.CompactJson;
import org.nlwb.decoder.json.JsonBytes;
import org.nlwb.decoder.json.JsonForm;
import java.io.UncheckedIOException;
import org.nlwb.decoder.json.TreeJson;
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

    /** As {@link #writeJson(OutputStream, DecodedCapture, OrderedBatches, JsonForm)}, empty keys left out when {@code omitEmpty}. */
    public static void writeJson(OutputStream out, DecodedCapture doc, OrderedBatches batches, boolean omitEmpty)
            throws IOException {
        writeJson(out, doc, batches, JsonForm.of(omitEmpty));
    }

    /**
     * {@code doc} as one compact capture document in {@code form} on {@code out}: the bytes of
     * {@link TreeJson#writeCapture} on a generator without a pretty printer, with no generator at
     * all (Jackson's classes and its first generator took 70-90 ms of a cold start, a tenth of a
     * small decode). The heading is flushed at once, then each batch is rendered by
     * {@link CompactJson} into its thread's reused buffer and written in one call. Several
     * documents in an array are the caller's brackets and commas around calls of this.
     */
    public static void writeJson(OutputStream out, DecodedCapture doc, OrderedBatches batches, JsonForm form)
            throws IOException {
        startDocument(out, doc);
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
        endDocument(out, doc, form);
    }

    /**
     * {@code doc}'s compact document with only {@code messages} in it (a filter's choice, in capture
     * order), on the calling thread, as {@link #writeJson(OutputStream, DecodedCapture, OrderedBatches, JsonForm)}
     * writes it: the bytes of {@link TreeJson#writeCapture} without a pretty printer. The messages
     * are handed to {@code out} every 64 KiB, so a filter over a capture still being indexed streams.
     */
    public static void writeJson(OutputStream out, DecodedCapture doc, Iterable<DecodedMessage> messages, JsonForm form)
            throws IOException {
        startDocument(out, doc);
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
        endDocument(out, doc, form);
    }

    /** The heading, flushed: the first bytes come before any message is decoded. */
    private static void startDocument(OutputStream out, DecodedCapture doc) throws IOException {
        JsonBytes b = new JsonBytes(256);
        CompactJson.captureStart(b, doc.capture().source(), doc.capture().format());
        b.writeTo(out);
        out.flush();
    }

    private static void endDocument(OutputStream out, DecodedCapture doc, JsonForm form) throws IOException {
        JsonBytes b = new JsonBytes(256);
        CompactJson.captureEnd(b, doc.capture().diagnostics(), form);
        b.writeTo(out);
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
