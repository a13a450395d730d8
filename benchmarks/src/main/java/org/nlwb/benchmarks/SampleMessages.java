package org.nlwb.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.pipeline.DecodedCapture;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.read.UnreadableInputException;
import org.nlwb.decoder.spec.RegistryFactory;

/**
 * The input every benchmark shares: the project's samples of rtnetlink dumps (links, routes,
 * addresses), from {@code samples/} under the working directory or {@code -Dnlwb.samples=DIR}.
 */
final class SampleMessages {
    static final List<String> FILES = List.of("ip-link-show.strace.txt", "kernel-ip-route-show-new.strace.txt",
            "ip-addr-show.strace.txt");

    private SampleMessages() {
    }

    static Path dir() {
        Path d = Path.of(System.getProperty("nlwb.samples", "samples"));
        if (!Files.isDirectory(d)) {
            throw new IllegalStateException("no samples directory at " + d.toAbsolutePath()
                    + ": run from the repository root or give -Dnlwb.samples=DIR");
        }
        return d;
    }

    /** Every sample of {@link #FILES} in one capture. */
    static Capture capture() throws IOException, UnreadableInputException {
        Capture all = new Capture("benchmark", "strace");
        for (String f : FILES) {
            Loader.standard().load(dir().resolve(f), null, Protocol.UNKNOWN).records().forEach(all::append);
        }
        return all;
    }

    static DecodedCapture decoded() throws IOException, UnreadableInputException {
        return new DecodedCapture(capture(), RegistryFactory.standard(List.of()),
                org.nlwb.decoder.pipeline.ConversationPolicy.captureOnly(), null, 0);
    }
}
