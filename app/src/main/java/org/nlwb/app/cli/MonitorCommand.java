package org.nlwb.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.nlwb.capture.live.MonitorSource;
import org.nlwb.capture.live.NlmonSource;
import org.nlwb.decoder.model.Protocol;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code nlwb monitor}: joins netlink multicast groups and prints each notification as it comes
 * (text or JSON lines), optionally writing everything to a capture file as it arrives.
 */
@Command(name = "monitor", mixinStandardHelpOptions = true,
        description = {"Watch netlink multicast groups and print the notifications as they arrive.",
            "Groups: route: link, notify, neigh, tc, ipv4-ifaddr, ipv4-route, ipv6-ifaddr, ipv6-route, nsid, nexthop, ...;",
            "generic: FAMILY:GROUP (nlctrl:notify) or FAMILY; netfilter: conntrack-new, ...; any: a number or all."})
public final class MonitorCommand implements Callable<Integer> {

    @Option(names = "--protocol", paramLabel = "PROTO", defaultValue = "route",
            description = "Netlink protocol (route, generic, netfilter, sock_diag, kobject_uevent, 0..31). Default: route.")
    String protocol;

    @Option(names = "--groups", paramLabel = "GROUP", split = ",",
            description = "Groups to join, by name or number; 'all' for every known group of the protocol.")
    List<String> groups = new ArrayList<>();

    @Option(names = "--nlmon", description = "Capture every netlink message of the namespace, both directions, through "
            + "an nlmon link (where the kernel has nlmon) instead of joining groups.")
    boolean nlmon;

    @Option(names = "--netns", paramLabel = "NAME", description = "Network namespace (/var/run/netns/NAME) to watch.")
    String netns;

    @Option(names = "--write", paramLabel = "FILE", description = "Also write every datagram to FILE (pcap; pcapng for .pcapng) as it arrives.")
    Path write;

    @Option(names = "--json", description = "Print JSON lines: one message (decode's schema) or diagnostic per line.")
    boolean json;

    @Option(names = {"-v", "--verbose"}, description = "Print each message's tree, not just its summary line.")
    boolean verbose;

    @Option(names = "--count", paramLabel = "N", description = "Stop after N messages (for generic netlink groups the "
            + "nlctrl lookup that named them, request + reply + ACK, comes first and counts too).")
    long count;

    @Option(names = "--duration", paramLabel = "S", description = "Stop after S seconds.")
    double duration;

    @Option(names = {"-q", "--quiet"}, description = "Print no message (only the summary and any overrun): with --write, "
            + "the capture goes to the file without being decoded, which keeps up with a flood.")
    boolean quiet;

    /** 16 MiB: about 100,000 small notifications queued while nlwb is busy, before an overrun. */
    static final int LARGE_RCVBUF = 16 * 1024 * 1024;

    @Option(names = "--rcvbuf", paramLabel = "BYTES", description = "Socket receive buffer (SO_RCVBUF; SO_RCVBUFFORCE with "
            + "--force-rcvbuf). Default: 16 MiB through SO_RCVBUFFORCE, or what net.core.rmem_max allows without CAP_NET_ADMIN.")
    int rcvbuf;

    @Option(names = "--force-rcvbuf", description = "Set the receive buffer beyond net.core.rmem_max (needs CAP_NET_ADMIN).")
    boolean forceRcvbuf;

    @Option(names = "--all-nsid", description = "NETLINK_LISTEN_ALL_NSID: also notifications of namespaces that have an "
            + "id here (ip netns set); the record's location names the nsid. Needs CAP_NET_BROADCAST.")
    boolean allNsid;

    @Option(names = "--spec-dir", paramLabel = "DIR", description = "Extra directory of YNL spec files (repeatable).")
    List<Path> specDirs = new ArrayList<>();

    @Override
    public Integer call() throws IOException, InterruptedException {
        int proto = Protocol.parse(protocol).orElse(Integer.MIN_VALUE);
        if (proto == Integer.MIN_VALUE) {
            System.err.println("nlwb monitor: unknown --protocol " + protocol + " (route, generic, netfilter, sock_diag, ...)");
            return 2;
        }
        LiveRun run = new LiveRun("monitor", json, verbose, count, duration, write, specDirs).quiet(quiet);
        if (nlmon) {
            return run.run(new NlmonSource(netns, "nlwbmon0"), netns);
        }
        if (groups.isEmpty()) {
            System.err.println("nlwb monitor: name the groups to join with --groups (e.g. --groups link,ipv4-ifaddr), "
                    + "or use --nlmon");
            return 2;
        }
        if (proto != Protocol.GENERIC) {
            // names nlwb knows without a kernel: a misspelt one is a usage error, before anything opens
            try {
                SubscribeGroups.fixed("--groups", proto, groups);
            } catch (UsageError e) {
                System.err.println("nlwb monitor: " + e.getMessage());
                return 2;
            }
        }
        boolean large = rcvbuf <= 0;
        return run.run(new MonitorSource(new MonitorSource.Options(proto, groups, netns, large ? LARGE_RCVBUF : rcvbuf,
                        large || forceRcvbuf, allNsid)),
                netns);
    }
}
