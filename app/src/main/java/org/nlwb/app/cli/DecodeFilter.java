package org.nlwb.app.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.export.Exporter;
import org.nlwb.decoder.export.ParallelExport;
import org.nlwb.decoder.filter.FastFilter;
import org.nlwb.decoder.filter.Filter;
import org.nlwb.decoder.filter.FilterSyntaxException;
import org.nlwb.decoder.filter.FilterVocabulary;
import org.nlwb.decoder.filter.FilterWarning;
import org.nlwb.decoder.json.JsonForm;
import org.nlwb.decoder.json.TreeJson;
import org.nlwb.decoder.pipeline.DecodedCapture;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.text.TextTree;

/**
 * {@code nlwb decode --filter EXPR} (as tshark's {@code -Y}): the window's filter language, parsed
 * against the same registry vocabulary, so the same typos give the same messages and suggestions,
 * and the window's {@link FastFilter} decides (the messages {@link Filter#test} keeps, each read only
 * as far as the filter needs; only the kept ones are decoded for output). Messages that pass keep their index in the capture;
 * the heading and the diagnostics are the capture's, whatever the filter keeps.
 */
final class DecodeFilter {
    private final Filter filter;

    private DecodeFilter(Filter filter) {
        this.filter = filter;
    }

    /**
     * Parses {@code text} (null: no filter); warnings go to {@code err}.
     *
     * @throws UsageError with the position and the expression marked under it
     */
    static DecodeFilter compile(String text, Registry registry, PrintStream err) throws UsageError {
        if (text == null) {
            return new DecodeFilter(Filter.all());
        }
        try {
            Filter f = Filter.parse(text, FilterVocabulary.of(registry));
            for (FilterWarning w : f.warnings()) {
                err.println("nlwb decode: warning: --filter at column " + (w.position() + 1) + ": "
                        + Plain.escaped(w.message()));
            }
            return new DecodeFilter(f);
        } catch (FilterSyntaxException e) {
            throw new UsageError("--filter at column " + (e.position() + 1) + ": " + Plain.escaped(e.reason()) + "\n"
                    + pointAt(text, e.position()));
        }
    }

    /** The expression on one line and a caret under {@code position}, both indented by two spaces. */
    static String pointAt(String text, int position) {
        String shown = Plain.escaped(text);
        int col = Plain.escaped(text.substring(0, Math.min(position, text.length()))).length();
        return "  " + shown + "\n  " + " ".repeat(col) + "^";
    }

    /** Whether every message passes (no {@code --filter}): the caller may then decode in parallel. */
    boolean keepsAll() {
        return filter.acceptsAll();
    }

    void writeText(TextTree text, DecodedCapture c) {
        if (filter.acceptsAll()) {
            Exporter.writeText(text, c);
        } else {
            text.capture(c.capture(), shown(c));
        }
    }

    /** Indented JSON through the generator (an indenting printer cannot be handed raw bytes). */
    void writeJson(JsonGenerator g, DecodedCapture c, JsonForm form) throws IOException {
        TreeJson.writeCapture(g, c.capture().source(), c.capture().format(),
                filter.acceptsAll() ? c.messages() : shown(c), c.capture().diagnostics(), form);
    }

    /**
     * Compact JSON of the kept messages: the same bytes as {@link #writeJson} without a pretty
     * printer, each message written by the byte writer of an unfiltered decode rather than by
     * Jackson (which took most of the CPU of a filter keeping many messages).
     */
    void writeCompactJson(OutputStream out, DecodedCapture c, JsonForm form) throws IOException {
        ParallelExport.writeJson(out, c, filter.acceptsAll() ? c.messages() : shown(c), form);
    }

    /** The messages of {@code c} the filter keeps, decoded one at a time as they are written. */
    Iterable<DecodedMessage> shown(DecodedCapture c) {
        FastFilter fast = FastFilter.of(filter, c);
        return () -> new Iterator<>() {
            private int at;
            private int next = -1;

            @Override
            public boolean hasNext() {
                // follows the capture as it is indexed, one message ahead
                while (next < 0 && c.capture().hasMessage(at)) {
                    if (fast.test(at)) {
                        next = at;
                    }
                    at++;
                }
                return next >= 0;
            }

            @Override
            public DecodedMessage next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                DecodedMessage m = c.decodeUncached(next);
                next = -1;
                return m;
            }
        };
    }
}
