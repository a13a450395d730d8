package org.nlwb.decoder.families;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.DecodeScope;
import org.nlwb.decoder.decode.ValueType;
import org.nlwb.decoder.decode.Values;
import org.nlwb.decoder.message.FlagKind;
import org.nlwb.decoder.message.Netlink;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.registry.MessageClass;
import org.nlwb.decoder.registry.MessageContext;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;

/**
 * NETLINK_CONNECTOR ({@code linux/connector.h}) and its process events ({@code linux/cn_proc.h}).
 * The kernel types every connector message NLMSG_DONE; the body is a {@code cn_msg} whose
 * {@code id} names the user (CN_IDX_PROC/CN_VAL_PROC for process events).
 *
 * <pre>
 *  cn_msg:     | id.idx u32 | id.val u32 | seq u32 | ack u32 | len u16 | flags u16 | data[len] |
 *  proc_event: | what u32 | cpu u32 | timestamp_ns u64 | event_data (union, 24 bytes) |
 *  request:    data = enum proc_cn_mcast_op (u32): PROC_CN_MCAST_LISTEN 1, PROC_CN_MCAST_IGNORE 2
 * </pre>
 */
final class Connector implements MessageClass {
    static final String NAME = "connector";
    static final int CN_IDX_PROC = 1;
    static final int CN_VAL_PROC = 1;

    static final LongFunction<String> IDX = Names.of("CN_IDX_PROC", 1, "CN_IDX_CIFS", 2, "CN_W1_IDX", 3,
            "CN_IDX_V86D", 4, "CN_IDX_BB", 5, "CN_DST_IDX", 6, "CN_IDX_DM", 7, "CN_IDX_DRBD", 8, "CN_KVP_IDX", 9,
            "CN_VSS_IDX", 10);
    static final LongFunction<String> WHAT = Names.of("PROC_EVENT_NONE", 0, "PROC_EVENT_FORK", 1,
            "PROC_EVENT_EXEC", 2, "PROC_EVENT_UID", 4, "PROC_EVENT_GID", 0x40, "PROC_EVENT_SID", 0x80,
            "PROC_EVENT_PTRACE", 0x100, "PROC_EVENT_COMM", 0x200, "PROC_EVENT_COREDUMP", 0x40000000L,
            "PROC_EVENT_EXIT", 0x80000000L);

    static final StructLayout CN_MSG = StructLayout.builder("cn_msg")
            .struct("id", StructLayout.builder("cb_id").enumField("idx", ValueType.U32, IDX).field("val", ValueType.U32).build())
            .field("seq", ValueType.U32)
            .field("ack", ValueType.U32)
            .field("len", ValueType.U16)
            .field("flags", ValueType.U16)
            .build();
    static final StructLayout PROC_EVENT_HEADER = StructLayout.builder("proc_event")
            .enumField("what", ValueType.U32, WHAT)
            .field("cpu", ValueType.U32)
            .field("timestamp_ns", ValueType.U64)
            .build();
    /** sizeof(proc_event.event_data): the largest member, exit_proc_event. */
    static final int EVENT_DATA_SIZE = 24;

    private static StructLayout pids(String name, String... members) {
        StructLayout.Builder b = StructLayout.builder(name);
        for (String m : members) {
            if (m.equals("comm")) {
                b.text("comm", 16);
            } else {
                b.field(m, m.startsWith("exit_") || m.matches("[re](uid|gid)") ? ValueType.U32 : ValueType.S32);
            }
        }
        return b.build();
    }

    static StructLayout eventData(long what) {
        return switch ((int) what) {
            case 0 -> StructLayout.builder("ack").field("err", ValueType.U32).build();
            case 1 -> pids("fork_proc_event", "parent_pid", "parent_tgid", "child_pid", "child_tgid");
            case 2 -> pids("exec_proc_event", "process_pid", "process_tgid");
            case 4 -> pids("id_proc_event", "process_pid", "process_tgid", "ruid", "euid");
            case 0x40 -> pids("id_proc_event", "process_pid", "process_tgid", "rgid", "egid");
            case 0x80 -> pids("sid_proc_event", "process_pid", "process_tgid");
            case 0x100 -> pids("ptrace_proc_event", "process_pid", "process_tgid", "tracer_pid", "tracer_tgid");
            case 0x200 -> pids("comm_proc_event", "process_pid", "process_tgid", "comm");
            case 0x40000000 -> pids("coredump_proc_event", "process_pid", "process_tgid", "parent_pid", "parent_tgid");
            case 0x80000000 -> pids("exit_proc_event", "process_pid", "process_tgid", "exit_code", "exit_signal",
                    "parent_pid", "parent_tgid");
            default -> null;
        };
    }

    static void contribute(Registry.Builder r) {
        Connector c = new Connector();
        r.add(c);
        r.resolver(Protocol.CONNECTOR, (msg, body) -> msg.header() != null ? Optional.of(c) : Optional.empty());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String typeName(MessageContext msg) {
        return msg.header() != null && msg.header().type() == 3 ? "NLMSG_DONE" : null;
    }

    @Override
    public FlagKind flagKind(MessageContext msg) {
        return FlagKind.OTHER;
    }

    @Override
    public List<Node> decodeBody(MessageContext msg, ByteView body, DecodeScope scope) {
        List<Node> out = new ArrayList<>();
        out.add(CN_MSG.node("cn_msg", body));
        if (body.length() <= CN_MSG.size()) {
            return out;
        }
        long idx = body.u32le(0);
        long val = body.u32le(4);
        int len = body.u16le(16);
        ByteView rest = body.from(CN_MSG.size());
        int dataLen = Math.min(len, rest.length());
        ByteView data = rest.slice(0, dataLen);
        if (idx == CN_IDX_PROC && val == CN_VAL_PROC) {
            out.addAll(proc(data));
        } else if (!data.isEmpty()) {
            out.add(new Node("data", null, data.base(), data.length(), data.hex(), Values.spacedHex(data, 64),
                    Status.UNKNOWN, "payload of connector " + idx + ":" + val, List.of()));
        }
        if (len > rest.length()) {
            out.set(0, out.get(0).withStatus(Status.MALFORMED, "len " + len + " runs past the message: "
                    + rest.length() + " bytes follow cn_msg"));
        } else if (dataLen < rest.length()) {
            ByteView tail = rest.from(dataLen);
            int pad = Netlink.align(dataLen) - dataLen;
            out.add(tail.allZero() && tail.length() <= pad ? Node.padding(tail.base(), tail.length())
                    : new Node("beyond len", null, tail.base(), tail.length(), tail.hex(), Values.spacedHex(tail, 32),
                    Status.UNKNOWN, "bytes after cn_msg.len", List.of()));
        }
        return out;
    }

    private static List<Node> proc(ByteView data) {
        if (data.length() == 4) {
            long op = data.u32le(0);
            return List.of(new Node("proc_cn_mcast_op", null, data.base(), 4, op, Values.enumValue(op,
                    Names.of("PROC_CN_MCAST_LISTEN", 1, "PROC_CN_MCAST_IGNORE", 2)).display(), Status.OK, null, List.of()));
        }
        List<Node> out = new ArrayList<>();
        out.add(PROC_EVENT_HEADER.node("proc_event", data));
        if (data.length() <= PROC_EVENT_HEADER.size()) {
            return out;
        }
        long what = data.u32le(0);
        ByteView union = data.from(PROC_EVENT_HEADER.size());
        StructLayout ev = eventData(what);
        if (ev == null) {
            out.add(new Node("event_data", null, union.base(), union.length(), union.hex(), Values.spacedHex(union, 32),
                    Status.UNKNOWN, "unknown proc event " + what, List.of()));
            return out;
        }
        int used = Math.min(ev.size(), union.length());
        Node n = ev.node("event_data", union.slice(0, used));
        if (used < ev.size()) {
            n = n.withStatus(Status.MALFORMED, ev.name() + " needs " + ev.size() + " bytes, has " + used);
        }
        out.add(n);
        if (union.length() > used) {
            ByteView unused = union.from(used);
            out.add(new Node("event_data unused", null, unused.base(), unused.length(), unused.hex(),
                    "rest of the " + EVENT_DATA_SIZE + "-byte union", unused.allZero() ? Status.PADDING : Status.UNKNOWN,
                    null, List.of()));
        }
        return out;
    }

    @Override
    public String summary(Node tree) {
        Node ev = tree.child("proc_event");
        if (ev != null && ev.child("what") != null) {
            Node data = tree.child("event_data");
            Node pid = data == null ? null : data.child(data.child("process_pid") != null ? "process_pid" : "child_pid");
            return ev.child("what").display() + (pid != null ? " pid " + pid.value() : "");
        }
        Node op = tree.child("proc_cn_mcast_op");
        return op != null ? "connector " + op.display() : null;
    }
}
