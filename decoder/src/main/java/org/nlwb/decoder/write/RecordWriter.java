package org.nlwb.decoder.write;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import org.nlwb.decoder.model.Record;

/**
 * Writes records to a dump file as they come. Contract: every {@link #write} ends with a flush,
 * so a process killed between two records leaves a file every reader accepts up to the last
 * record written. {@link #close} closes the underlying stream. Not thread-safe: one thread
 * writes (a live capture hands records to its writer thread).
 */
public interface RecordWriter extends Closeable {

    void write(Record record) throws IOException;

    /**
     * The writer for a file named {@code out}, by its extension: {@code .pcapng} a
     * {@link PcapngWriter}, {@code .pcap} a {@link PcapWriter}, anything else a {@link Pyroute2Writer}.
     *
     * @param os     where the bytes go (the writer closes it)
     * @param source the input's name, for the pyroute2 dump's comment
     */
    static RecordWriter forFile(Path out, OutputStream os, TimeResolution res, String source) throws IOException {
        String name = out.getFileName().toString();
        if (name.endsWith(".pcapng")) {
            return new PcapngWriter(os, res);
        }
        if (name.endsWith(".pcap")) {
            return new PcapWriter(os, res);
        }
        return new Pyroute2Writer(os, source);
    }
}
