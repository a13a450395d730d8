package org.nlwb.decoder.read;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.message.Frame;
import org.nlwb.decoder.message.FrameKind;
import org.nlwb.decoder.message.Framer;
import org.nlwb.decoder.message.NlFlags;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Diagnostic;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.model.RecordStore;

/**
 * The records of a pcap or pcapng file read in place: a {@link PcapIndex} of primitive columns,
 * filled by a background thread that walks the file with the same code as the heap reader (through
 * a {@link ReadWindow} of its own), and records and refs made on demand from it (a record's bytes
 * read from the file when asked, through {@link SharedChunks}; the last few records kept in a small
 * cache, since each message of a record asks for it). Records and their {@code location} are
 * exactly what {@link PcapReader} makes from the same bytes. The file is never mapped, so its
 * pages are not this process's resident memory however much of it is read ({@link PositionalFile}).
 *
 * <p>Waiting. Record {@code i} is ready once indexed and once its direction and protocol cannot
 * change any more: the direction convention is settled by the first packets ({@link
 * DirectionConvention}: a nlwb- or tcpdump-written file by its first reply, an nlmon capture a
 * few hundred packets after its first reply) and the outgoing requests before the first reply
 * go to the kernel either way; a control-only record of unknown protocol takes what the whole
 * file agrees on. So the first message of a capture is ready long before its index is complete.
 *
 * <p>A file that shrinks while open: a read of bytes it no longer holds comes back short ({@link
 * FileShrunkException}), never a fault. A record the file no longer holds reads as an empty
 * record (its messages malformed) and one diagnostic says how the file shrank; the indexer stops
 * with one. Bytes read before the cut (a chunk still cached) stay readable.
 */
final class IndexedPcapStore implements RecordStore {
    private static final int PUBLISH_EVERY = 256;
    /** Records kept: more than the messages a parallel export has in flight (2 x threads x 128), so the conversation pass and the worker decoding a record make it once between them. */
    private static final int CACHE = 1024;
    /** A record made from the file, with its frames and the note its guessed protocol leaves on them. */
    private record Entry(int index, Record record, List<Frame> frames, String guessNote) {
    }

    private final PositionalFile file;
    /** The indexing thread's reader. */
    private final ReadWindow walker;
    /** Every other thread's: records made on demand. */
    private final SharedChunks bytes;
    private final String name;
    private final PcapIndex index;
    private final Object lock = new Object();
    private final AtomicReferenceArray<Entry> cache = new AtomicReferenceArray<>(CACHE);
    private final AtomicBoolean shrinkReported = new AtomicBoolean();
    private final Map<String, String> meta = new HashMap<>();
    private Capture capture;
    private volatile int records;
    private volatile int messages;
    private volatile boolean settled;
    /** Records whose direction is decided: those that may be made. */
    private volatile int decided;
    private volatile boolean nlmon;
    private volatile boolean complete;
    private NotThisFormatException notThisFormat;
    private final Published published;

    private IndexedPcapStore(PositionalFile file, String name, int protocolOverride, Published published,
                             ReadWindow walker, SharedChunks bytes) {
        this.file = file;
        this.walker = walker;
        this.bytes = bytes;
        this.name = name;
        this.index = new PcapIndex(protocolOverride);
        this.published = published;
    }

    /**
     * Starts indexing it into {@code capture}'s store (made here) and returns once
     * the first record is indexed or the walk has ended, whichever comes first.
     *
     * @throws NotThisFormatException when the walk found the file is not a netlink pcap/pcapng
     */
    static Capture open(PositionalFile file, String source, String label, int protocolOverride)
            throws NotThisFormatException {
        return open(file, source, label, protocolOverride, (records, decided) -> { });
    }

    /** Told on the indexing thread each time the counts are published, after they are. */
    @FunctionalInterface
    interface Published {
        /** {@code records} indexed, the first {@code decided} of them ready to be made. */
        void published(int records, int decided);
    }

    /**
     * As above, telling {@code published} each time the counts are published: a test holds the
     * indexer there to see what is ready before the index is complete.
     */
    static Capture open(PositionalFile file, String source, String label, int protocolOverride, Published published)
            throws NotThisFormatException {
        return open(new IndexedPcapStore(file, Locations.shortName(source), protocolOverride, published,
                new ReadWindow(file), new SharedChunks(file)), source, label);
    }

    /**
     * As {@link #open(PositionalFile, String, String, int)}, read through a window of {@code window}
     * bytes and chunks of {@code chunk} (a test makes them tiny, so that reads cross their edges).
     */
    static Capture open(PositionalFile file, String source, String label, int protocolOverride, int window, int chunk)
            throws NotThisFormatException {
        return open(new IndexedPcapStore(file, Locations.shortName(source), protocolOverride, (records, decided) -> { },
                new ReadWindow(file, window), new SharedChunks(file, chunk)), source, label);
    }

    private static Capture open(IndexedPcapStore store, String source, String label) throws NotThisFormatException {
        Capture capture = new Capture(source, label, store);
        store.capture = capture;
        Thread t = new Thread(store::indexAll, "nlwb-index " + store.name);
        t.setDaemon(true);
        t.start();
        synchronized (store.lock) {
            while (store.records == 0 && !store.complete) {
                try {
                    store.lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        if (store.complete && store.notThisFormat != null) {
            throw store.notThisFormat;
        }
        return capture;
    }

    private void indexAll() {
        try {
            PcapReader.walk(name, walker, this::packet, capture::addDiagnostic, meta);
        } catch (NotThisFormatException e) {
            notThisFormat = e;
        } catch (FileShrunkException e) {
            // the file was cut while being indexed
            capture.addDiagnostic(Diagnostic.error(name, shrunk() + "; indexing stopped at packet "
                    + (index.records() + 1) + ", the packets before it are kept"));
        } catch (OutOfMemoryError e) {
            capture.addDiagnostic(Diagnostic.error(name, "the index outgrew the Java heap at packet " + (index.records() + 1)
                    + " (about 12 bytes a record are needed); the packets before it are kept: give nlwb more heap (-Xmx)"));
        } catch (RuntimeException e) {
            capture.addDiagnostic(Diagnostic.error(name, "indexing stopped at packet " + (index.records() + 1)
                    + " by a bug in nlwb (" + e + "); the packets before it are kept"));
        } finally {
            finish();
        }
    }

    private void packet(int number, long blockOff, long time, int pkttype, int protocol, long dataOff, int dataLen,
                        int pid, int fd, String syscall, boolean little, long units) {
        index.add(walker, number, blockOff, pkttype, protocol, dataOff, dataLen, little, units);
        boolean settles = !settled && index.conventionSettled();
        if (settles || index.records() == 1 || index.records() % PUBLISH_EVERY == 0) {
            synchronized (lock) {
                if (settles) {
                    nlmon = index.nlmonConvention(); // before decided: a reader that sees decided makes records by it
                    settled = true;
                }
                messages = index.messages();
                records = index.records();
                decided = index.decidedRecords();
                lock.notifyAll();
            }
            published.published(index.records(), index.decidedRecords());
        }
    }

    private void finish() {
        if (!settled) {
            index.endConvention();
        }
        boolean inNlmon = notThisFormat == null && index.nlmonConvention();
        if (inNlmon) {
            capture.addDiagnostic(PcapReader.nlmonNote(name));
            meta.put(PcapReader.NLMON_META, PcapReader.NLMON_META_VALUE);
        }
        capture.setMetadata(meta);
        synchronized (lock) {
            nlmon = inNlmon;
            settled = true;
            messages = index.messages();
            records = index.records();
            decided = records;
            complete = true;
            lock.notifyAll();
        }
    }

    /** Waits until {@code ready} holds or the store is complete. */
    private void await(java.util.function.BooleanSupplier ready) {
        if (ready.getAsBoolean() || complete) {
            return;
        }
        synchronized (lock) {
            while (!ready.getAsBoolean() && !complete) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the index of " + name, e);
                }
            }
        }
    }

    @Override
    public void awaitOpen() {
        await(() -> complete);
    }

    @Override
    public boolean opening() {
        return !complete;
    }

    @Override
    public int recordCount() {
        awaitOpen();
        return records;
    }

    @Override
    public int messageCount() {
        awaitOpen();
        return messages;
    }

    @Override
    public boolean hasMessage(int i) {
        if (i < messages) {
            return true; // the usual case once indexed: no waiting condition made per call
        }
        await(() -> i < messages);
        return i < messages;
    }

    /** Waits until record {@code i} is indexed and its direction decided. */
    private void awaitRecord(int i) {
        if (i >= decided) { // asked for every message, several times: the test first, the condition only to wait
            await(() -> i < decided);
        }
        java.util.Objects.checkIndex(i, records);
    }

    @Override
    public Record record(int i) {
        return entry(i).record;
    }

    /** Record {@code i} with its frames, from the cache or made from the file. */
    private Entry entry(int i) {
        awaitRecord(i);
        Entry c = cache.get(i % CACHE);
        if (c != null && c.index == i) {
            return c;
        }
        Entry e = materialise(i);
        cache.set(i % CACHE, e);
        return e;
    }

    private Entry materialise(int i) {
        String location = Locations.packet(name, index.packetNumber(i), index.blockOffset(i));
        PacketFields f;
        ByteView data;
        try {
            long blockOff = index.blockOffset(i);
            FileBytes in = bytes.around(blockOff, i + 1 < records ? index.blockOffset(i + 1) : file.size());
            f = index.fields(in, i);
            data = ByteView.of(in.bytes(f.dataOffset(), f.dataLength()));
        } catch (FileShrunkException e) {
            reportShrunk(location);
            Record r = new Record(-1, Direction.UNKNOWN, Protocol.UNKNOWN, -1, -1, null, location, ByteView.empty());
            return new Entry(i, r, List.of(), null);
        }
        int p = f.protocol() < 0 ? index.protocolOverride() : f.protocol();
        String guessNote = null;
        if (p < 0) {
            OptionalInt g = ProtocolGuess.of(data);
            if (g.isPresent()) {
                p = g.getAsInt();
                guessNote = ProtocolGuess.note(p, "its content");
            } else if (ProtocolGuess.onlyControl(data)) {
                awaitOpen(); // takes what the whole file agrees on
                p = index.agreedProtocol();
                guessNote = p < 0 ? null : ProtocolGuess.note(p, "the other messages of the file");
            }
        }
        boolean request = data.length() >= 8 && (data.u8(6) & NlFlags.REQUEST) != 0;
        Direction d = nlmon ? (request ? Direction.TO_KERNEL : Direction.FROM_KERNEL)
                : NetlinkCookedHeader.direction(f.packetType());
        PacketComment c = f.comment();
        Record r = new Record(f.timeNanos(), d, p, c.pid(), c.fd(), c.syscall(), location, data);
        return new Entry(i, r, Framer.frames(data, p), guessNote);
    }

    @Override
    public MessageRef message(int i) {
        if (!hasMessage(i)) {
            throw new IndexOutOfBoundsException("message " + i + " of " + messages);
        }
        int r = index.recordOf(i, records);
        Entry e = entry(r);
        int k = i - index.firstMessage(r);
        if (k >= e.frames.size()) { // the file shrank under this record: its messages are gone
            return MessageRef.fetching(i, r, this::record, FrameKind.MALFORMED, 0, 0, "the file shrank while open");
        }
        Frame f = e.frames.get(k);
        return MessageRef.fetching(i, r, this::record, f.kind(), f.offset(), f.length(),
                MessageRef.joinNotes(f.note(), e.guessNote));
    }

    @Override
    public List<MessageRef> append(Record r, String note) {
        throw new UnsupportedOperationException("a capture over a mapped file is not appended to: " + name);
    }

    private void reportShrunk(String location) {
        if (shrinkReported.compareAndSet(false, true)) {
            capture.addDiagnostic(Diagnostic.error(location, shrunk()
                    + "; this packet and those after it are gone (empty records, their messages malformed)"));
        }
    }

    private String shrunk() {
        long now = file.currentSize();
        return "the file shrank while open (it had " + file.size() + " bytes, "
                + (now < 0 ? "now it cannot be read" : "now " + now) + ")";
    }
}
