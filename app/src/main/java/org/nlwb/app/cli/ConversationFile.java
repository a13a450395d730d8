package org.nlwb.app.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.write.AtomicFile;
import org.nlwb.decoder.write.PcapWriter;
import org.nlwb.decoder.write.PcapngWriter;
import org.nlwb.decoder.write.RecordWriter;
import org.nlwb.decoder.write.TimeResolution;

/**
 * {@code --write FILE}: the whole conversation (look-ups, request, replies, notifications) as a
 * LINKTYPE_NETLINK pcap, or pcapng for a {@code .pcapng} name (which also keeps pid and
 * syscall). Written to a temporary file beside it and renamed over it, so a failed or cut-short
 * write never leaves half a file under the name.
 */
final class ConversationFile {
    private ConversationFile() {
    }

    static void write(Capture c, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        if (!Files.isDirectory(dir)) {
            throw new IOException("no such directory " + dir);
        }
        AtomicFile.write(target, out -> {
            try (OutputStream os = Streams.unflushed(new BufferedOutputStream(out)); RecordWriter w = writer(file, os)) {
                for (Record r : c.records()) {
                    w.write(r);
                }
            }
        });
    }

    private static RecordWriter writer(Path file, OutputStream os) throws IOException {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pcapng")
                ? new PcapngWriter(os, TimeResolution.NANOSECONDS) : new PcapWriter(os, TimeResolution.NANOSECONDS);
    }
}
