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
 * The records of a memory-mapped pcap or pcapng file: a {@link PcapIndex} of primitive columns,
 * filled by a background thread that walks the file with the same code as the heap reader, and
 * records and refs made on demand from it (a record's bytes copied out of the map when asked;
 * the last few kept in a small cache, since each message of a record asks for it). Records and
 * their {@code location} are exactly what {@link PcapReader} makes from the same bytes.
 *
 * <p>Waiting. Record {@code i} is ready once indexed and once its direction and protocol cannot
 * change any more: the direction convention is settled by the first packets ({@link
 * DirectionConvention}: a nlwb- or tcpdump-written file by its first reply, an nlmon capture a
 * few hundred packets after its first reply) and the outgoing requests before the first reply
 * go to the kernel either way; a control-only record of unknown protocol takes what the whole
 * file agrees on. So the first message of a capture is ready long before its index is complete.
 *
 * <p>A file that shrinks while mapped: reading a page past its new end would fault (the JVM
 * raises that as an {@link InternalError} wherever the thread happens to be), so the size is
 * checked first: before every record is made, and every 16 MiB while indexing. A record the file
 * no longer holds reads as zeros of its length (decoding marks them malformed) and one diagnostic
 * says how the file shrank; the indexer stops with one. A cut between the check and the read
 * can still fault: that is the {@code InternalError} the indexer also catches.
 */
final class MappedPcapStore implements RecordStore {
    private static final int PUBLISH_EVERY = 256;
    private static final int CACHE = 64;
    /** How far the indexer reads between two checks that the file has not shrunk. */
    private static final long CHECK_EVERY = 16 << 20;

    /** The file got shorter than what the indexer is about to read. */
    private static final class Shrunk extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Shrunk() {
            super(null, null, false, false);
        }
    }

    /** A record made from the file, with its frames and the note its guessed protocol leaves on them. */
    private record Entry(int index, Record record, List<Frame> frames, String guessNote) {
    }

    private final MappedFile file;
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
    private long checkedUpTo;
    private final Published published;

    private MappedPcapStore(MappedFile file, String name, int protocolOverride, Published published) {
        this.file = file;
        this.name = name;
        this.index = new PcapIndex(protocolOverride);
        this.published = published;
    }

    /**
     * Maps {@code path}, starts indexing it into {@code capture}'s store (made here) and returns once
     * the first record is indexed or the walk has ended, whichever comes first.
     *
     * @throws NotThisFormatException when the walk found the file is not a netlink pcap/pcapng
     */
    static Capture open(MappedFile file, String source, String label, int protocolOverride)
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
    static Capture open(MappedFile file, String source, String label, int protocolOverride, Published published)
            throws NotThisFormatException {
        MappedPcapStore store = new MappedPcapStore(file, Locations.shortName(source), protocolOverride, published);
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
            PcapReader.walk(name, file, this::packet, capture::addDiagnostic, meta);
        } catch (NotThisFormatException e) {
            notThisFormat = e;
        } catch (Shrunk | InternalError e) {
            // the file was cut while being indexed (InternalError: a page of the mapping faulted)
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
        if (dataOff + dataLen > checkedUpTo) {
            if (!file.stillHolds(dataOff, dataLen)) {
                throw new Shrunk();
            }
            checkedUpTo = dataOff + CHECK_EVERY;
        }
        index.add(file, number, blockOff, pkttype, protocol, dataOff, dataLen, little, units);
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
        await(() -> i < messages);
        return i < messages;
    }

    /** Waits until record {@code i} is indexed and its direction decided. */
    private void awaitRecord(int i) {
        await(() -> i < decided);
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
        long blockOff = index.blockOffset(i);
        long blockEnd = i + 1 < records ? index.blockOffset(i + 1) : file.size();
        String location = Locations.packet(name, index.packetNumber(i), blockOff);
        if (!file.stillHolds(blockOff, (int) Math.min(Integer.MAX_VALUE, blockEnd - blockOff))) {
            reportShrunk(location);
            Record r = new Record(-1, Direction.UNKNOWN, Protocol.UNKNOWN, -1, -1, null, location, ByteView.empty());
            return new Entry(i, r, List.of(), null);
        }
        PacketFields f = index.fields(file, i);
        ByteView data = ByteView.of(file.bytes(f.dataOffset(), f.dataLength()));
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
