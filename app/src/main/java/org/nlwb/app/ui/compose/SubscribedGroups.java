package org.nlwb.app.ui.compose;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.nlwb.capture.groups.GroupResolver;
import org.nlwb.capture.groups.MulticastGroup;
import org.nlwb.capture.send.SendSession;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Protocol;

/**
 * The composer's "Subscribe" field: group names as {@code nlwb monitor --groups} takes them
 * ({@code link}, {@code ipv4-ifaddr}, a number; generic netlink {@code FAMILY:GROUP} or
 * {@code FAMILY}), separated by commas or blanks. Names of every protocol but generic netlink
 * are checked before anything is sent ({@link #checked}); generic netlink families are asked of
 * the target's kernel through the send's session, their look-ups kept in the conversation so
 * the notifications' family ids are named.
 */
final class SubscribedGroups {
    private SubscribedGroups() {
    }

    /** The names typed in the field, blanks and commas between them. */
    static List<String> names(String text) {
        return text == null ? List.of()
                : Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * Checks {@code names} that need no kernel (all but generic netlink ones).
     *
     * @throws IOException the resolver's message for an unknown name
     */
    static void checked(int protocol, List<String> names) throws IOException {
        if (protocol != Protocol.GENERIC) {
            fixed(protocol, names);
        }
    }

    /** The group numbers of {@code names}; generic netlink families looked up in {@code session}. */
    static List<Integer> resolve(int protocol, List<String> names, SendSession session, Capture lookups)
            throws IOException {
        Set<MulticastGroup> out = new LinkedHashSet<>();
        for (String name : names) {
            if (protocol != Protocol.GENERIC || name.matches("\\d{1,9}")) {
                out.addAll(fixed(protocol, List.of(name)));
            } else {
                out.addAll(genl(name, session, lookups));
            }
        }
        return out.stream().map(MulticastGroup::id).toList();
    }

    private static List<MulticastGroup> fixed(int protocol, List<String> names) throws IOException {
        return GroupResolver.resolve(protocol, names, () -> {
            throw new IllegalStateException("generic netlink groups are resolved through the session");
        });
    }

    private static List<MulticastGroup> genl(String spec, SendSession session, Capture lookups) throws IOException {
        return session.genlGroups(spec, lookups);
    }
}
