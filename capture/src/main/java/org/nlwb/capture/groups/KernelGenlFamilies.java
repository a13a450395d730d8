package org.nlwb.capture.groups;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.nlwb.capture.socket.NetlinkSocket;
import org.nlwb.decoder.decode.Conversation;
import org.nlwb.decoder.model.Protocol;

/**
 * The running kernel's generic netlink families as a {@link Conversation}: what a live capture
 * may fall back on for a family id its own messages never named. Asks nlctrl (a
 * CTRL_CMD_GETFAMILY dump, in the capture's namespace) on first use and again, at most once a
 * second, when an id is not known: families come and go with modules. A failure to ask is
 * remembered as "knows nothing" rather than thrown: decoding must never fail for it.
 */
public final class KernelGenlFamilies implements Conversation {
    private static final long REFRESH_NANOS = 1_000_000_000L;
    private final String netns;
    private Map<Integer, String> families = Map.of();
    private long askedAt;
    private boolean asked;
    private String problem;

    /** @param netns the namespace whose kernel view to ask (families are global, but the socket lives there), or null */
    public KernelGenlFamilies(String netns) {
        this.netns = netns;
    }

    @Override
    public synchronized Optional<String> genlFamily(int id) {
        String name = families.get(id);
        if (name == null && (!asked || System.nanoTime() - askedAt > REFRESH_NANOS)) {
            refresh();
            name = families.get(id);
        }
        return Optional.ofNullable(name);
    }

    /** Why the kernel could not be asked the last time, or null. */
    public synchronized String problem() {
        return problem;
    }

    private void refresh() {
        asked = true;
        askedAt = System.nanoTime();
        try (NetlinkSocket s = NetlinkSocket.openIn(netns, Protocol.GENERIC)) {
            Map<Integer, String> m = new HashMap<>();
            for (GenlFamily f : GenlFamilies.all(s)) {
                m.put(f.id(), f.name());
            }
            families = Map.copyOf(m);
            problem = null;
        } catch (IOException e) {
            problem = e.getMessage();
        }
    }
}
