package org.nlwb.decoder.read;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nlwb.decoder.model.Protocol;

/**
 * Which fds of a trace are netlink sockets, and of what protocol: learnt from
 * {@code socket(AF_NETLINK, ..., NETLINK_ROUTE) = 3} per pid and fd, and read from the
 * {@code -yy} note {@code 3<NETLINK:[ROUTE:21526]>} (inside another network namespace strace
 * prints only {@code 3<NETLINK:[54809]>}, so the socket() line is needed for the protocol).
 * An fd strace shows as TCP, UNIX and so on, or that a socket() call made non-netlink, is not
 * netlink; an fd of unknown kind is only when the call itself names {@code AF_NETLINK} or
 * {@code nlmsg_} fields.
 */
final class NetlinkFds {
    private static final Pattern NETLINK_NOTE = Pattern.compile("^NETLINK:\\[(?:([A-Za-z_0-9]+):)?(\\d+)\\]$");

    /** Netlink protocol by "pid/fd", then by fd alone; Protocol.UNKNOWN = netlink of unknown protocol. */
    private final Map<String, Integer> byPidFd = new HashMap<>();
    private final Map<Integer, Integer> byFd = new HashMap<>();
    /** fds a socket() call made something other than netlink, by "pid/fd". */
    private final Set<String> otherByPidFd = new HashSet<>();

    /** Records what {@code socket(args) = fd} made {@code fd} of {@code pid}. */
    void socketCreated(int pid, int fd, String args) {
        String key = pid + "/" + fd;
        String[] parts = args.split(",\\s*");
        if (parts.length >= 3 && parts[0].strip().equals("AF_NETLINK")) {
            String proto = parts[2].strip();
            int comment = proto.indexOf("/*");
            Optional<Integer> p = Protocol.parse(comment > 0 ? proto.substring(0, comment) : proto);
            if (p.isEmpty() && comment > 0) {
                p = Protocol.parse(proto.substring(comment + 2).replace("*/", ""));
            }
            int protocol = p.orElse(Protocol.UNKNOWN);
            byPidFd.put(key, protocol);
            byFd.put(fd, protocol);
            otherByPidFd.remove(key);
        } else {
            byPidFd.remove(key);
            byFd.remove(fd);
            otherByPidFd.add(key);
        }
    }

    /**
     * The netlink protocol of the fd a call uses, UNKNOWN for netlink of unknown protocol, empty
     * when not netlink.
     *
     * @param note the fd's {@code -y}/{@code -yy} note, or null
     * @param args the call's arguments, for a hint when nothing else says what the fd is
     */
    Optional<Integer> protocol(int pid, int fd, String note, String args) {
        String key = pid + "/" + fd;
        Integer known = byPidFd.get(key);
        if (note != null && note.startsWith("socket:[")) {
            note = null; // plain -y says only "a socket", not which kind
        }
        if (note != null) {
            Matcher n = NETLINK_NOTE.matcher(note);
            if (!n.matches()) {
                return Optional.empty(); // strace says what it is, and it is not netlink
            }
            if (n.group(1) != null) {
                Optional<Integer> p = Protocol.parse(n.group(1));
                if (p.isPresent()) {
                    return p;
                }
            }
            if (known != null) {
                return Optional.of(known);
            }
            Integer shared = byFd.get(fd);
            return Optional.of(shared != null ? shared : Protocol.UNKNOWN);
        }
        if (known != null) {
            return Optional.of(known);
        }
        if (otherByPidFd.contains(key)) {
            return Optional.empty();
        }
        Integer shared = byFd.get(fd);
        if (shared != null) {
            return Optional.of(shared); // a thread or child sharing the parent's socket
        }
        if (args.contains("AF_NETLINK") || args.contains("nlmsg_len")) {
            return Optional.of(Protocol.UNKNOWN);
        }
        return Optional.empty();
    }
}
