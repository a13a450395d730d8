package org.nlwb.capture.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.nlwb.capture.netns.NetNamespace;
import org.nlwb.capture.testing.ChildJvm;
import org.nlwb.capture.testing.Links;
import org.nlwb.capture.testing.Privileges;
import org.nlwb.decoder.model.Protocol;

/** A send that waits ends with the reason it stopped: the timeout, a close, an interrupt, a signal. */
class SendSessionInterruptionTest {

    private static SendRequest veth(int timeout) {
        return SendRequest.of(Protocol.ROUTE, Links.newVeth("a0", "a1")).withTimeout(timeout);
    }

    @Test
    void noAnswerEndsAtTheTimeoutNamingWhatIsStillOwed() throws Exception {
        try (SendSession s = new SendSession(SendTarget.host(), SilentPlace.nowhere())) {
            SendResult r = s.send(veth(50));
            assertEquals(SendResult.Ending.TIMEOUT, r.ending());
            assertEquals("no complete answer within 50 ms: still waiting for the ACK of message 1 of 1 (seq 0)", r.note());
            assertEquals(1, r.records().size(), "the request is still part of the conversation");
        }
    }

    @Test
    void closingTheSessionFromAnotherThreadEndsTheSendInterrupted() throws Exception {
        SilentPlace place = SilentPlace.nowhere();
        SendSession s = new SendSession(SendTarget.host(), place);
        CompletableFuture<SendResult> sending = CompletableFuture.supplyAsync(() -> {
            try {
                return s.send(veth(600_000));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        place.sent.await();
        s.close();
        SendResult r = sending.get();
        assertEquals(SendResult.Ending.INTERRUPTED, r.ending());
        assertEquals("interrupted (the send session was closed) while waiting for the ACK of message 1 of 1 (seq 0)",
                r.note());
    }

    @Test
    void interruptingTheSendingThreadEndsTheSendInterrupted() throws Exception {
        SilentPlace place = SilentPlace.nowhere();
        try (SendSession s = new SendSession(SendTarget.host(), place)) {
            AtomicReference<SendResult> result = new AtomicReference<>();
            Thread t = new Thread(() -> {
                try {
                    result.set(s.send(veth(600_000)));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            t.start();
            place.sent.await();
            t.interrupt();
            t.join();
            assertEquals(SendResult.Ending.INTERRUPTED, result.get().ending());
            assertTrue(result.get().note().startsWith("interrupted (the sending thread was interrupted)"),
                    result.get().note());
        }
    }

    @Test
    void sigtermDuringASendEndsItInterruptedAndRemovesTheNamespace() throws Exception {
        Privileges.assumeRoot();
        try (ChildJvm child = ChildJvm.start(InterruptedSendMain.class)) {
            String first = child.readLine();
            assertTrue(first != null && first.startsWith("sending "), String.valueOf(first));
            String ns = first.substring("sending ".length());
            assertTrue(NetNamespace.exists(ns));
            child.process().toHandle().destroy(); // SIGTERM, the pipes left open to read what it says
            String said = child.readRest().strip();
            child.process().waitFor();
            assertEquals("INTERRUPTED: interrupted (SIGINT or SIGTERM: nlwb is shutting down) while waiting for the ACK"
                    + " of message 1 of 1 (seq 0)", said);
            assertFalse(NetNamespace.exists(ns), ns + " was removed by the hook");
        }
    }
}
