package org.nlwb.decoder.model;

import java.util.ArrayList;
import java.util.List;
import org.nlwb.decoder.message.Frame;
import org.nlwb.decoder.message.Framer;

/**
 * Records and message refs kept as objects, each record with its own bytes: for text formats
 * (strace, hex, pyroute2), live captures and anything built by appending. Its heap grows with the
 * bytes it holds, which is fine for those sources; large files go to the indexed store instead.
 */
public final class HeapRecordStore implements RecordStore {
    private final List<Record> records = new ArrayList<>();
    private final List<MessageRef> messages = new ArrayList<>();

    @Override
    public synchronized List<MessageRef> append(Record r, String note) {
        int recordIndex = records.size();
        records.add(r);
        List<Frame> frames = Framer.frames(r.bytes(), r.protocol());
        List<MessageRef> added = new ArrayList<>(frames.size());
        for (Frame f : frames) {
            MessageRef m = new MessageRef(messages.size(), recordIndex, r, f.kind(), f.offset(), f.length(),
                    MessageRef.joinNotes(f.note(), note));
            messages.add(m);
            added.add(m);
        }
        return added;
    }

    @Override
    public synchronized int recordCount() {
        return records.size();
    }

    @Override
    public synchronized int messageCount() {
        return messages.size();
    }

    @Override
    public synchronized Record record(int i) {
        return records.get(i);
    }

    @Override
    public synchronized MessageRef message(int i) {
        return messages.get(i);
    }

    @Override
    public synchronized boolean hasMessage(int i) {
        return i < messages.size();
    }
}
