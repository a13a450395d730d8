package org.nlwb.capture.load;

import java.io.IOException;
import org.nlwb.capture.netns.ThrowawayNamespace;
import org.nlwb.capture.socket.NetlinkSocket;
import org.nlwb.decoder.model.Protocol;

/**
 * A throwaway namespace ({@code nlwb-load-PID-N}) with a socket in it that runs an
 * {@link AddressChurn} on the namespace's loopback (index 1, left down so that no local routes are
 * made for the address). Closing removes the namespace.
 */
public final class ChurnNamespace implements AutoCloseable {
    /** The loopback link's index in a new namespace. */
    public static final int LOOPBACK = 1;
    private static final int ERROR_BUFFER = 4 * 1024 * 1024;

    private final ThrowawayNamespace namespace;
    private final NetlinkSocket socket;

    private ChurnNamespace(ThrowawayNamespace namespace, NetlinkSocket socket) {
        this.namespace = namespace;
        this.socket = socket;
    }

    /** Creates the namespace and the sending socket (needs root). */
    public static ChurnNamespace create() throws IOException {
        ThrowawayNamespace ns = ThrowawayNamespace.create("nlwb-load");
        try {
            NetlinkSocket s = NetlinkSocket.openIn(ns.name(), Protocol.ROUTE);
            s.setReceiveBuffer(ERROR_BUFFER, true);
            return new ChurnNamespace(ns, s);
        } catch (IOException | RuntimeException e) {
            ns.close();
            throw e;
        }
    }

    public String name() {
        return namespace.name();
    }

    /** A churn of {@code batch} requests a datagram on this namespace's loopback. */
    public AddressChurn churn(int batch) {
        return new AddressChurn(socket, LOOPBACK, batch);
    }

    /** The port id the notifications of the churn carry in nlmsg_pid. */
    public int portId() {
        return socket.portId();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        namespace.close();
    }
}
