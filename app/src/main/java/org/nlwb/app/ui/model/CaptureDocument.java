package org.nlwb.app.ui.model;

import java.nio.file.Path;
import java.util.Objects;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.pipeline.ConversationPolicy;
import org.nlwb.decoder.pipeline.DecodedCapture;
import org.nlwb.decoder.read.DumpFormat;
import org.nlwb.decoder.registry.Registry;

/**
 * One open capture as a tab knows it: where it came from (file and forced format, for reopening),
 * its title and the zero of the Time column, around the {@link DecodedCapture} that decodes it
 * (registry, conversation policy, forced class, bounded tree cache). The decoding methods here
 * forward to it. Thread-safe: the list decodes on the FX thread, filters and exports decode on
 * worker threads (those use {@link #decodeUncached} so a scan does not evict what is on screen).
 */
public final class CaptureDocument {
    private final DecodedCapture decoded;
    private final Path path;
    private final DumpFormat format;
    private long firstTime = -1;
    private int timesScanned;

    /**
     * @param path        the file it came from, or null for a live capture
     * @param format      the format forced when opening, or null when detected
     * @param policy      how generic netlink ids are named (the window's {@code --genl-family} and
     *                    {@code --kernel-families})
     * @param forcedClass a message class forced for every message, or null
     */
    public CaptureDocument(Capture capture, Path path, DumpFormat format, Registry registry, ConversationPolicy policy,
                           String forcedClass) {
        this.decoded = new DecodedCapture(capture, registry, policy, forcedClass);
        this.path = path;
        this.format = format;
    }

    /** The decode pipeline of this capture: what export, find and the panes decode through. */
    public DecodedCapture pipeline() {
        return decoded;
    }

    public Capture capture() {
        return decoded.capture();
    }

    public Path path() {
        return path;
    }

    public DumpFormat forcedFormat() {
        return format;
    }

    public String forcedClass() {
        return decoded.forcedClass();
    }

    /** A new registry (specs reloaded) or forced class: every cached tree is dropped. */
    public void redecodeWith(Registry registry, String newForcedClass) {
        decoded.redecode(Objects.requireNonNull(registry, "registry"), newForcedClass);
    }

    public MessageRef message(int index) {
        return decoded.message(index);
    }

    public int messageCount() {
        return decoded.messageCount();
    }

    /** The decoded message at {@code index}, from the cache when it is there. */
    public DecodedMessage decoded(int index) {
        return decoded.decoded(index);
    }

    /** Decodes without touching the cache (for scans over the whole capture). */
    public DecodedMessage decodeUncached(int index) {
        return decoded.decodeUncached(index);
    }

    /** Messages {@link #firstTime} looks at per call at most: the FX thread asks, for every row it draws. */
    private static final int TIMES_PER_CALL = 1024;

    /**
     * The time of the first record that has one (the zero of the list's Time column), or -1 (so
     * far). Found once; a live capture's first timed record never changes once it exists. Never
     * waits for a file still being indexed (the record count would), and looks at most at
     * {@value #TIMES_PER_CALL} messages per call.
     */
    public synchronized long firstTime() {
        if (firstTime >= 0) {
            return firstTime;
        }
        // Messages already looked at are not looked at again (a file without times is scanned once).
        Capture capture = decoded.capture();
        for (int end = timesScanned + TIMES_PER_CALL; timesScanned < end && capture.hasMessage(timesScanned);
                timesScanned++) {
            long t = capture.message(timesScanned).record().timeNanos();
            if (t >= 0) {
                firstTime = t;
                return t;
            }
        }
        return -1;
    }

    /** A short title for the tab. */
    public String title() {
        return path != null ? path.getFileName().toString() : decoded.capture().source();
    }
}
