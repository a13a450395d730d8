package org.nlwb.decoder.read;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.message.Frame;
import org.nlwb.decoder.message.FrameKind;
import org.nlwb.decoder.message.Framer;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Diagnostic;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.MessageRef;
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
 * change any more: the direction convention is settled by the first packet not marked outgoing
 * (else only at the end: nlmon's convention needs every packet), and a control-only record of
 * unknown protocol takes what the whole file agrees on. A nlwb- or tcpdump-written file is
 * settled by its first reply, so its first message is ready at once.
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

    /** A materialised record and its index, for the cache. */
    private record Cached(int index, Record record) {
    }

    private final MappedFile file;
    private final String name;
    private final PcapIndex index;
    private final Object lock = new Object();
    private final AtomicReferenceArray<Cached> cache = new AtomicReferenceArray<>(CACHE);
    private final AtomicBoolean shrinkReported = new AtomicBoolean();
    private final Map<String, String> meta = new HashMap<>();
    private Capture capture;
    private volatile int records;
    private volatile int messages;
    private volatile boolean settled;
    private volatile boolean nlmon;
    private volatile boolean complete;
    private NotThisFormatException notThisFormat;
    private long checkedUpTo;

    private MappedPcapStore(MappedFile file, String name, int protocolOverride) {
        this.file = file;
        this.name = name;
        this.index = new PcapIndex(protocolOverride);
    }

    /**
     * Maps {@code path}, starts indexing it into {@code capture}'s store (made here) and returns once
     * the first record is indexed or the walk has ended, whichever comes first.
     *
     * @throws NotThisFormatException when the walk found the file is not a netlink pcap/pcapng
     */
    static Capture open(MappedFile file, String source, String label, int protocolOverride)
            throws NotThisFormatException {
        MappedPcapStore store = new MappedPcapStore(file, Locations.shortName(source), protocolOverride);
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
        } catch (RuntimeException e) {
            capture.addDiagnostic(Diagnostic.error(name, "indexing stopped at packet " + (index.records() + 1)
                    + " by a bug in nlwb (" + e + "); the packets before it are kept"));
        } finally {
            finish();
        }
    }

    private void packet(int number, long blockOff, long time, int pkttype, int protocol, long dataOff, int dataLen,
                        int pid, int fd, String syscall) {
        if (dataOff + dataLen > checkedUpTo) {
            if (!file.stillHolds(dataOff, dataLen)) {
                throw new Shrunk();
            }
            checkedUpTo = dataOff + CHECK_EVERY;
        }
        index.add(file, number, blockOff, time, pkttype, protocol, dataOff, dataLen, pid, fd, syscall);
        boolean settles = !settled && index.anyNotOutgoing();
        if (settles || index.records() == 1 || index.records() % PUBLISH_EVERY == 0) {
            synchronized (lock) {
                settled |= settles;
                messages = index.messages();
                records = index.records();
                lock.notifyAll();
            }
        }
    }

    private void finish() {
        boolean inNlmon = notThisFormat == null && !settled && index.nlmonConvention();
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

    /** Waits until record {@code i} is indexed and its direction and protocol are final. */
    private void awaitRecord(int i) {
        await(() -> i < records && settled && (index.guess(i) != PcapIndex.GUESS_AGREED || complete));
        java.util.Objects.checkIndex(i, records);
    }

    @Override
    public Record record(int i) {
        awaitRecord(i);
        Cached c = cache.get(i % CACHE);
        if (c != null && c.index == i) {
            return c.record;
        }
        Record r = materialise(i);
        cache.set(i % CACHE, new Cached(i, r));
        return r;
    }

    private Record materialise(int i) {
        long off = index.dataOffset(i);
        int len = index.length(i);
        byte[] data;
        if (file.stillHolds(off, len)) {
            data = file.bytes(off, len);
        } else {
            data = new byte[len];
            reportShrunk(i);
        }
        Direction d = nlmon ? (index.request(i) ? Direction.TO_KERNEL : Direction.FROM_KERNEL)
                : NetlinkCookedHeader.direction(index.packetType(i));
        return new Record(index.time(i), d, protocol(i), index.pid(i), index.fd(i), index.syscall(i),
                Locations.packet(name, index.packetNumber(i), index.blockOffset(i)), ByteView.of(data));
    }

    private int protocol(int i) {
        return index.guess(i) == PcapIndex.GUESS_AGREED ? index.agreedProtocol() : index.protocol(i);
    }

    /** The note a guessed protocol leaves on each message of record {@code i}, or null. */
    private String guessNote(int i) {
        return switch (index.guess(i)) {
            case PcapIndex.GUESS_CONTENT -> ProtocolGuess.note(index.protocol(i), "its content");
            case PcapIndex.GUESS_AGREED -> index.agreedProtocol() < 0 ? null
                    : ProtocolGuess.note(index.agreedProtocol(), "the other messages of the file");
            default -> null;
        };
    }

    @Override
    public MessageRef message(int i) {
        if (!hasMessage(i)) {
            throw new IndexOutOfBoundsException("message " + i + " of " + messages);
        }
        int r = index.messageRecord(i);
        awaitRecord(r);
        FrameKind kind = index.messageKind(i);
        int offset = index.messageOffset(i);
        String framerNote = kind == FrameKind.MESSAGE ? null : framerNote(r, offset);
        return MessageRef.fetching(i, r, this::record, kind, offset, index.messageLength(i),
                MessageRef.joinNotes(framerNote, guessNote(r)));
    }

    /** The framer's note on the frame at {@code offset} of record {@code r}, framed again (see {@link PcapIndex}). */
    private String framerNote(int r, int offset) {
        Record rec = record(r);
        for (Frame f : Framer.frames(rec.bytes(), rec.protocol())) {
            if (f.offset() == offset) {
                return f.note();
            }
        }
        return null;
    }

    @Override
    public List<MessageRef> append(Record r, String note) {
        throw new UnsupportedOperationException("a capture over a mapped file is not appended to: " + name);
    }

    /** Heap bytes of the index columns. */
    long indexHeapBytes() {
        return index.heapBytes();
    }

    private void reportShrunk(int record) {
        if (shrinkReported.compareAndSet(false, true)) {
            capture.addDiagnostic(Diagnostic.error(Locations.packet(name, index.packetNumber(record),
                    index.blockOffset(record)), shrunk() + "; the bytes of this packet and those after it read as zeros"));
        }
    }

    private String shrunk() {
        long now = file.currentSize();
        return "the file shrank while open (it had " + file.size() + " bytes, "
                + (now < 0 ? "now it cannot be read" : "now " + now) + ")";
    }
}
