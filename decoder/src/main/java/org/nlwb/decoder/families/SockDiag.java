package org.nlwb.decoder.families;

import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.LongFunction;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.AttributeSet;
import org.nlwb.decoder.decode.DecodeScope;
import org.nlwb.decoder.decode.Decoded;
import org.nlwb.decoder.decode.SimpleAttributeSet;
import org.nlwb.decoder.decode.ValueType;
import org.nlwb.decoder.decode.Values;
import org.nlwb.decoder.message.FlagKind;
import org.nlwb.decoder.message.NlFlags;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.registry.MessageClass;
import org.nlwb.decoder.registry.MessageContext;
import org.nlwb.decoder.registry.MessageClassResolver;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.tree.Node;

/**
 * NETLINK_SOCK_DIAG ({@code linux/sock_diag.h}, {@code inet_diag.h}, {@code unix_diag.h},
 * {@code netlink_diag.h}, {@code packet_diag.h}). Every request and reply body starts with the
 * address family, so one message type (SOCK_DIAG_BY_FAMILY) means four different layouts:
 *
 * <pre>
 *  body: | sdiag_family u8 | ... family's req or msg struct ... | attributes |
 *          AF_INET/AF_INET6 → inet_diag, AF_UNIX → unix_diag, AF_NETLINK → netlink_diag,
 *          AF_PACKET → packet_diag
 * </pre>
 *
 * A request is a message with NLM_F_REQUEST; anything else is a reply ({@code *_diag_msg}).
 */
final class SockDiag {
    static final int TCPDIAG_GETSOCK = 18;
    static final int DCCPDIAG_GETSOCK = 19;
    static final int SOCK_DIAG_BY_FAMILY = 20;
    static final int SOCK_DESTROY = 21;

    private static final LongFunction<String> TYPES = Names.of("TCPDIAG_GETSOCK", TCPDIAG_GETSOCK,
            "DCCPDIAG_GETSOCK", DCCPDIAG_GETSOCK, "SOCK_DIAG_BY_FAMILY", SOCK_DIAG_BY_FAMILY, "SOCK_DESTROY", SOCK_DESTROY);

    private SockDiag() {
    }

    static void contribute(Registry.Builder r) {
        MessageClass inet = new Family("inet_diag", Inet.REQ, Inet.MSG_V4, Inet.MSG_V6, Inet.REQ_V6,
                Inet.REQ_ATTRS, Inet.ATTRS, SockDiag::inetSummary);
        // TCPDIAG_GETSOCK / DCCPDIAG_GETSOCK: the older request, struct inet_diag_req, same replies
        MessageClass inetLegacy = new Family("inet_diag_legacy", Inet.REQ_V1, Inet.MSG_V4, Inet.MSG_V6, Inet.REQ_V1_V6,
                Inet.REQ_ATTRS, Inet.ATTRS, SockDiag::inetSummary);
        MessageClass unix = new Family("unix_diag", Unix.REQ, Unix.MSG, null, null,
                AttributeSet.unknown("unix-diag-req-attrs"), Unix.ATTRS, null);
        MessageClass netlink = new Family("netlink_diag", NetlinkDiag.REQ, NetlinkDiag.MSG, null, null,
                AttributeSet.unknown("netlink-diag-req-attrs"), NetlinkDiag.ATTRS, null);
        MessageClass packet = new Family("packet_diag", Packet.REQ, Packet.MSG, null, null,
                AttributeSet.unknown("packet-diag-req-attrs"), Packet.ATTRS, null);
        MessageClassResolver byFamily = (msg, body) -> {
            if (msg.header() == null || body.isEmpty()) {
                return Optional.empty();
            }
            int type = msg.header().type();
            if (type == TCPDIAG_GETSOCK || type == DCCPDIAG_GETSOCK) {
                return Optional.of(inetLegacy);
            }
            if (type != SOCK_DIAG_BY_FAMILY && type != SOCK_DESTROY) {
                return Optional.empty();
            }
            return Optional.ofNullable(switch (body.u8(0)) {
                case 2, 10 -> inet;
                case 1 -> unix;
                case 16 -> netlink;
                case 17 -> packet;
                default -> null;
            });
        };
        r.add(inet).add(inetLegacy).add(unix).add(netlink).add(packet).resolver(Protocol.SOCK_DIAG, byFamily);
    }

    /** One address family's request/reply pair. */
    private record Family(String name, StructLayout request, StructLayout reply, StructLayout reply6,
                          StructLayout request6, AttributeSet requestAttrs, AttributeSet replyAttrs,
                          java.util.function.Function<Node, String> summarizer) implements MessageClass {
        @Override
        public String typeName(MessageContext msg) {
            return msg.header() == null ? null : TYPES.apply(msg.header().type());
        }

        @Override
        public FlagKind flagKind(MessageContext msg) {
            return msg.header() != null && msg.header().type() == SOCK_DESTROY ? FlagKind.DEL : FlagKind.GET;
        }

        @Override
        public List<Node> decodeBody(MessageContext msg, ByteView body, DecodeScope scope) {
            boolean isRequest = msg.header() != null && (msg.header().flags() & NlFlags.REQUEST) != 0;
            boolean v6 = !body.isEmpty() && body.u8(0) == 10;
            StructLayout layout = isRequest ? (v6 && request6 != null ? request6 : request)
                    : (v6 && reply6 != null ? reply6 : reply);
            return Bodies.headerThenAttributes(body, scope, layout, isRequest ? requestAttrs : replyAttrs);
        }

        @Override
        public String summary(Node tree) {
            return summarizer == null ? null : summarizer.apply(tree);
        }
    }

    private static String inetSummary(Node tree) {
        Node msg = tree.child("inet_diag_msg");
        if (msg == null) {
            Node req = tree.child("inet_diag_req_v2");
            if (req == null) {
                return null;
            }
            return tree.name() + " request " + display(req.child("sdiag_family")) + " " + display(req.child("sdiag_protocol"));
        }
        Node id = msg.child("id");
        if (id == null || id.child("idiag_src") == null || id.child("idiag_dst") == null) {
            return null;
        }
        return tree.name() + " " + display(msg.child("idiag_state")) + " " + id.child("idiag_src").value() + ":"
                + id.child("idiag_sport").value() + " → " + id.child("idiag_dst").value() + ":"
                + id.child("idiag_dport").value() + " inode " + (msg.child("idiag_inode") == null ? "?" : msg.child("idiag_inode").value());
    }

    private static String display(Node n) {
        if (n == null || n.display() == null) {
            return "?";
        }
        String d = n.display();
        int p = d.indexOf(" (");
        return p > 0 ? d.substring(0, p) : d;
    }

    /** {@code __be32 addr[4]} shown as the address of the family (IPv4 uses the first word). */
    private static StructLayout sockid(boolean v6) {
        java.util.function.Function<ByteView, Decoded> addr = v -> v6 ? Values.address(v)
                : Values.address(v.slice(0, 4));
        return StructLayout.builder("inet_diag_sockid")
                .field("idiag_sport", ValueType.BE16)
                .field("idiag_dport", ValueType.BE16)
                .custom("idiag_src", 16, addr)
                .custom("idiag_dst", 16, addr)
                .field("idiag_if", ValueType.U32)
                .array("idiag_cookie", ValueType.U32, 2)
                .build();
    }

    /** inet_diag: TCP, UDP, DCCP, raw, SCTP, MPTCP sockets of AF_INET and AF_INET6. */
    static final class Inet {
        static final IntFunction<String> EXT_BITS = Names.bits("INET_DIAG_MEMINFO", "INET_DIAG_INFO",
                "INET_DIAG_VEGASINFO", "INET_DIAG_CONG", "INET_DIAG_TOS", "INET_DIAG_TCLASS", "INET_DIAG_SKMEMINFO",
                "INET_DIAG_SHUTDOWN");
        static final IntFunction<String> STATE_BITS = i -> {
            String s = Names.TCP_STATES.apply(i);
            return s == null ? null : "1<<" + s;
        };

        private static StructLayout req(boolean v6) {
            return StructLayout.builder("inet_diag_req_v2")
                    .enumField("sdiag_family", ValueType.U8, Names.ADDRESS_FAMILIES)
                    .enumField("sdiag_protocol", ValueType.U8, Names.IP_PROTOCOLS)
                    .flags("idiag_ext", ValueType.U8, EXT_BITS)
                    .field("pad", ValueType.U8)
                    .flags("idiag_states", ValueType.U32, STATE_BITS)
                    .struct("id", sockid(v6))
                    .build();
        }

        private static StructLayout msg(boolean v6) {
            return StructLayout.builder("inet_diag_msg")
                    .enumField("idiag_family", ValueType.U8, Names.ADDRESS_FAMILIES)
                    .enumField("idiag_state", ValueType.U8, Names.TCP_STATES)
                    .field("idiag_timer", ValueType.U8)
                    .field("idiag_retrans", ValueType.U8)
                    .struct("id", sockid(v6))
                    .field("idiag_expires", ValueType.U32)
                    .field("idiag_rqueue", ValueType.U32)
                    .field("idiag_wqueue", ValueType.U32)
                    .field("idiag_uid", ValueType.U32)
                    .field("idiag_inode", ValueType.U32)
                    .build();
        }

        /** {@code struct inet_diag_req}: the request of TCPDIAG_GETSOCK and DCCPDIAG_GETSOCK. */
        private static StructLayout reqV1(boolean v6) {
            return StructLayout.builder("inet_diag_req")
                    .enumField("idiag_family", ValueType.U8, Names.ADDRESS_FAMILIES)
                    .field("idiag_src_len", ValueType.U8)
                    .field("idiag_dst_len", ValueType.U8)
                    .flags("idiag_ext", ValueType.U8, EXT_BITS)
                    .struct("id", sockid(v6))
                    .flags("idiag_states", ValueType.U32, STATE_BITS)
                    .field("idiag_dbs", ValueType.U32)
                    .build();
        }

        static final StructLayout REQ_V1 = reqV1(false);
        static final StructLayout REQ_V1_V6 = reqV1(true);
        static final StructLayout REQ = req(false);
        static final StructLayout REQ_V6 = req(true);
        static final StructLayout MSG_V4 = msg(false);
        static final StructLayout MSG_V6 = msg(true);

        static final StructLayout MEMINFO = StructLayout.builder("inet_diag_meminfo")
                .field("idiag_rmem", ValueType.U32).field("idiag_wmem", ValueType.U32)
                .field("idiag_fmem", ValueType.U32).field("idiag_tmem", ValueType.U32).build();
        static final StructLayout VEGAS = StructLayout.builder("tcpvegas_info")
                .field("tcpv_enabled", ValueType.U32).field("tcpv_rttcnt", ValueType.U32)
                .field("tcpv_rtt", ValueType.U32).field("tcpv_minrtt", ValueType.U32).build();
        static final StructLayout DCTCP = StructLayout.builder("tcp_dctcp_info")
                .field("dctcp_enabled", ValueType.U16).field("dctcp_ce_state", ValueType.U16)
                .field("dctcp_alpha", ValueType.U32).field("dctcp_ab_ecn", ValueType.U32)
                .field("dctcp_ab_tot", ValueType.U32).build();
        static final StructLayout BBR = StructLayout.builder("tcp_bbr_info")
                .field("bbr_bw_lo", ValueType.U32).field("bbr_bw_hi", ValueType.U32)
                .field("bbr_min_rtt", ValueType.U32).field("bbr_pacing_gain", ValueType.U32)
                .field("bbr_cwnd_gain", ValueType.U32).build();
        /** {@code struct inet_diag_sockopt}: two bytes of one-bit fields. */
        static final IntFunction<String> SOCKOPT_BITS = Names.bits("recverr", "is_icsk", "freebind", "hdrincl",
                "mc_loop", "transparent", "mc_all", "nodefrag", "bind_address_no_port", "recverr_rfc4884",
                "defer_connect");

        /** {@code struct tcp_info} (linux/tcp.h); older kernels send a prefix of it. */
        static final StructLayout TCP_INFO = tcpInfo();

        private static StructLayout tcpInfo() {
            StructLayout.Builder b = StructLayout.builder("tcp_info")
                    .enumField("tcpi_state", ValueType.U8, Names.TCP_STATES)
                    .field("tcpi_ca_state", ValueType.U8).field("tcpi_retransmits", ValueType.U8)
                    .field("tcpi_probes", ValueType.U8).field("tcpi_backoff", ValueType.U8)
                    .flags("tcpi_options", ValueType.U8, Names.bits("TCPI_OPT_TIMESTAMPS", "TCPI_OPT_SACK",
                            "TCPI_OPT_WSCALE", "TCPI_OPT_ECN", "TCPI_OPT_ECN_SEEN", "TCPI_OPT_SYN_DATA", "TCPI_OPT_USEC_TS"))
                    .custom("tcpi_snd_wscale:4,tcpi_rcv_wscale:4", 1, v -> Decoded.of((long) v.u8(0),
                            "snd_wscale " + (v.u8(0) & 15) + ", rcv_wscale " + (v.u8(0) >> 4)))
                    .custom("tcpi_delivery_rate_app_limited:1,tcpi_fastopen_client_fail:2", 1, v -> Decoded.of(
                            (long) v.u8(0), "delivery_rate_app_limited " + (v.u8(0) & 1) + ", fastopen_client_fail "
                                    + ((v.u8(0) >> 1) & 3)));
            for (String f : new String[] {"rto", "ato", "snd_mss", "rcv_mss", "unacked", "sacked", "lost", "retrans",
                "fackets", "last_data_sent", "last_ack_sent", "last_data_recv", "last_ack_recv", "pmtu",
                "rcv_ssthresh", "rtt", "rttvar", "snd_ssthresh", "snd_cwnd", "advmss", "reordering", "rcv_rtt",
                "rcv_space", "total_retrans"}) {
                b.field("tcpi_" + f, ValueType.U32);
            }
            for (String f : new String[] {"pacing_rate", "max_pacing_rate", "bytes_acked", "bytes_received"}) {
                b.field("tcpi_" + f, ValueType.U64);
            }
            for (String f : new String[] {"segs_out", "segs_in", "notsent_bytes", "min_rtt", "data_segs_in",
                "data_segs_out"}) {
                b.field("tcpi_" + f, ValueType.U32);
            }
            for (String f : new String[] {"delivery_rate", "busy_time", "rwnd_limited", "sndbuf_limited"}) {
                b.field("tcpi_" + f, ValueType.U64);
            }
            b.field("tcpi_delivered", ValueType.U32).field("tcpi_delivered_ce", ValueType.U32)
                    .field("tcpi_bytes_sent", ValueType.U64).field("tcpi_bytes_retrans", ValueType.U64)
                    .field("tcpi_dsack_dups", ValueType.U32).field("tcpi_reord_seen", ValueType.U32)
                    .field("tcpi_rcv_ooopack", ValueType.U32).field("tcpi_snd_wnd", ValueType.U32);
            return b.build();
        }

        static final LongFunction<String> SK_MEMINFO = Names.sequence(0, "SK_MEMINFO_RMEM_ALLOC",
                "SK_MEMINFO_RCVBUF", "SK_MEMINFO_WMEM_ALLOC", "SK_MEMINFO_SNDBUF", "SK_MEMINFO_FWD_ALLOC",
                "SK_MEMINFO_WMEM_QUEUED", "SK_MEMINFO_OPTMEM", "SK_MEMINFO_BACKLOG", "SK_MEMINFO_DROPS");

        static final AttributeSet ULP = SimpleAttributeSet.builder("inet-ulp-info-attrs")
                .scalar(1, "INET_ULP_INFO_NAME", ValueType.STRING)
                .nested(2, "INET_ULP_INFO_TLS", AttributeSet.unknown("tls-info-attrs"))
                .nested(3, "INET_ULP_INFO_MPTCP", AttributeSet.unknown("mptcp-subflow-attrs"))
                .build();

        static final AttributeSet REQ_ATTRS = SimpleAttributeSet.builder("inet-diag-req-attrs")
                .scalar(1, "INET_DIAG_REQ_BYTECODE", ValueType.BINARY)
                .nested(2, "INET_DIAG_REQ_SK_BPF_STORAGES", AttributeSet.unknown("sk-diag-bpf-storage-req-attrs"))
                .add(3, new SimpleAttributeSet.Enumerated("INET_DIAG_REQ_PROTOCOL", ValueType.U32, Names.IP_PROTOCOLS))
                .build();

        static final AttributeSet ATTRS = SimpleAttributeSet.builder("inet-diag-attrs")
                .add(1, new Bodies.StructAttr("INET_DIAG_MEMINFO", MEMINFO))
                .add(2, new Bodies.StructAttr("INET_DIAG_INFO", TCP_INFO))
                .add(3, new Bodies.StructAttr("INET_DIAG_VEGASINFO", VEGAS))
                .scalar(4, "INET_DIAG_CONG", ValueType.STRING)
                .scalar(5, "INET_DIAG_TOS", ValueType.U8)
                .scalar(6, "INET_DIAG_TCLASS", ValueType.U8)
                .add(7, new Bodies.ArrayAttr("INET_DIAG_SKMEMINFO", ValueType.U32, SK_MEMINFO))
                .scalar(8, "INET_DIAG_SHUTDOWN", ValueType.U8)
                .add(9, new Bodies.StructAttr("INET_DIAG_DCTCPINFO", DCTCP))
                .add(10, new SimpleAttributeSet.Enumerated("INET_DIAG_PROTOCOL", ValueType.U8, Names.IP_PROTOCOLS))
                .scalar(11, "INET_DIAG_SKV6ONLY", ValueType.U8)
                .scalar(12, "INET_DIAG_LOCALS", ValueType.BINARY)
                .scalar(13, "INET_DIAG_PEERS", ValueType.BINARY)
                .scalar(14, "INET_DIAG_PAD", ValueType.BINARY)
                .scalar(15, "INET_DIAG_MARK", ValueType.U32)
                .add(16, new Bodies.StructAttr("INET_DIAG_BBRINFO", BBR))
                .scalar(17, "INET_DIAG_CLASS_ID", ValueType.U32)
                .scalar(18, "INET_DIAG_MD5SIG", ValueType.BINARY)
                .nested(19, "INET_DIAG_ULP_INFO", ULP)
                .nested(20, "INET_DIAG_SK_BPF_STORAGES", AttributeSet.unknown("sk-diag-bpf-storage-attrs"))
                .scalar(21, "INET_DIAG_CGROUP_ID", ValueType.U64)
                .add(22, new Bodies.FlagsAttr("INET_DIAG_SOCKOPT", ValueType.U16, SOCKOPT_BITS))
                .build();

        private Inet() {
        }
    }

    /** unix_diag: AF_UNIX sockets. */
    static final class Unix {
        static final LongFunction<String> SOCK_TYPES = Names.of("SOCK_STREAM", 1, "SOCK_DGRAM", 2, "SOCK_RAW", 3,
                "SOCK_RDM", 4, "SOCK_SEQPACKET", 5, "SOCK_DCCP", 6, "SOCK_PACKET", 10);
        static final StructLayout REQ = StructLayout.builder("unix_diag_req")
                .enumField("sdiag_family", ValueType.U8, Names.ADDRESS_FAMILIES)
                .field("sdiag_protocol", ValueType.U8)
                .field("pad", ValueType.U16)
                .flags("udiag_states", ValueType.U32, Inet.STATE_BITS)
                .field("udiag_ino", ValueType.U32)
                .flags("udiag_show", ValueType.U32, Names.bits("UDIAG_SHOW_NAME", "UDIAG_SHOW_VFS",
                        "UDIAG_SHOW_PEER", "UDIAG_SHOW_ICONS", "UDIAG_SHOW_RQLEN", "UDIAG_SHOW_MEMINFO", "UDIAG_SHOW_UID"))
                .array("udiag_cookie", ValueType.U32, 2)
                .build();
        static final StructLayout MSG = StructLayout.builder("unix_diag_msg")
                .enumField("udiag_family", ValueType.U8, Names.ADDRESS_FAMILIES)
                .enumField("udiag_type", ValueType.U8, SOCK_TYPES)
                .enumField("udiag_state", ValueType.U8, Names.TCP_STATES)
                .field("pad", ValueType.U8)
                .field("udiag_ino", ValueType.U32)
                .array("udiag_cookie", ValueType.U32, 2)
                .build();
        static final StructLayout VFS = StructLayout.builder("unix_diag_vfs")
                .field("udiag_vfs_ino", ValueType.U32).field("udiag_vfs_dev", ValueType.U32).build();
        static final StructLayout RQLEN = StructLayout.builder("unix_diag_rqlen")
                .field("udiag_rqueue", ValueType.U32).field("udiag_wqueue", ValueType.U32).build();
        static final AttributeSet ATTRS = SimpleAttributeSet.builder("unix-diag-attrs")
                .scalar(0, "UNIX_DIAG_NAME", ValueType.STRING)
                .add(1, new Bodies.StructAttr("UNIX_DIAG_VFS", VFS))
                .scalar(2, "UNIX_DIAG_PEER", ValueType.U32)
                .add(3, new Bodies.ArrayAttr("UNIX_DIAG_ICONS", ValueType.U32, null))
                .add(4, new Bodies.StructAttr("UNIX_DIAG_RQLEN", RQLEN))
                .add(5, new Bodies.ArrayAttr("UNIX_DIAG_MEMINFO", ValueType.U32, Inet.SK_MEMINFO))
                .scalar(6, "UNIX_DIAG_SHUTDOWN", ValueType.U8)
                .scalar(7, "UNIX_DIAG_UID", ValueType.U32)
                .build();

        private Unix() {
        }
    }

    /** netlink_diag: netlink sockets themselves. */
    static final class NetlinkDiag {
        static final LongFunction<String> PROTOCOLS = p -> p == Protocol.UNKNOWN ? null : Protocol.name((int) p);
        static final StructLayout REQ = StructLayout.builder("netlink_diag_req")
                .enumField("sdiag_family", ValueType.U8, Names.ADDRESS_FAMILIES)
                .custom("sdiag_protocol", 1, v -> v.u8(0) == 255 ? Decoded.of(255L, "NDIAG_PROTO_ALL (255)")
                        : Values.enumValue(v.u8(0), PROTOCOLS))
                .field("pad", ValueType.U16)
                .field("ndiag_ino", ValueType.U32)
                .flags("ndiag_show", ValueType.U32, Names.bits("NDIAG_SHOW_MEMINFO", "NDIAG_SHOW_GROUPS",
                        "NDIAG_SHOW_RING_CFG", "NDIAG_SHOW_FLAGS"))
                .array("ndiag_cookie", ValueType.U32, 2)
                .build();
        static final StructLayout MSG = StructLayout.builder("netlink_diag_msg")
                .enumField("ndiag_family", ValueType.U8, Names.ADDRESS_FAMILIES)
                .enumField("ndiag_type", ValueType.U8, Unix.SOCK_TYPES)
                .enumField("ndiag_protocol", ValueType.U8, PROTOCOLS)
                // sk_state of a netlink socket: NETLINK_CONNECTED once connected, else TCP_CLOSE from sock_init_data()
                .enumField("ndiag_state", ValueType.U8, Names.of("NETLINK_UNCONNECTED", 0, "NETLINK_CONNECTED", 1,
                        "TCP_CLOSE", 7))
                .field("ndiag_portid", ValueType.U32)
                .field("ndiag_dst_portid", ValueType.U32)
                .field("ndiag_dst_group", ValueType.U32)
                .field("ndiag_ino", ValueType.U32)
                .array("ndiag_cookie", ValueType.U32, 2)
                .build();
        static final StructLayout RING = StructLayout.builder("netlink_diag_ring")
                .field("ndr_block_size", ValueType.U32).field("ndr_block_nr", ValueType.U32)
                .field("ndr_frame_size", ValueType.U32).field("ndr_frame_nr", ValueType.U32).build();
        static final AttributeSet ATTRS = SimpleAttributeSet.builder("netlink-diag-attrs")
                .add(0, new Bodies.ArrayAttr("NETLINK_DIAG_MEMINFO", ValueType.U32, Inet.SK_MEMINFO))
                .scalar(1, "NETLINK_DIAG_GROUPS", ValueType.BINARY)
                .add(2, new Bodies.StructAttr("NETLINK_DIAG_RX_RING", RING))
                .add(3, new Bodies.StructAttr("NETLINK_DIAG_TX_RING", RING))
                .add(4, new Bodies.FlagsAttr("NETLINK_DIAG_FLAGS", ValueType.U32, Names.bits("NDIAG_FLAG_CB_RUNNING",
                        "NDIAG_FLAG_PKTINFO", "NDIAG_FLAG_BROADCAST_ERROR", "NDIAG_FLAG_NO_ENOBUFS", "NDIAG_FLAG_LISTEN_ALL_NSID",
                        "NDIAG_FLAG_CAP_ACK")))
                .build();

        private NetlinkDiag() {
        }
    }

    /** packet_diag: AF_PACKET sockets. */
    static final class Packet {
        static final StructLayout REQ = StructLayout.builder("packet_diag_req")
                .enumField("sdiag_family", ValueType.U8, Names.ADDRESS_FAMILIES)
                .field("sdiag_protocol", ValueType.U8)
                .field("pad", ValueType.U16)
                .field("pdiag_ino", ValueType.U32)
                .flags("pdiag_show", ValueType.U32, Names.bits("PACKET_SHOW_INFO", "PACKET_SHOW_MCLIST",
                        "PACKET_SHOW_RING_CFG", "PACKET_SHOW_FANOUT", "PACKET_SHOW_MEMINFO", "PACKET_SHOW_FILTER"))
                .array("pdiag_cookie", ValueType.U32, 2)
                .build();
        static final StructLayout MSG = StructLayout.builder("packet_diag_msg")
                .enumField("pdiag_family", ValueType.U8, Names.ADDRESS_FAMILIES)
                .enumField("pdiag_type", ValueType.U8, Unix.SOCK_TYPES)
                .field("pdiag_num", ValueType.BE16)
                .field("pdiag_ino", ValueType.U32)
                .array("pdiag_cookie", ValueType.U32, 2)
                .build();
        static final StructLayout INFO = StructLayout.builder("packet_diag_info")
                .field("pdi_index", ValueType.U32).field("pdi_version", ValueType.U32)
                .field("pdi_reserve", ValueType.U32).field("pdi_copy_thresh", ValueType.U32)
                .field("pdi_tstamp", ValueType.U32)
                .flags("pdi_flags", ValueType.U32, Names.bits("PDI_RUNNING", "PDI_AUXDATA", "PDI_ORIGDEV",
                        "PDI_VNETHDR", "PDI_LOSS"))
                .build();
        static final StructLayout MCLIST = StructLayout.builder("packet_diag_mclist")
                .field("pdmc_index", ValueType.U32).field("pdmc_count", ValueType.U32)
                .field("pdmc_type", ValueType.U16).field("pdmc_alen", ValueType.U16)
                .bytes("pdmc_addr", 32).build();
        static final StructLayout RING = StructLayout.builder("packet_diag_ring")
                .field("pdr_block_size", ValueType.U32).field("pdr_block_nr", ValueType.U32)
                .field("pdr_frame_size", ValueType.U32).field("pdr_frame_nr", ValueType.U32)
                .field("pdr_retire_tmo", ValueType.U32).field("pdr_sizeof_priv", ValueType.U32)
                .field("pdr_features", ValueType.U32).build();
        static final AttributeSet ATTRS = SimpleAttributeSet.builder("packet-diag-attrs")
                .add(0, new Bodies.StructAttr("PACKET_DIAG_INFO", INFO))
                .add(1, new Bodies.StructAttr("PACKET_DIAG_MCLIST", MCLIST))
                .add(2, new Bodies.StructAttr("PACKET_DIAG_RX_RING", RING))
                .add(3, new Bodies.StructAttr("PACKET_DIAG_TX_RING", RING))
                .scalar(4, "PACKET_DIAG_FANOUT", ValueType.U32)
                .scalar(5, "PACKET_DIAG_UID", ValueType.U32)
                .add(6, new Bodies.ArrayAttr("PACKET_DIAG_MEMINFO", ValueType.U32, Inet.SK_MEMINFO))
                .scalar(7, "PACKET_DIAG_FILTER", ValueType.BINARY)
                .build();

        private Packet() {
        }
    }
}
