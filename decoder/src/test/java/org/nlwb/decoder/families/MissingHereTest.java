package org.nlwb.decoder.families;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.testing.NlBuilder;

/**
 * What tools/capture-kernel-samples.sh asks for and this kernel refuses (no nft flowtable support,
 * no ipset hash:mac type), laid out as the kernel's fill functions write it:
 * net/netfilter/nf_tables_api.c nf_tables_fill_flowtable_info and
 * net/netfilter/ipset/ip_set_hash_mac.c hash_mac4_data_list (through ip_set_hash_gen.h mtype_list).
 */
class MissingHereTest {
    private static final int NESTED = 0x8000;

    private static byte[] be32(long v) {
        return new byte[] {(byte) (v >> 24), (byte) (v >> 16), (byte) (v >> 8), (byte) v};
    }

    private static byte[] be64(long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (v >> (56 - 8 * i));
        }
        return b;
    }

    private static DecodedMessage netfilter(int type, NlBuilder body) {
        DecodedMessage m = Decodes.bytes(Protocol.NETFILTER, Direction.FROM_KERNEL, NlBuilder.message(type, 2, 1, 0, body));
        assertEquals(List.of(), Decodes.problems(List.of(m)));
        return m;
    }

    @Test
    void aFlowtableOnTwoVethsIsDecoded() {
        NlBuilder hook = new NlBuilder().attr(1, be32(0)).attr(2, be32(0))             // HOOK_NUM ingress, PRIORITY 0
                .attr(3 | NESTED, new NlBuilder().attrString(1, "vethA").attrString(1, "vethB"));  // DEVS
        NlBuilder body = new NlBuilder().u8(1).u8(0).u16(0x0500)                       // nfgenmsg: NFPROTO_INET, genid 5
                .attrString(1, "nlwb").attrString(2, "ft").attr(3 | NESTED, hook)     // TABLE, NAME, HOOK
                .attr(4, be32(0)).attr(5, be64(3)).attr(7, be32(0));                   // USE, HANDLE, FLAGS
        DecodedMessage m = netfilter(10 << 8 | 22, body);
        assertEquals("NFT_MSG_NEWFLOWTABLE", m.typeName());
        assertEquals("ft", Decodes.named(m, "NFTA_FLOWTABLE_NAME").get(0).value());
        assertEquals(2, Decodes.named(m, "NFTA_DEVICE_NAME").size());
        assertEquals(3L, Decodes.named(m, "NFTA_FLOWTABLE_HANDLE").get(0).value());
    }

    @Test
    void aHashMacEntryCarriesItsMacAddress() {
        NlBuilder entry = new NlBuilder().attr(17, new byte[] {2, 0, 0, 0, 0, 7});  // IPSET_ATTR_ETHER (ETH_ALEN bytes)
        NlBuilder body = new NlBuilder().u8(2).u8(0).u16(0)                             // nfgenmsg: NFPROTO_IPV4
                .attr(1, new byte[] {7}).attrString(2, "nlwb-mac")                     // PROTOCOL 7, SETNAME
                .attr(8 | NESTED, new NlBuilder().attr(7 | NESTED, entry));            // ADT > DATA > ETHER
        DecodedMessage m = netfilter(6 << 8 | 7, body);
        assertEquals("IPSET_CMD_LIST", m.typeName());
        assertEquals("02:00:00:00:00:07", Decodes.named(m, "IPSET_ATTR_ETHER").get(0).display());
    }
}
