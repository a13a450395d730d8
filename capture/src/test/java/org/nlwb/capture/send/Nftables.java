package org.nlwb.capture.send;

import org.nlwb.decoder.message.MessageWriter;
import org.nlwb.decoder.message.NlFlags;

/**
 * The nfnetlink messages of an "add table" batch:
 *
 * <pre>
 *  | BATCH_BEGIN 0x10 | nfgenmsg AF_UNSPEC v0 res_id=be16 NFNL_SUBSYS_NFTABLES |
 *  | NFT_MSG_NEWTABLE 0x0a00 | nfgenmsg NFPROTO_INET v0 res_id 0 | NFTA_TABLE_NAME "name" |
 *  | BATCH_END 0x11 | nfgenmsg AF_UNSPEC v0 res_id=be16 NFNL_SUBSYS_NFTABLES |
 * </pre>
 */
final class Nftables {
    static final int NFNL_MSG_BATCH_BEGIN = 0x10;
    static final int NFNL_MSG_BATCH_END = 0x11;
    static final int NFNL_SUBSYS_NFTABLES = 10;
    static final int NFT_MSG_NEWTABLE = NFNL_SUBSYS_NFTABLES << 8;
    static final int NFT_MSG_GETTABLE = NFNL_SUBSYS_NFTABLES << 8 | 1;
    static final int NFTA_TABLE_NAME = 1;
    static final int NFPROTO_INET = 1;

    private Nftables() {
    }

    private static MessageWriter nfgenmsg(MessageWriter b, int family, int resIdBe) {
        return b.u8(family).u8(0).u8(resIdBe >>> 8).u8(resIdBe & 0xff);
    }

    static byte[] batchMark(int type, int flags) {
        return nfgenmsg(MessageWriter.message(type, flags), 0, NFNL_SUBSYS_NFTABLES).build();
    }

    static byte[] newTable(String name) {
        return nfgenmsg(MessageWriter.message(NFT_MSG_NEWTABLE, NlFlags.REQUEST | NlFlags.ACK | NlFlags.CREATE),
                NFPROTO_INET, 0).attrString(NFTA_TABLE_NAME, name).build();
    }

    static byte[] dumpTables() {
        return nfgenmsg(MessageWriter.message(NFT_MSG_GETTABLE, NlFlags.REQUEST | NlFlags.DUMP), NFPROTO_INET, 0).build();
    }
}
