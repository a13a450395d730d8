package org.nlwb.decoder.write;

import java.io.Closeable;
import java.io.IOException;
import org.nlwb.decoder.model.Record;

/**
 * Writes records to a dump file as they come. Contract: every {@link #write} ends with a flush,
 * so a process killed between two records leaves a file every reader accepts up to the last
 * record written. {@link #close} closes the underlying stream. Not thread-safe: one thread
 * writes (a live capture hands records to its writer thread).
 */
public interface RecordWriter extends Closeable {

    void write(Record record) throws IOException;
}
