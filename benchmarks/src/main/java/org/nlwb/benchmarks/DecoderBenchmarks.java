package org.nlwb.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.decode.Values;
import org.nlwb.decoder.json.CompactJson;
import org.nlwb.decoder.json.JsonBytes;
import org.nlwb.decoder.json.JsonForm;
import org.nlwb.decoder.json.TreeJson;
import org.nlwb.decoder.message.AttributeCursor;
import org.nlwb.decoder.message.Framer;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.pipeline.DecodedCapture;
import org.nlwb.decoder.text.TextBytes;
import org.nlwb.decoder.text.TextTree;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The decoder's hot paths, each over every message of {@link SampleMessages} (one operation = the
 * whole set): framing datagrams into messages, walking attributes with the TLV cursor, formatting
 * values for {@code display}, decoding trees, and writing them as compact JSON (through Jackson and
 * through the byte writer {@code decode --json} uses) and as text.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecoderBenchmarks {
    private static final JsonFactory JSON = new JsonFactory();
    private List<Record> records;
    private List<MessageRef> messages;
    private List<ByteView> payloads;
    private DecodedCapture decoded;
    private List<DecodedMessage> trees;
    /** Reused from one operation to the next, as each writing thread of {@code decode --json} reuses its own. */
    private final JsonBytes bytes = new JsonBytes(1 << 16);
    /** Reused from one operation to the next, as the one writing thread of {@code nlwb decode} keeps its own. */
    private final TextTree textWriter = new TextTree(null, false);

    @Setup
    public void load() throws Exception {
        Capture c = SampleMessages.capture();
        records = c.records();
        messages = c.messages();
        payloads = new ArrayList<>();
        for (MessageRef m : messages) {
            AttributeCursor cur = AttributeCursor.over(m.bytes(), Math.min(m.length(), 32), m.length());
            while (cur.next()) {
                payloads.add(cur.payload());
            }
        }
        decoded = SampleMessages.decoded();
        trees = new ArrayList<>();
        decoded.messages().forEach(trees::add);
    }

    @Benchmark
    public void framing(Blackhole bh) {
        for (Record r : records) {
            bh.consume(Framer.frames(r.bytes(), r.protocol()));
        }
    }

    @Benchmark
    public long attributeWalk() {
        long sum = 0;
        for (MessageRef m : messages) {
            AttributeCursor cur = AttributeCursor.over(m.bytes(), Math.min(m.length(), 32), m.length());
            while (cur.next()) {
                sum += cur.type() + cur.nlaLen();
            }
        }
        return sum;
    }

    @Benchmark
    public void valueFormatting(Blackhole bh) {
        for (ByteView p : payloads) {
            bh.consume(Values.spacedHex(p, 64));
            bh.consume(Values.binary(p));
            if (p.length() == 6) {
                bh.consume(Values.mac(p));
            }
        }
    }

    @Benchmark
    public void decodeTrees(Blackhole bh) {
        for (int i = 0; i < decoded.messageCount(); i++) {
            bh.consume(decoded.decodeUncached(i));
        }
    }

    @Benchmark
    public long jsonWriting() throws IOException {
        Counting out = new Counting();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            for (DecodedMessage m : trees) {
                TreeJson.writeMessage(g, m);
            }
        }
        return out.n;
    }

    /**
     * The same messages as {@link #jsonWriting}, the same bytes (tested), through the byte writer
     * {@code decode --json} uses: the ratio of the two is the writer's gain.
     */
    @Benchmark
    public long jsonBytesWriting() throws IOException {
        Counting out = new Counting();
        JsonBytes b = bytes;
        b.reset();
        for (int i = 0, n = trees.size(); i < n; i++) {
            if (i > 0) {
                b.raw(',');
            }
            CompactJson.message(b, trees.get(i), JsonForm.FULL);
        }
        b.writeTo(out);
        return out.n;
    }

    @Benchmark
    public long textWriting() {
        Counting out = new Counting();
        TextTree text = new TextTree(null, false);
        TextBytes bytes = new TextBytes(out);
        for (DecodedMessage m : trees) {
            text.render(m, bytes);
        }
        bytes.flush();
        return out.n;
    }

    /**
     * What {@code nlwb decode} does for each message: decode its tree and write it as text, with
     * one writer kept from one operation to the next as a writing thread keeps its own (the names'
     * bytes it has made stay with it). The tree is made and dropped at once, as in the command.
     */
    @Benchmark
    public long decodeAndWriteText() {
        Counting out = new Counting();
        TextBytes b = new TextBytes(out);
        for (int i = 0; i < decoded.messageCount(); i++) {
            textWriter.render(decoded.decodeUncached(i), b);
        }
        b.flush();
        return out.n;
    }

    /** A sink that only counts, so the benchmark measures the writer and not a buffer. */
    private static final class Counting extends OutputStream {
        long n;

        @Override
        public void write(int b) {
            n++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            n += len;
        }
    }
}
