package org.nlwb.capture.send;

/**
 * Where a {@link SendSession} sends. Only {@link #host()} touches the machine's own network
 * namespace, and only because the caller said so.
 */
public sealed interface SendTarget permits SendTarget.Throwaway, SendTarget.Named, SendTarget.Host {

    /** How a throwaway namespace is made. */
    enum Making {
        /** {@link #IP_NETNS} as root (falling back to the agent when that fails), else {@link #AGENT}. */
        AUTO,
        /** {@code ip netns add nlwb-tmp-PID-N} (root): visible to {@code ip -n NAME}. */
        IP_NETNS,
        /** A namespace agent: user + network namespace without root, a network namespace as root. */
        AGENT
    }

    /** A namespace made for the session and removed with it (also on SIGINT/SIGTERM). */
    record Throwaway(Making making) implements SendTarget {
        @Override
        public String describe() {
            return switch (making) {
                case AUTO -> "a throwaway network namespace";
                case IP_NETNS -> "a throwaway network namespace (ip netns)";
                case AGENT -> "a throwaway network namespace held by a namespace agent";
            };
        }
    }

    /** An existing namespace, {@code /var/run/netns/NAME}; nothing is made or removed. */
    record Named(String name) implements SendTarget {
        public Named {
            if (name == null || name.isEmpty() || name.contains("/") || name.equals(".") || name.equals("..")
                    || name.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("not a network namespace name: '" + name
                        + "' (a name under /var/run/netns, without '/')");
            }
        }

        @Override
        public String describe() {
            return "network namespace " + name;
        }
    }

    /** The host's own namespace (nlwb's): sends change the machine for real. */
    record Host() implements SendTarget {
        @Override
        public String describe() {
            return "the host's network namespace";
        }
    }

    /** In words, for messages: {@code network namespace blue}. */
    String describe();

    /** The default: a throwaway namespace, made the best way this process can. */
    static SendTarget throwaway() {
        return new Throwaway(Making.AUTO);
    }

    static SendTarget throwaway(Making making) {
        return new Throwaway(making);
    }

    /** @throws IllegalArgumentException when {@code name} cannot be a namespace name */
    static SendTarget named(String name) {
        return new Named(name);
    }

    static SendTarget host() {
        return new Host();
    }
}
