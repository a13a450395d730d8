package org.nlwb.app.ui.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.Iterator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import org.nlwb.app.ui.model.CaptureDocument;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.json.TreeJson;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.text.TextTree;
import org.nlwb.decoder.write.AtomicFile;
import org.nlwb.decoder.write.PcapWriter;
import org.nlwb.decoder.write.Pyroute2Writer;
import org.nlwb.decoder.write.TypeNamer;
import org.nlwb.decoder.write.RecordWriter;
import org.nlwb.decoder.write.TimeResolution;

/**
 * Writes messages of a document to a file in an {@link ExportFormat}. Streams: messages are
 * decoded one at a time as they are written, so exporting a large capture holds one tree at a time.
 */
public final class Exporter {
    private Exporter() {
    }

    /**
     * Saves atomically ({@link AtomicFile}): {@code out} is the old file or the whole export, never
     * a part of one.
     *
     * @param progress told how many messages are written so far
     * @param cancelled polled between messages; when it turns true nothing is saved and {@code out}
     *                  stays as it was
     */
    public static void export(CaptureDocument doc, List<MessageRef> messages, ExportFormat format, Path out,
                              IntConsumer progress, BooleanSupplier cancelled) throws IOException {
        try (AtomicFile file = AtomicFile.create(out)) {
            write(doc, messages, format, file.stream(), progress, cancelled);
            if (!cancelled.getAsBoolean()) {
                file.commit();
            }
        }
    }

    private static void write(CaptureDocument doc, List<MessageRef> messages, ExportFormat format, OutputStream out,
                              IntConsumer progress, BooleanSupplier cancelled) throws IOException {
        switch (format) {
            case JSON -> json(doc, messages, out, progress, cancelled);
            case TEXT -> text(doc, messages, out, progress, cancelled);
            case PCAP -> {
                try (RecordWriter w = new PcapWriter(new BufferedOutputStream(out), TimeResolution.NANOSECONDS)) {
                    records(doc, messages, w::write, progress, cancelled);
                }
            }
            case PYROUTE2 -> {
                // Names for the writer's comments, from the decoder (RTM_NEWLINK rather than 0x10).
                Map<Long, String> names = new HashMap<>();
                TypeNamer namer = (protocol, type) -> names.get(((long) protocol << 32) | type);
                try (RecordWriter w = new Pyroute2Writer(new BufferedOutputStream(out), doc.capture().source(), namer)) {
                    records(doc, messages, r -> w.write(r), i -> {
                        MessageRef m = messages.get(i);
                        if (m.hasHeader()) {
                            names.putIfAbsent(((long) m.record().protocol() << 32) | m.type(),
                                    doc.decodeUncached(m.index()).typeName());
                        }
                        progress.accept(i);
                    }, cancelled);
                }
            }
        }
    }

    private static Iterable<DecodedMessage> decoded(CaptureDocument doc, List<MessageRef> messages,
                                                    IntConsumer progress, BooleanSupplier cancelled) {
        return () -> new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < messages.size() && !cancelled.getAsBoolean();
            }

            @Override
            public DecodedMessage next() {
                progress.accept(i);
                return doc.decodeUncached(messages.get(i++).index());
            }
        };
    }

    static void json(CaptureDocument doc, List<MessageRef> messages, OutputStream os, IntConsumer progress,
                     BooleanSupplier cancelled) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(os)) {
            g.useDefaultPrettyPrinter();
            TreeJson.writeCapture(g, doc.capture().source(), doc.capture().format(),
                    decoded(doc, messages, progress, cancelled), doc.capture().diagnostics());
        }
    }

    static void text(CaptureDocument doc, List<MessageRef> messages, OutputStream out, IntConsumer progress,
                     BooleanSupplier cancelled) throws IOException {
        try (PrintStream ps = new PrintStream(new BufferedOutputStream(out), false, StandardCharsets.UTF_8)) {
            new TextTree(ps, false).capture(doc.capture(), decoded(doc, messages, progress, cancelled));
        }
    }

    /**
     * Writes the datagrams the messages came in: consecutive messages of one record go out as one
     * record (their bytes in order), so exporting everything gives back the original datagrams and
     * a subset keeps each message's time, direction and protocol.
     */
    static void records(CaptureDocument doc, List<MessageRef> messages, RecordSink w, IntConsumer progress,
                        BooleanSupplier cancelled) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Record current = null;
        int currentIndex = -1;
        for (int i = 0; i < messages.size() && !cancelled.getAsBoolean(); i++) {
            MessageRef m = messages.get(i);
            if (m.recordIndex() != currentIndex && current != null) {
                w.write(withBytes(current, buf.toByteArray()));
                buf.reset();
            }
            current = m.record();
            currentIndex = m.recordIndex();
            buf.write(m.bytes().toArray());
            progress.accept(i);
        }
        if (current != null) {
            w.write(withBytes(current, buf.toByteArray()));
        }
    }

    /** Where {@link #records} puts each datagram. */
    @FunctionalInterface
    interface RecordSink {
        void write(Record r) throws IOException;
    }

    private static Record withBytes(Record r, byte[] b) {
        return new Record(r.timeNanos(), r.direction(), r.protocol(), r.pid(), r.fd(), r.syscall(), r.location(),
                ByteView.of(b));
    }

    /** The whole document's messages as a list view without copying. */
    public static List<MessageRef> all(CaptureDocument doc) {
        int n = doc.messageCount();
        return new AbstractList<>() {
            @Override
            public MessageRef get(int i) {
                return doc.message(i);
            }

            @Override
            public int size() {
                return n;
            }
        };
    }

}
