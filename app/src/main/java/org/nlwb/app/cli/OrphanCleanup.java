package org.nlwb.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import org.nlwb.capture.netns.ThrowawayNamespace;

/**
 * {@code nlwb send --cleanup}: removes the {@code nlwb-...-PID-N} namespaces whose nlwb is gone
 * (killed with SIGKILL before it could remove them) and says which. A namespace held by a
 * namespace agent needs no cleanup: it ends with the agent, which ends with nlwb.
 */
final class OrphanCleanup {
    private OrphanCleanup() {
    }

    /** Exit 0 when every orphan went (or there was none), 1 naming those that would not. */
    static int run(PrintWriter out, PrintWriter err) {
        try {
            List<String> removed = ThrowawayNamespace.cleanup();
            if (removed.isEmpty()) {
                out.println("nlwb send: no orphaned nlwb namespaces");
            }
            for (String name : removed) {
                out.println("nlwb send: removed orphaned namespace " + name);
            }
            out.flush();
            return 0;
        } catch (IOException e) {
            out.flush();
            err.println("nlwb send: " + e.getMessage());
            err.flush();
            return 1;
        }
    }
}
