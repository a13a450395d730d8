package org.nlwb.decoder.read;

import java.util.function.Consumer;
import org.nlwb.decoder.model.Diagnostic;
import org.nlwb.decoder.model.Record;

/**
 * Reads one dump format into records. Contract:
 * <ul>
 *   <li>{@link #sniff} looks only at the first bytes of a file and is cheap; it says whether the
 *       content looks like this format, not that it will parse.</li>
 *   <li>{@link #read} never throws on malformed content: damaged parts become {@link Diagnostic}s
 *       (naming file and line or offset) and reading goes on with what can be trusted.</li>
 *   <li>It throws {@link NotThisFormatException} when the content is not this format at all,
 *       with the reason and where it stopped; format detection reports that to the user.</li>
 *   <li>Records are handed to {@code sink} in source order, so a caller can index a large file
 *       as it streams and a live source can use the same code.</li>
 * </ul>
 */
public interface Reader {

    DumpFormat format();

    /** Whether {@code head} (the first bytes of the input, up to 64 KiB) looks like this format. */
    boolean sniff(byte[] head);

    /**
     * Reads all of {@code input}.
     *
     * @param name   the file name, used in every diagnostic location
     * @param input  the whole file content
     * @param sink   receives records in order
     * @param diagnostics receives problems that did not stop reading
     * @return metadata found in the file (pyroute2 {@code #:LABEL} blocks and the like), maybe empty
     */
    ReadMetadata read(String name, byte[] input, Consumer<Record> sink, Consumer<Diagnostic> diagnostics)
            throws NotThisFormatException;
}
