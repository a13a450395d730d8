package org.nlwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.read.Loader;

/**
 * {@code nlwb send --from FILE --dry-run} of captured {@code ip route} requests that a spec alone
 * would encode differently (a u32 RTA_EXPIRES of a u64 spec; RTA_ENCAP with NLA_F_NESTED before
 * the RTA_ENCAP_TYPE that selects its layout): replayed by name, the bytes are the captured ones
 * but for nlmsg_seq, which a sender stamps. Nothing is sent, so no namespace is needed.
 */
class SendReplayAsCapturedTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Run(int exit, String out, String err) {
    }

    private static Run nlwb(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = NlwbCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** The dry run's bytes and the captured ones, nlmsg_seq (bytes 8..12) left out of both. */
    private static void replaysToTheCapturedBytes(String sample, int index, String described) throws Exception {
        Path file = Path.of("../samples", sample);
        Run r = nlwb("send", "--dry-run", "--from", file.toString(), "--index", String.valueOf(index), "--json-out");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("replaying as nlwb send --family rt-route --do newroute"), r.err());
        assertTrue(r.err().contains(described), r.err());
        Capture c = Loader.standard().load(file, null, Protocol.UNKNOWN);
        String captured = HexFormat.of().formatHex(c.message(index).bytes().toArray());
        String sent = JSON.readTree(r.out()).get("hex").asText();
        assertEquals(captured.substring(0, 16) + captured.substring(24), sent.substring(0, 16) + sent.substring(24));
    }

    @Test
    void anExpiresSentAsU32ReplaysAtFourBytes() throws Exception {
        replaysToTheCapturedBytes("kernel-ip-route-add-expires.strace.txt", 2, "\"expires\":{\"value\":300,\"size\":4}");
    }

    @Test
    void aSeg6EncapBeforeItsTypeReplaysWithNlaFNestedInTheCapturedOrder() throws Exception {
        replaysToTheCapturedBytes("kernel-ip-route-add-seg6.strace.txt", 2, "\"encap\":{\"$nested\":true,");
    }
}
