package org.nlwb.capture.agent;

import org.nlwb.capture.send.SendRequest;
import org.nlwb.capture.send.SendResult;
import org.nlwb.capture.send.SendSession;
import org.nlwb.capture.send.SendTarget;
import org.nlwb.capture.testing.Links;
import org.nlwb.decoder.model.Protocol;

/**
 * A child JVM for {@link NamespaceAgentTest}: opens a session whose throwaway namespace an agent
 * holds, marks it with a veth pair, prints {@code agent PID NETNS} and waits to be killed.
 */
public final class HoldAgentMain {
    private HoldAgentMain() {
    }

    public static void main(String[] args) throws Exception {
        SendSession s = SendSession.open(SendTarget.throwaway(SendTarget.Making.AGENT));
        SendResult r = s.send(SendRequest.of(Protocol.ROUTE, Links.newVeth(args[0], args[0] + "p")).withFixUp(true));
        if (!r.succeeded()) {
            System.out.println("failed " + r.error() + " " + r.note());
            return;
        }
        long pid = s.agentPid().orElseThrow();
        System.out.println("agent " + pid + " " + java.nio.file.Files.readSymbolicLink(
                java.nio.file.Path.of("/proc/" + pid + "/ns/net")));
        System.out.flush();
        System.in.read(); // until killed
    }
}
