package org.nlwb.app.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The sample the window opens when started without files: packaged in the jar (so
 * {@code java -jar} has it), else the repository's {@code samples/} directory.
 */
public final class BundledSample {
    /**
     * File name of the sample, as in the repository's samples directory: {@code ip monitor} beside
     * {@code ip link add ... type veth}, so requests, replies, an ACK and notifications all show.
     */
    public static final String NAME = "ip-monitor-link-add.strace.txt";
    static final String RESOURCE = "/org/nlwb/app/samples/" + NAME;

    private BundledSample() {
    }

    /** The sample's bytes, or null when this build has none. */
    public static byte[] content() {
        try (InputStream in = BundledSample.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                return in.readAllBytes();
            }
            Path p = Path.of("samples", NAME);
            return Files.isRegularFile(p) ? Files.readAllBytes(p) : null;
        } catch (IOException e) {
            return null;
        }
    }

    static void open(Workbench w) {
        byte[] b = content();
        if (b == null) {
            w.tasks().setStatus("No bundled sample in this build; open a file with Ctrl+O");
            return;
        }
        w.open(NAME, b);
    }
}
