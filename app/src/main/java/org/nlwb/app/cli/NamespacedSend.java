package org.nlwb.app.cli;

import java.io.IOException;
import org.nlwb.capture.groups.GenlFamilies;
import org.nlwb.capture.groups.GenlFamily;
import org.nlwb.capture.netns.NetNamespace;
import org.nlwb.capture.netns.ThrowawayNamespace;
import org.nlwb.capture.socket.NetlinkExchange;
import org.nlwb.capture.socket.NetlinkSocket;
import org.nlwb.decoder.encode.EncodeException;
import org.nlwb.decoder.encode.MessageEncoder;
import org.nlwb.decoder.encode.Request;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.ynl.Family;
import org.nlwb.decoder.ynl.OpSpec;

/**
 * Sends one request where {@code nlwb send} was told to: by default in a network namespace made
 * for it and removed afterwards (also on Ctrl-C, through a shutdown hook), in an existing
 * namespace, or on the host. A generic netlink family's id (and version) is resolved through
 * nlctrl on the same socket first; every datagram, that look-up included, goes into the outcome's
 * capture.
 */
final class NamespacedSend {
    private static final String NS_PREFIX = "nlwb-send";

    private final String netns;
    private final boolean host;
    private final int timeoutMillis;

    /**
     * What one send produced.
     *
     * @param capture       the request, the replies, and any nlctrl look-up before them
     * @param requestRecord the record index of the request itself (the look-up comes before it)
     * @param where         {@code throwaway namespace nlwb-send-…}, {@code namespace NAME} or {@code host namespace}
     * @param op            the operation the request was encoded as
     */
    record Outcome(Capture capture, int requestRecord, NetlinkExchange.Reply reply, String where, Family family,
                   OpSpec op) {
    }

    /**
     * @param netns an existing namespace to send in, or null
     * @param host  send in the host's namespace (when {@code netns} is null)
     */
    NamespacedSend(String netns, boolean host, int timeoutMillis) {
        this.netns = netns;
        this.host = host;
        this.timeoutMillis = timeoutMillis;
    }

    /** Opens the socket where asked, resolves a genl id, sends, collects the answer. */
    Outcome send(MessageEncoder encoder, Request request, Family fam) throws Exception {
        if (host || netns != null) {
            if (netns != null && !NetNamespace.exists(netns)) {
                throw new IOException("no network namespace " + netns + " (" + NetNamespace.path(netns) + ")");
            }
            return sendIn(netns, host ? "host namespace" : "namespace " + netns, encoder, request, fam);
        }
        ThrowawayNamespace throwaway = ThrowawayNamespace.create(NS_PREFIX);
        // Ctrl-C while waiting for the kernel must not leave the namespace behind
        Thread cleanup = new Thread(() -> {
            try {
                throwaway.close();
            } catch (IOException e) {
                System.err.println("nlwb send: could not remove " + throwaway.name() + ": " + e.getMessage());
            }
        }, "nlwb-send-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            return sendIn(throwaway.name(), "throwaway namespace " + throwaway.name(), encoder, request, fam);
        } finally {
            boolean shuttingDown = false;
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException e) {
                shuttingDown = true; // the hook removes the namespace
            }
            if (!shuttingDown) {
                throwaway.close();
            }
        }
    }

    private Outcome sendIn(String ns, String where, MessageEncoder encoder, Request request, Family fam)
            throws IOException, EncodeException {
        Capture capture = new Capture("nlwb send " + fam.name() + " " + request.op(), "live");
        try (NetlinkSocket socket = NetlinkSocket.openIn(ns, fam.protocol())) {
            socket.setExtAck(true);
            socket.setCapAck(false);
            Request r = request;
            int genlId = 0;
            if (fam.schema().isGeneric() && !fam.name().equals("nlctrl")) {
                GenlFamily g = GenlFamilies.byName(socket, fam.name(), capture::append);
                genlId = g.id();
                r = r.withHeader(r.seq(), r.pid(), g.version());
            }
            int id = genlId;
            MessageEncoder.Encoded encoded = encoder.encode(r, name -> id);
            int requestRecord = capture.recordCount();
            NetlinkExchange.Reply reply = new NetlinkExchange(socket).tap(capture::append)
                    .request(encoded.bytes(), timeoutMillis);
            return new Outcome(capture, requestRecord, reply, where, fam, encoded.op());
        }
    }
}
