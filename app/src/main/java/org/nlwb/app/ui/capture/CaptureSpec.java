package org.nlwb.app.ui.capture;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nlwb.capture.live.LiveSource;
import org.nlwb.capture.live.MonitorSource;
import org.nlwb.capture.live.NlmonSource;
import org.nlwb.capture.live.StraceFeed;
import org.nlwb.capture.live.TraceSource;
import org.nlwb.decoder.model.Protocol;

/**
 * What the capture panel was asked to capture, as typed: the source kind, the namespace and the
 * kind's own settings. {@link #source} checks it and builds the {@link LiveSource}.
 *
 * @param protocol  monitor: protocol name ({@code route}, {@code generic} ...)
 * @param groups    monitor: comma-separated group names
 * @param command   trace: the command line (split on blanks; quotes group words)
 * @param netns     namespace name, blank for nlwb's own
 * @param writeFile a capture file to write as records arrive, or null
 */
public record CaptureSpec(Kind kind, String protocol, String groups, String command, String netns, Path writeFile) {

    /** The sources the panel offers. */
    public enum Kind {
        MONITOR("Monitor groups"), TRACE("Trace a command"), NLMON("nlmon (all netlink traffic)");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** The namespace, or null for nlwb's own. */
    public String namespace() {
        return netns == null || netns.isBlank() ? null : netns.strip();
    }

    /**
     * Builds the source; {@code traceOutput} receives a traced command's output lines.
     *
     * @throws IllegalArgumentException with a message for the person when a field is wrong
     */
    public LiveSource source(java.util.function.Consumer<String> traceOutput) {
        return switch (kind) {
            case MONITOR -> {
                int p = Protocol.parse(protocol == null ? "" : protocol)
                        .orElseThrow(() -> new IllegalArgumentException("unknown protocol '" + protocol
                                + "' (route, generic, netfilter, sock_diag, 0..31)"));
                List<String> g = new ArrayList<>();
                for (String s : (groups == null ? "" : groups).split(",")) {
                    if (!s.isBlank()) {
                        g.add(s.strip());
                    }
                }
                if (g.isEmpty()) {
                    throw new IllegalArgumentException("name at least one group (e.g. link,ipv4-ifaddr, or all)");
                }
                yield new MonitorSource(MonitorSource.Options.of(p, g, namespace()));
            }
            case TRACE -> {
                List<String> words = split(command == null ? "" : command);
                if (words.isEmpty()) {
                    throw new IllegalArgumentException("type the command to trace (e.g. ip addr show)");
                }
                yield new TraceSource(new TraceSource.Options(words, namespace(), null, traceOutput),
                        StraceFeed.factory());
            }
            case NLMON -> new NlmonSource(namespace(), "nlwbmon0");
        };
    }

    /** Splits a command line on blanks; single or double quotes keep blanks inside a word. */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                if (word == null) {
                    word = new StringBuilder();
                }
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    out.add(word.toString());
                    word = null;
                }
            } else {
                if (word == null) {
                    word = new StringBuilder();
                }
                word.append(c);
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unclosed " + quote + " in the command: " + line);
        }
        if (word != null) {
            out.add(word.toString());
        }
        return out;
    }

    /** Protocol names offered in the panel. */
    public static List<String> protocols() {
        return Arrays.asList("route", "generic", "netfilter", "sock_diag", "xfrm", "audit", "kobject_uevent",
                "connector", "selinux", "rdma");
    }
}
