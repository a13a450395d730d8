package org.nlwb.capture.send;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.nlwb.capture.agent.NamespaceAgent;
import org.nlwb.capture.groups.GenlFamilies;
import org.nlwb.capture.groups.GenlFamily;
import org.nlwb.capture.groups.MulticastGroup;
import org.nlwb.capture.socket.ChannelOptions;
import org.nlwb.capture.socket.NetlinkChannel;
import org.nlwb.capture.sys.Sys;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.message.Errno;
import org.nlwb.decoder.message.MessageWriter;
import org.nlwb.decoder.message.Netlink;
import org.nlwb.decoder.message.NlFlags;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Protocol;

/**
 * A place to send netlink datagrams, open across many sends (the window keeps one per composer
 * tab): what one send creates, the next one sees.
 *
 * <pre>{@code
 * try (SendSession s = SendSession.open(SendTarget.throwaway())) {
 *     SendResult r = s.send(SendRequest.of(Protocol.ROUTE, newlinkVeth).withFixUp(true)
 *             .withGroups(List.of(RTNLGRP_LINK)));
 *     if (r.succeeded()) ...   // r.records(): request, ACK, notifications, with times
 * }
 * }</pre>
 *
 * <p>Each send opens a fresh request socket (NETLINK_EXT_ACK and NETLINK_CAP_ACK as the request
 * says) and, when groups are asked for, a listening socket joined to them, and closes both at
 * its end: no answer left over from one send can be taken for the next one's.
 *
 * <p>A throwaway namespace is removed by {@link #close}, on SIGINT/SIGTERM (a shutdown hook),
 * and, when an agent holds it, by the agent's end with this JVM whatever kills it. A send the
 * hook or a {@link #close} from another thread cuts short ends {@link SendResult.Ending#INTERRUPTED}
 * with the reason, not as a timeout. Sends run one at a time.
 */
public final class SendSession implements AutoCloseable {
    private final SendTarget target;
    private final Place place;
    private final AtomicInteger seq = new AtomicInteger((int) (System.currentTimeMillis() / 1000));
    private final AtomicInteger sends = new AtomicInteger();
    private final Object sending = new Object();
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Thread hook;
    private volatile String interruption;
    private volatile boolean closed;

    SendSession(SendTarget target, Place place) {
        this.target = target;
        this.place = place;
        this.hook = new Thread(() -> stop("SIGINT or SIGTERM: nlwb is shutting down"), "nlwb-send-session-hook");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Opens a session: makes the throwaway namespace (removing orphans of killed runs first), or
     * checks that the named one exists.
     *
     * @throws IOException saying what is missing: a namespace, root for ip netns, the sysctl
     *                     or AppArmor setting that refuses user namespaces
     */
    public static SendSession open(SendTarget target) throws IOException {
        Place p = place(target);
        try {
            return new SendSession(target, p);
        } catch (IllegalStateException e) { // the JVM is shutting down: no hook, so no session
            p.close();
            throw new IOException("not opening a send session: nlwb is shutting down", e);
        }
    }

    private static Place place(SendTarget target) throws IOException {
        if (target instanceof SendTarget.Host) {
            return LocalPlace.host();
        }
        if (target instanceof SendTarget.Named n) {
            return LocalPlace.named(n.name());
        }
        SendTarget.Making making = ((SendTarget.Throwaway) target).making();
        if (making == SendTarget.Making.IP_NETNS) {
            return LocalPlace.throwaway();
        }
        if (making == SendTarget.Making.AGENT || !Sys.isRoot()) {
            return new AgentPlace(NamespaceAgent.start());
        }
        try {
            return LocalPlace.throwaway();
        } catch (IOException viaIp) {
            try {
                return new AgentPlace(NamespaceAgent.start());
            } catch (IOException viaAgent) {
                throw new IOException("cannot make a throwaway namespace: with ip netns: " + viaIp.getMessage()
                        + "; with a namespace agent: " + viaAgent.getMessage(), viaAgent);
            }
        }
    }

    public SendTarget target() {
        return target;
    }

    /** {@code throwaway namespace nlwb-tmp-4711-1}, {@code unprivileged throwaway namespace (...)}. */
    public String where() {
        return place.where();
    }

    /** The name for {@code ip -n NAME}, when the namespace has one. */
    public Optional<String> netnsName() {
        return place.netnsName();
    }

    /** The namespace agent's pid ({@code nsenter --target PID}), when an agent holds the namespace. */
    public OptionalLong agentPid() {
        return place.agentPid();
    }

    /** Why the session stopped (SIGINT/SIGTERM, closed), or empty while it runs. */
    public Optional<String> interruption() {
        return Optional.ofNullable(interruption);
    }

    /**
     * Sends one datagram and collects the conversation (see {@link SendResult}).
     *
     * @throws IOException when a socket cannot be opened or the kernel refuses the datagram at
     *                     sendto (the message names the errno), or the session is closed
     */
    public SendResult send(SendRequest request) throws IOException {
        synchronized (sending) {
            ensureOpen();
            int number = sends.incrementAndGet();
            ChannelOptions requests = ChannelOptions.requests(request.protocol()).withAcks(request.extAck(), request.capAck());
            try (NotificationCollector notes = request.groups().isEmpty() ? null
                    : NotificationCollector.start(place.open(ChannelOptions.listener(request.protocol(), request.groups())));
                 NetlinkChannel channel = place.open(requests)) {
                byte[] datagram = request.fixUp()
                        ? SeqFixUp.apply(request.datagram(), seq::incrementAndGet, channel.portId()) : request.datagram();
                return new Exchange(number, request, () -> interruption, stop).run(channel, notes, datagram);
            }
        }
    }

    /**
     * The multicast groups {@code spec} names on the target's kernel: {@code FAMILY} (all of its
     * groups) or {@code FAMILY:GROUP}. The CTRL_CMD_GETFAMILY exchange is appended to
     * {@code lookups}, so a capture of the conversation names the family's id.
     *
     * @throws IOException when the family or the group does not exist (the message names what it has)
     */
    public List<MulticastGroup> genlGroups(String spec, Capture lookups) throws IOException {
        int colon = spec.indexOf(':');
        String family = colon < 0 ? spec : spec.substring(0, colon);
        GenlLookup found = genlFamily(family);
        found.exchange().appendTo(lookups);
        List<MulticastGroup> groups = found.family().groups();
        if (colon < 0) {
            if (groups.isEmpty()) {
                throw new IOException("generic netlink family " + family + " has no multicast groups");
            }
            return groups;
        }
        List<String> known = new ArrayList<>();
        for (MulticastGroup g : groups) {
            if (g.name().equals(spec)) {
                return List.of(g);
            }
            known.add(g.name());
        }
        throw new IOException("generic netlink family " + family + " has no multicast group '"
                + spec.substring(colon + 1) + "'" + (known.isEmpty() ? " (it has none)" : "; it has: " + String.join(", ", known)));
    }

    /**
     * Looks up a generic netlink family by name in the target's kernel (CTRL_CMD_GETFAMILY).
     *
     * @throws IOException when the kernel has no such family (ENOENT) or does not answer
     */
    public GenlLookup genlFamily(String name) throws IOException {
        byte[] req = MessageWriter.message(Netlink.GENL_ID_CTRL, NlFlags.REQUEST | NlFlags.ACK)
                .u8(Netlink.CTRL_CMD_GETFAMILY).u8(1).u16(0)
                .attrString(Netlink.CTRL_ATTR_FAMILY_NAME, name).build();
        SendResult r = send(SendRequest.of(Protocol.GENERIC, req).withFixUp(true));
        for (ByteView m : r.replyMessages()) {
            if (m.u16le(4) == Netlink.GENL_ID_CTRL) {
                GenlFamily f = GenlFamilies.parse(m);
                return new GenlLookup(f, r);
            }
        }
        int error = r.error();
        String why = error == -Sys.ENOENT ? "ENOENT (the kernel has no such family)"
                : error != 0 ? Errno.signedName(error) + (Errno.text(error) != null ? " (" + Errno.text(error) + ")" : "")
                : r.note();
        throw new IOException("generic netlink family '" + name + "' in " + where() + ": " + why);
    }

    /**
     * The attribute policy of generic netlink family {@code name} on the target's kernel (a
     * CTRL_CMD_GETPOLICY dump; {@code cmd} null for every operation), its replies named through
     * {@code registry}. See {@link PolicyFetch}.
     *
     * @throws IOException when the kernel has no such family or no policy for it
     */
    public PolicyFetch.Fetched genlPolicy(String name, Integer cmd, org.nlwb.decoder.registry.Registry registry)
            throws IOException {
        return PolicyFetch.fetch(this, name, cmd, registry);
    }

    /**
     * A socket of the session's namespace for the caller to own (a monitor of the namespace):
     * closing the session ends it too.
     */
    public NetlinkChannel openChannel(ChannelOptions options) throws IOException {
        ensureOpen();
        return place.open(options);
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("the send session in " + where() + " is closed"
                    + (interruption != null ? " (" + interruption + ")" : ""));
        }
    }

    /** Stops a running send with {@code why} and removes the namespace. */
    private void stop(String why) {
        if (interruption == null) {
            interruption = why;
        }
        stop.countDown();
        try {
            closePlace();
        } catch (IOException e) {
            System.err.println("nlwb: " + e.getMessage());
        }
    }

    private synchronized void closePlace() throws IOException {
        if (!closed) {
            closed = true;
            place.close();
        }
    }

    /**
     * Ends the session: a send running in another thread ends INTERRUPTED, the throwaway
     * namespace is removed. Later calls do nothing.
     */
    @Override
    public void close() throws IOException {
        if (interruption == null) {
            interruption = "the send session was closed";
        }
        stop.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // shutting down: the hook does the same
        }
        closePlace();
    }
}
