package org.nlwb.decoder.diff;

import java.nio.file.Path;
import java.util.List;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.pipeline.DecodedCapture;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.spec.RegistryFactory;
import org.nlwb.decoder.testing.Samples;

/** The recorded {@code samples/diff-*} conversations, decoded as {@code nlwb decode} does. */
final class DiffSamples {
    static final String RUN1 = "diff-ip-link-add-veth-run1.strace.txt";
    static final String RUN2 = "diff-ip-link-add-veth-run2.strace.txt";
    static final String NAME = "diff-ip-link-add-veth-name.strace.txt";
    static final String NESTED = "diff-send-veth-nested.pcap";
    static final String NO_NESTED = "diff-send-veth-no-nested.pcap";

    /** Built once: loading every spec is the slow part. */
    private static final Registry REGISTRY = RegistryFactory.standard(List.of());

    private DiffSamples() {
    }

    static DecodedCapture load(String file) throws Exception {
        Path p = Samples.project().resolve(file);
        return DecodedCapture.of(Loader.standard().load(p, null, Protocol.UNKNOWN), REGISTRY);
    }

    static ConversationDiff compare(String left, String right, NoiseRules rules) throws Exception {
        return new ConversationDiffer(rules).compare(load(left), load(right));
    }
}
