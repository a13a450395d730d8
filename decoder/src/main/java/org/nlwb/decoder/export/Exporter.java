package org.nlwb.decoder.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.json.TreeJson;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.pipeline.DecodedCapture;
import org.nlwb.decoder.text.TextTree;
import org.nlwb.decoder.write.AtomicFile;
import org.nlwb.decoder.write.PcapWriter;
import org.nlwb.decoder.write.Pyroute2Writer;
import org.nlwb.decoder.write.RecordWriter;
import org.nlwb.decoder.write.TimeResolution;
import org.nlwb.decoder.write.TypeNamer;

/**
 * Writes messages of a {@link DecodedCapture} out: to a file in an {@link ExportFormat} (the
 * window's Export), or the JSON contract and the text tree to a stream ({@code nlwb decode}).
 * Streams: messages are decoded one at a time as they are written, so exporting a large capture
 * holds one tree at a time.
 */
public final class Exporter {
    private Exporter() {
    }

    /**
     * Writes {@code messages} (of {@code doc}, in the order given) to {@code out}. Saves atomically
     * ({@link AtomicFile}): {@code out} is the old file or the whole export, never a part of one.
     *
     * @param progress  told how many messages are written so far
     * @param cancelled polled between messages; when it turns true nothing is saved and {@code out}
     *                  stays as it was
     */
    public static void export(DecodedCapture doc, List<MessageRef> messages, ExportFormat format, Path out,
                              IntConsumer progress, BooleanSupplier cancelled) throws IOException {
        try (AtomicFile file = AtomicFile.create(out)) {
            write(doc, messages, format, file.stream(), progress, cancelled);
            if (!cancelled.getAsBoolean()) {
                file.commit();
            }
        }
    }

    private static void write(DecodedCapture doc, List<MessageRef> messages, ExportFormat format, OutputStream out,
                              IntConsumer progress, BooleanSupplier cancelled) throws IOException {
        switch (format) {
            case JSON -> {
                try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
                    g.useDefaultPrettyPrinter();
                    writeJson(g, doc.capture(), watched(doc, messages, progress, cancelled));
                }
            }
            case TEXT -> {
                try (PrintStream ps = new PrintStream(new BufferedOutputStream(out), false,
                        StandardCharsets.UTF_8)) {
                    new TextTree(ps, false).capture(doc.capture(), watched(doc, messages, progress, cancelled));
                }
            }
            case PCAP -> {
                try (RecordWriter w = new PcapWriter(new BufferedOutputStream(out),
                        TimeResolution.NANOSECONDS)) {
                    records(messages, w::write, progress, cancelled);
                }
            }
            case PYROUTE2 -> pyroute2(doc, messages, out, progress, cancelled);
        }
    }

    /**
     * {@code doc} as one capture document of the {@code decode --json} contract: {@code source},
     * {@code format}, every message in capture order and the reader's {@code diagnostics}.
     */
    public static void writeJson(JsonGenerator g, DecodedCapture doc) throws IOException {
        writeJson(g, doc.capture(), doc.messages());
    }

    /** As {@link #writeJson(JsonGenerator, DecodedCapture)}, leaving out what is empty when {@code omitEmpty}. */
    public static void writeJson(JsonGenerator g, DecodedCapture doc, boolean omitEmpty) throws IOException {
        Capture c = doc.capture();
        TreeJson.writeCapture(g, c.source(), c.format(), doc.messages(), c.diagnostics(), omitEmpty);
    }

    /** {@code doc}'s heading line, then every message's tree, as {@code nlwb decode} prints them. */
    public static void writeText(TextTree text, DecodedCapture doc) {
        text.capture(doc.capture(), doc.messages());
    }

    private static void writeJson(JsonGenerator g, Capture capture, Iterable<DecodedMessage> messages)
            throws IOException {
        TreeJson.writeCapture(g, capture.source(), capture.format(), messages, capture.diagnostics());
    }

    /** The whole capture's messages as a list view without copying. */
    public static List<MessageRef> all(DecodedCapture doc) {
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

    /** {@code messages} decoded one at a time, telling {@code progress} and stopping when cancelled. */
    private static Iterable<DecodedMessage> watched(DecodedCapture doc, List<MessageRef> messages,
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

    private static void pyroute2(DecodedCapture doc, List<MessageRef> messages, OutputStream out, IntConsumer progress,
                                 BooleanSupplier cancelled) throws IOException {
        // Names for the writer's comments, from the decoder (RTM_NEWLINK rather than 0x10).
        Map<Long, String> names = new HashMap<>();
        TypeNamer namer = (protocol, type) -> names.get(((long) protocol << 32) | type);
        try (RecordWriter w = new Pyroute2Writer(new BufferedOutputStream(out),
                doc.capture().source(), namer)) {
            records(messages, w::write, i -> {
                MessageRef m = messages.get(i);
                if (m.hasHeader()) {
                    names.putIfAbsent(((long) m.record().protocol() << 32) | m.type(),
                            doc.decodeUncached(m.index()).typeName());
                }
                progress.accept(i);
            }, cancelled);
        }
    }

    /**
     * Writes the datagrams the messages came in: consecutive messages of one record go out as one
     * record (their bytes in order), so exporting everything gives back the original datagrams and
     * a subset keeps each message's time, direction and protocol.
     */
    static void records(List<MessageRef> messages, RecordSink w, IntConsumer progress, BooleanSupplier cancelled)
            throws IOException {
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
}
