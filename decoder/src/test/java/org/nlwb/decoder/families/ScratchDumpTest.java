package org.nlwb.decoder.families;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.decode.Conversations;
import org.nlwb.decoder.decode.MessageDecoder;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.registry.RegistryFactory;
import org.nlwb.decoder.text.TextTree;

class ScratchDumpTest {
    @Test
    void dump() throws Exception {
        String f = System.getProperty("scratch.file");
        String cls = System.getProperty("scratch.class");
        Capture c = Loader.standard().load(Path.of(f), null, Protocol.UNKNOWN);
        MessageDecoder d = new MessageDecoder(RegistryFactory.standard(List.of()));
        var conv = Conversations.of(c);
        for (MessageRef r : c.messages()) {
            var m = d.decode(r, conv.apply(r.index()), cls);
            System.out.println("=== " + r.index() + " " + m.className() + " " + m.summary());
            new TextTree(System.out, Boolean.getBoolean("scratch.all")).message(m);
        }
    }
}
