package org.nlwb.capture.send;

import java.io.IOException;
import java.util.Optional;
import org.nlwb.capture.agent.UserNamespaceSupport;
import org.nlwb.capture.sys.Sys;
import org.nlwb.capture.testing.Links;
import org.nlwb.decoder.model.Protocol;

/**
 * A child JVM run as {@code nobody} by {@link UnprivilegedSendTest}: the default target, a veth
 * pair, a dump. Prints {@code uid}, {@code where}, {@code veth ENDING error N}, {@code links ...};
 * or {@code refused REASON} where the kernel allows no user namespace, {@code failed MESSAGE}.
 */
public final class UnprivilegedSendMain {
    private UnprivilegedSendMain() {
    }

    public static void main(String[] args) {
        System.out.println("uid " + Sys.libc().geteuid());
        Optional<String> refusal = new UserNamespaceSupport().refusal();
        if (refusal.isPresent()) {
            System.out.println("refused " + refusal.get());
            return;
        }
        try (SendSession s = SendSession.open(SendTarget.throwaway())) {
            System.out.println("where " + s.where());
            SendResult r = s.send(SendRequest.of(Protocol.ROUTE, Links.newVeth("uv0", "uv1")).withFixUp(true));
            System.out.println("veth " + r.ending() + " error " + r.error());
            SendResult d = s.send(SendRequest.of(Protocol.ROUTE, Links.dumpLinks()).withFixUp(true));
            System.out.println("links " + String.join(",", Links.names(d.replyMessages())));
        } catch (IOException e) {
            System.out.println("failed " + e.getMessage());
        }
    }
}
