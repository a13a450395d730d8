package org.nlwb.decoder.families;

import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.LongFunction;

/** Number → kernel constant name tables for the Java-written families. */
final class Names {
    private Names() {
    }

    /** {@code of("AF_INET", 2, "AF_INET6", 10)}: pairs of name and value. */
    static LongFunction<String> of(Object... nameValuePairs) {
        Map<Long, String> m = new HashMap<>();
        for (int i = 0; i + 1 < nameValuePairs.length; i += 2) {
            m.putIfAbsent(((Number) nameValuePairs[i + 1]).longValue(), (String) nameValuePairs[i]);
        }
        return m::get;
    }

    /** Names of consecutive values from {@code first}: a C enum without explicit values. */
    static LongFunction<String> sequence(long first, String... names) {
        Map<Long, String> m = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            if (names[i] != null) {
                m.put(first + i, names[i]);
            }
        }
        return m::get;
    }

    /** Bit {@code i} → {@code names[i]} (null for unnamed bits). */
    static IntFunction<String> bits(String... names) {
        return i -> i < names.length ? names[i] : null;
    }

    /** Address families (linux/socket.h) the diag and route families print. */
    static final LongFunction<String> ADDRESS_FAMILIES = of(
            "AF_UNSPEC", 0, "AF_UNIX", 1, "AF_INET", 2, "AF_AX25", 3, "AF_IPX", 4, "AF_APPLETALK", 5,
            "AF_NETROM", 6, "AF_BRIDGE", 7, "AF_INET6", 10, "AF_DECnet", 12, "AF_KEY", 15, "AF_NETLINK", 16,
            "AF_PACKET", 17, "AF_TIPC", 30, "AF_BLUETOOTH", 31, "AF_CAN", 29, "AF_VSOCK", 40, "AF_MPLS", 28,
            "AF_SMC", 43, "AF_XDP", 44);

    /** IP protocol numbers (linux/in.h). */
    static final LongFunction<String> IP_PROTOCOLS = of(
            "IPPROTO_IP", 0, "IPPROTO_ICMP", 1, "IPPROTO_IGMP", 2, "IPPROTO_IPIP", 4, "IPPROTO_TCP", 6,
            "IPPROTO_EGP", 8, "IPPROTO_PUP", 12, "IPPROTO_UDP", 17, "IPPROTO_IDP", 22, "IPPROTO_TP", 29,
            "IPPROTO_DCCP", 33, "IPPROTO_IPV6", 41, "IPPROTO_RSVP", 46, "IPPROTO_GRE", 47, "IPPROTO_ESP", 50,
            "IPPROTO_AH", 51, "IPPROTO_ICMPV6", 58, "IPPROTO_MTP", 92, "IPPROTO_BEETPH", 94, "IPPROTO_ENCAP", 98,
            "IPPROTO_PIM", 103, "IPPROTO_COMP", 108, "IPPROTO_L2TP", 115, "IPPROTO_SCTP", 132,
            "IPPROTO_UDPLITE", 136, "IPPROTO_MPLS", 137, "IPPROTO_ETHERNET", 143, "IPPROTO_RAW", 255,
            "IPPROTO_MPTCP", 262);

    /** TCP states (include/net/tcp_states.h), as inet_diag reports them. */
    static final LongFunction<String> TCP_STATES = sequence(0, null, "TCP_ESTABLISHED", "TCP_SYN_SENT",
            "TCP_SYN_RECV", "TCP_FIN_WAIT1", "TCP_FIN_WAIT2", "TCP_TIME_WAIT", "TCP_CLOSE", "TCP_CLOSE_WAIT",
            "TCP_LAST_ACK", "TCP_LISTEN", "TCP_CLOSING", "TCP_NEW_SYN_RECV", "TCP_BOUND_INACTIVE");
}
