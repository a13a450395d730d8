package org.nlwb.capture.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.nlwb.capture.socket.NetlinkExchange;
import org.nlwb.capture.socket.NetlinkSocket;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.message.AttributeCursor;
import org.nlwb.decoder.message.Errno;
import org.nlwb.decoder.message.MessageWriter;
import org.nlwb.decoder.message.Netlink;
import org.nlwb.decoder.message.NlFlags;
import org.nlwb.decoder.model.Protocol;

/**
 * nlmon links: a netdevice on which the kernel repeats every netlink message of its namespace
 * (both directions), readable with an AF_PACKET socket. Only where the kernel has the nlmon
 * link type (CONFIG_NLMON); elsewhere {@link #create} says so plainly.
 *
 * <pre>
 *  RTM_NEWLINK NLM_F_CREATE|NLM_F_EXCL|NLM_F_ACK  ifinfomsg{flags=IFF_UP, change=IFF_UP}
 *    IFLA_IFNAME "nlwbmon0"  IFLA_LINKINFO { IFLA_INFO_KIND "nlmon" }
 * </pre>
 */
public final class Nlmon {
    static final int RTM_NEWLINK = 16;
    static final int RTM_DELLINK = 17;
    static final int IFLA_IFNAME = 3;
    static final int IFLA_LINKINFO = 18;
    static final int IFLA_INFO_KIND = 1;
    static final int IFF_UP = 1;
    private static final int TIMEOUT_MS = 5000;

    private Nlmon() {
    }

    /**
     * Creates nlmon link {@code name} (up) in {@code netns} (null: nlwb's own namespace).
     *
     * @throws NlmonUnavailableException "this kernel has no nlmon link type (...)" when the kernel lacks it
     */
    public static void create(String netns, String name) throws IOException {
        String modprobe = modprobe();
        byte[] req = MessageWriter.message(RTM_NEWLINK, NlFlags.REQUEST | NlFlags.ACK | NlFlags.CREATE | NlFlags.EXCL)
                .u8(0).u8(0).u16(0).u32(0).u32(IFF_UP).u32(IFF_UP)
                .attrString(IFLA_IFNAME, name)
                .beginNest(IFLA_LINKINFO).attrString(IFLA_INFO_KIND, "nlmon").endNest()
                .build();
        try (NetlinkSocket s = NetlinkSocket.openIn(netns, Protocol.ROUTE)) {
            s.setExtAck(true);
            NetlinkExchange.Reply r = new NetlinkExchange(s).request(req, TIMEOUT_MS);
            if (!r.complete()) {
                throw new IOException("RTM_NEWLINK kind nlmon: no answer from the kernel within " + TIMEOUT_MS + " ms");
            }
            if (r.error() == 0) {
                return;
            }
            String err = "RTM_NEWLINK kind nlmon: " + Errno.signedName(r.error()) + " (" + Errno.text(r.error()) + ")"
                    + extAckText(r.messages().get(r.messages().size() - 1));
            if (r.error() == -95) { // EOPNOTSUPP: rtnetlink knows no such kind, even after request_module
                throw new NlmonUnavailableException("this kernel has no nlmon link type (" + modprobe + "; " + err + ")");
            }
            String cap = r.error() == -1 ? " (needs CAP_NET_ADMIN)" : "";
            throw new IOException("create nlmon link " + name + (netns != null ? " in netns " + netns : "") + cap
                    + ": " + err);
        }
    }

    /** Deletes link {@code name}; quiet when it is already gone. */
    public static void delete(String netns, String name) throws IOException {
        byte[] req = MessageWriter.message(RTM_DELLINK, NlFlags.REQUEST | NlFlags.ACK)
                .u8(0).u8(0).u16(0).u32(0).u32(0).u32(0)
                .attrString(IFLA_IFNAME, name).build();
        try (NetlinkSocket s = NetlinkSocket.openIn(netns, Protocol.ROUTE)) {
            NetlinkExchange.Reply r = new NetlinkExchange(s).request(req, TIMEOUT_MS);
            if (r.error() != 0 && r.error() != -19) {
                throw new IOException("delete link " + name + ": " + Errno.signedName(r.error()));
            }
        }
    }

    /** Tries {@code modprobe nlmon} where modprobe exists; says what happened, for the message. */
    private static String modprobe() {
        List<String> candidates = List.of("/usr/sbin/modprobe", "/sbin/modprobe", "/usr/bin/modprobe");
        for (String c : candidates) {
            if (Files.isExecutable(Path.of(c))) {
                try {
                    Process p = new ProcessBuilder(c, "nlmon").redirectErrorStream(true).start();
                    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                    if (!p.waitFor(10, TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                        return "modprobe nlmon did not finish";
                    }
                    return p.exitValue() == 0 ? "modprobe nlmon succeeded"
                            : "modprobe nlmon failed" + (out.isEmpty() ? "" : ": " + out.lines().findFirst().orElse(""));
                } catch (IOException e) {
                    return "modprobe nlmon could not run: " + e.getMessage();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return "modprobe nlmon interrupted";
                }
            }
        }
        return "modprobe nlmon failed: no modprobe on this system";
    }

    /** {@code  "Unknown device type"} from NLMSGERR_ATTR_MSG of an NLMSG_ERROR, or "". */
    private static String extAckText(ByteView err) {
        if ((err.u16le(6) & NlFlags.ACK_TLVS) == 0 || err.length() < 36) {
            return "";
        }
        int off = 20 + ((err.u16le(6) & NlFlags.CAPPED) != 0 ? 16 : (int) ((err.u32le(20) + 3) & ~3L));
        List<String> texts = new ArrayList<>();
        AttributeCursor c = AttributeCursor.over(err, off, (int) Math.min(err.length(), err.u32le(0)));
        while (c.next()) {
            if (c.type() == Netlink.NLMSGERR_ATTR_MSG && c.nlaLen() > 5) {
                texts.add('"' + c.payload().utf8(0, c.nlaLen() - 5) + '"');
            }
        }
        return texts.isEmpty() ? "" : " " + String.join(" ", texts);
    }
}
