package org.nlwb.app.ui.compose;

import java.io.IOException;
import java.util.Optional;
import org.nlwb.capture.send.SendSession;
import org.nlwb.capture.send.SendTarget;

/**
 * The one {@link SendSession} of a composer tab, opened on the first send to a target and kept
 * for the next (what one send creates, the next one sees); a new target closes the old session.
 * Closed with the tab and when the window goes. Thread-safe: sends run on worker threads.
 */
public final class SessionHolder implements AutoCloseable {
    private SendSession session;

    /** The session for {@code target}, opened (throwaway namespace made) when needed. */
    synchronized SendSession session(SendTarget target) throws IOException {
        if (session != null && !session.target().equals(target)) {
            session.close();
            session = null;
        }
        if (session == null || session.interruption().isPresent()) {
            session = SendSession.open(target);
        }
        return session;
    }

    /** The open session, if any. */
    public synchronized Optional<SendSession> current() {
        return Optional.ofNullable(session);
    }

    @Override
    public synchronized void close() {
        if (session != null) {
            try {
                session.close();
            } catch (IOException e) {
                System.err.println("nlwb: closing the composer's send session: " + e.getMessage());
            }
            session = null;
        }
    }
}
