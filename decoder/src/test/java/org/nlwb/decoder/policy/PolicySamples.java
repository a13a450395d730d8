package org.nlwb.decoder.policy;

import java.util.ArrayList;
import java.util.List;
import org.nlwb.decoder.decode.Conversations;
import org.nlwb.decoder.dissect.MessageDecoder;
import org.nlwb.decoder.encode.MessageEncoder;
import org.nlwb.decoder.encode.Request;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.spec.SpecCatalog;
import org.nlwb.decoder.spec.SpecLibrary;
import org.nlwb.decoder.testing.Samples;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.ynl.Family;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The recorded policy dumps (samples/genl-policy-*.strace.txt) decoded as nlwb decodes them, and requests to check. */
final class PolicySamples {
    static final SpecCatalog CATALOG = SpecLibrary.standard(List.of()).load();
    private static final MessageDecoder DECODER = new MessageDecoder(SpecLibrary.standard(List.of()).registry(CATALOG));

    private PolicySamples() {
    }

    /** The message trees of samples/genl-policy-FAMILY.strace.txt. */
    static List<Node> trees(String family) throws Exception {
        return trees(family, DECODER);
    }

    /** The same, decoded by {@code decoder} (another spec set). */
    static List<Node> trees(String family, MessageDecoder decoder) throws Exception {
        Capture c = Loader.standard().load(Samples.project().resolve("genl-policy-" + family + ".strace.txt"), null,
                Protocol.UNKNOWN);
        var conv = Conversations.of(c);
        List<Node> out = new ArrayList<>();
        for (MessageRef ref : c.messages()) {
            out.add(decoder.decode(ref, conv.apply(ref.index())).tree());
        }
        return out;
    }

    static KernelPolicy policy(String family) throws Exception {
        return PolicyDumpReader.read(family, trees(family));
    }

    static Family family(String name) {
        return CATALOG.family(name).orElseThrow();
    }

    /** The request the description encodes to (family id 0x20: the checks read no ids). */
    static byte[] request(String family, String op, boolean dump, String json) throws Exception {
        return new MessageEncoder(CATALOG).encode(Request.of(family, op, dump, new ObjectMapper().readTree(json)),
                name -> 0x20).bytes();
    }
}
