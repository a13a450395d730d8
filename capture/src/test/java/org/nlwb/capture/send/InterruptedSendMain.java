package org.nlwb.capture.send;

import java.util.concurrent.atomic.AtomicReference;
import org.nlwb.capture.testing.Links;
import org.nlwb.decoder.model.Protocol;

/**
 * A child JVM for {@link SendSessionInterruptionTest}: a send into a real throwaway namespace
 * that no answer ever ends; prints {@code sending NAME}, and when a signal ends it, the ending.
 * Its own shutdown hook waits for the send to return, as a command line would, to print why.
 */
public final class InterruptedSendMain {
    private InterruptedSendMain() {
    }

    public static void main(String[] args) throws Exception {
        SilentPlace place = new SilentPlace(LocalPlace.throwaway());
        SendSession s = new SendSession(SendTarget.throwaway(SendTarget.Making.IP_NETNS), place);
        Thread main = Thread.currentThread();
        AtomicReference<String> said = new AtomicReference<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                main.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            System.out.println(said.get());
            System.out.flush();
        }));
        // told only once the request is out and the send waits for its answer: a signal before that
        // would find nothing to interrupt (a race seen under CI load)
        String ns = s.netnsName().orElseThrow();
        Thread tell = new Thread(() -> {
            try {
                place.sent.await();
            } catch (InterruptedException e) {
                return;
            }
            System.out.println("sending " + ns);
            System.out.flush();
        }, "tell-sending");
        tell.setDaemon(true);
        tell.start();
        SendResult r = s.send(SendRequest.of(Protocol.ROUTE, Links.newVeth("iv0", "iv1")).withTimeout(600_000));
        said.set(r.ending() + ": " + r.note());
    }
}
