package org.nlwb.decoder.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.decode.Conversation;
import org.nlwb.decoder.decode.Conversations;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.decode.MessageDecoder;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.testing.NetlinkPcap;
import org.nlwb.decoder.testing.Samples;
import org.nlwb.decoder.text.TextTree;
import org.nlwb.decoder.tree.TreeChecks;

/** Real captures decode with the kernel specs' names. */
class SpecDecodeCapturedTest {
    static final Registry KERNEL_SPECS = SpecLibrary.of(false, List.of(SpecLoadKernelSpecsTest.ynl())).reload();

    static List<DecodedMessage> decode(String name) throws Exception {
        Capture c = NetlinkPcap.read(Samples.shared().resolve("samples/captured").resolve(name));
        MessageDecoder d = new MessageDecoder(KERNEL_SPECS);
        IntFunction<Conversation> conv = Conversations.of(c);
        List<DecodedMessage> out = new ArrayList<>();
        for (MessageRef m : c.messages()) {
            DecodedMessage dm = d.decode(m, conv.apply(m.index()));
            assertEquals(List.of(), TreeChecks.violations(dm.tree(), m.length()), name + " message " + m.index());
            out.add(dm);
        }
        return out;
    }

    @Test
    void dump() throws Exception {
        for (String n : List.of("ip-d-link-show.pcap", "genl-ctrl-list.pcap", "ip-addr-show.pcap", "ip-route-show.pcap")) {
            List<DecodedMessage> ms = decode(n);
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            java.io.PrintStream out = new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8);
            Capture c = NetlinkPcap.read(Samples.shared().resolve("samples/captured").resolve(n));
            new TextTree(out, false).capture(c, ms);
            java.nio.file.Files.writeString(Path.of("/tmp/" + n + ".txt"), bytes.toString());
        }
    }
}
