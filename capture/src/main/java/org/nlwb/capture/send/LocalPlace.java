package org.nlwb.capture.send;

import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;
import org.nlwb.capture.socket.Loopback;
import org.nlwb.capture.netns.NetNamespace;
import org.nlwb.capture.netns.ThrowawayNamespace;
import org.nlwb.capture.socket.ChannelOptions;
import org.nlwb.capture.socket.NetlinkChannel;
import org.nlwb.capture.socket.NetlinkSocket;
import org.nlwb.decoder.model.Protocol;

/** Sockets of this process: in the host's namespace, a named one, or an ip-netns throwaway it owns. */
final class LocalPlace implements Place {
    private final String netns;
    private final ThrowawayNamespace owned;

    private LocalPlace(String netns, ThrowawayNamespace owned) {
        this.netns = netns;
        this.owned = owned;
    }

    static LocalPlace host() {
        return new LocalPlace(null, null);
    }

    static LocalPlace named(String name) throws IOException {
        if (!NetNamespace.exists(name)) {
            throw new IOException("no network namespace " + name + " (" + NetNamespace.path(name) + ")");
        }
        return new LocalPlace(name, null);
    }

    /** Removes orphans of killed runs first, then makes {@code nlwb-tmp-PID-N} with lo up. */
    static LocalPlace throwaway() throws IOException {
        try {
            ThrowawayNamespace.cleanup();
        } catch (IOException e) {
            // another run's leftover that will not go is no reason not to make ours; --cleanup reports it
        }
        ThrowawayNamespace ns = ThrowawayNamespace.create(ThrowawayNamespace.TMP_PREFIX);
        LocalPlace p = new LocalPlace(ns.name(), ns);
        try (NetlinkChannel route = p.open(ChannelOptions.requests(Protocol.ROUTE))) {
            Loopback.up(route);
        } catch (IOException | RuntimeException e) {
            ns.close();
            throw e;
        }
        return p;
    }

    @Override
    public NetlinkChannel open(ChannelOptions options) throws IOException {
        NetlinkSocket s = NetlinkSocket.openIn(netns, options.protocol());
        return options.applyTo(s);
    }

    @Override
    public String where() {
        return netns == null ? "host namespace" : owned != null ? "throwaway namespace " + netns : "namespace " + netns;
    }

    @Override
    public Optional<String> netnsName() {
        return Optional.ofNullable(netns);
    }

    @Override
    public OptionalLong agentPid() {
        return OptionalLong.empty();
    }

    @Override
    public void close() throws IOException {
        if (owned != null) {
            owned.close();
        }
    }
}
