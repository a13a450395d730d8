package org.nlwb.decoder.families;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.decode.Conversation;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.dissect.MessageDecoder;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.spec.RegistryFactory;
import org.nlwb.decoder.testing.Samples;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.TreeChecks;

/**
 * The u32 keys after tc_u32_sel, on pyroute2's sample_packet_03.data: `tc filter add ... u32
 * match ip protocol 6 0xff match u8 0x05 0x0f at 0 match u16 0x0000 0xffc0 at 2 match u8 0x10 0xff
 * at 33` — tc folds the matches into 32-bit keys at 4-byte aligned offsets.
 */
class TcU32SelectorTest {
    @Test
    void theKeysTcBuiltFromTheMatchesAreDecoded() throws Exception {
        Path data = Samples.shared().resolve("samples/pyroute2/historical/scripts/sample_packet_03.data");
        Capture c = Loader.standard().load(data, null, Protocol.ROUTE);
        DecodedMessage m = new MessageDecoder(RegistryFactory.standard(List.of())).decode(c.message(0), Conversation.empty());
        assertEquals(List.of(), TreeChecks.violations(m.tree(), c.message(0).length()));
        Node sel = m.tree().findAll("TCA_U32_SEL").get(0);
        assertEquals("3 keys", sel.display());
        List<String> keys = new ArrayList<>();
        for (Node k : sel.findAll("tc_u32_key")) {
            keys.add(String.format("%08x/%08x@%d", (Long) k.child("val").value(), (Long) k.child("mask").value(),
                    (Long) k.child("off").value()));
        }
        assertEquals(List.of("00060000/00ff0000@8", "05000000/0f00ffc0@0", "00100000/00ff0000@32"), keys);
    }
}
