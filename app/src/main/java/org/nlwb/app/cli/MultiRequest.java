package org.nlwb.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.nlwb.decoder.encode.EncodeException;
import org.nlwb.decoder.encode.MessageEncoder;
import org.nlwb.decoder.encode.Request;
import org.nlwb.decoder.message.NlFlags;
import org.nlwb.decoder.ynl.Family;
import org.nlwb.decoder.ynl.OpSpec;

/**
 * {@code --multi OP JSON ...} (the YNL CLI's): several do requests of one family in one
 * datagram. nftables changes are only taken inside a batch, so for its requests the datagram is
 * wrapped the way {@code nft} and the YNL CLI's users wrap it, unless the requests hold their own
 * batch begin or end:
 *
 * <pre>
 *  | NFNL_MSG_BATCH_BEGIN 0x10 REQUEST | nfgenmsg AF_UNSPEC, v0, res_id = be16 subsystem |
 *  | the requests ...                                                                     |
 *  | NFNL_MSG_BATCH_END   0x11 REQUEST | nfgenmsg AF_UNSPEC, v0, res_id = be16 subsystem |
 * </pre>
 *
 * The subsystem (NFNL_SUBSYS_NFTABLES = 10) is the high byte of the first request's type.
 */
final class MultiRequest {
    static final int NFNL_MSG_BATCH_BEGIN = 0x10;
    static final int NFNL_MSG_BATCH_END = 0x11;
    static final int NFNL_SUBSYS_NFTABLES = 10;

    private MultiRequest() {
    }

    /**
     * @param opsAndJson OP, JSON, OP, JSON ... as picocli collects {@code --multi OP JSON}
     * @param dress      the flags, ACK and nested-flag choices of the command line, applied to each
     */
    static SendPlan plan(MessageEncoder encoder, Family family, List<String> opsAndJson, UnaryOperator<Request> dress)
            throws UsageError, EncodeException {
        List<SendPlan.Piece> pieces = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Integer firstType = null;
        boolean marks = false;
        for (int i = 0; i + 1 < opsAndJson.size(); i += 2) {
            String op = opsAndJson.get(i);
            OpSpec spec = encoder.operation(family, op, false);
            if (firstType == null) {
                firstType = spec.requestId();
            }
            marks |= spec.requestId() == NFNL_MSG_BATCH_BEGIN || spec.requestId() == NFNL_MSG_BATCH_END;
            names.add(op);
            Request r = dress.apply(Request.of(family.name(), op, false,
                    JsonArgument.parse("--multi " + op, opsAndJson.get(i + 1))));
            pieces.add(new SendPlan.Described(r, family));
        }
        String title = family.name() + " --multi " + String.join(", ", names);
        if (firstType != null && !marks && batched(family, firstType)) {
            int subsystem = firstType >>> 8;
            pieces.add(0, new SendPlan.Raw(batchMark(NFNL_MSG_BATCH_BEGIN, subsystem), null));
            pieces.add(new SendPlan.Raw(batchMark(NFNL_MSG_BATCH_END, subsystem), null));
            title += " (in a batch)";
        }
        return new SendPlan(title, family.protocol(), pieces, true);
    }

    /** nftables requests (the user's own batch marks, when given, are left as they are). */
    private static boolean batched(Family family, int firstType) {
        return family.protocol() == org.nlwb.decoder.model.Protocol.NETFILTER && firstType >>> 8 == NFNL_SUBSYS_NFTABLES;
    }

    /** A 20-byte BATCH_BEGIN or BATCH_END: nlmsghdr and nfgenmsg, seq and pid left to the fix-up. */
    static byte[] batchMark(int type, int subsystem) {
        byte[] b = new byte[20];
        b[0] = 20;
        b[4] = (byte) type;
        b[5] = (byte) (type >>> 8);
        b[6] = (byte) NlFlags.REQUEST;
        // nfgenmsg: nfgen_family AF_UNSPEC (0), version NFNETLINK_V0 (0), res_id big-endian
        b[18] = (byte) (subsystem >>> 8);
        b[19] = (byte) subsystem;
        return b;
    }
}
