package org.nlwb.decoder.families;

import java.util.List;
import java.util.function.LongFunction;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.DecodeScope;
import org.nlwb.decoder.decode.ValueType;
import org.nlwb.decoder.message.FlagKind;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.registry.MessageClass;
import org.nlwb.decoder.registry.MessageContext;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.tree.Node;

/**
 * NETLINK_AUDIT ({@code linux/audit.h}). Control messages (1000-1099) carry C structs; user
 * messages (1100-1299, 2100-2999) and kernel events (1300-2099) carry one line of text,
 * {@code audit(1700000000.123:42): key=value ...}, usually without a terminating NUL.
 */
final class Audit implements MessageClass {
    static final String NAME = "audit";
    static final LongFunction<String> TYPES = Names.of(
            "AUDIT_GET", 1000, "AUDIT_SET", 1001, "AUDIT_LIST", 1002, "AUDIT_ADD", 1003, "AUDIT_DEL", 1004, 
            "AUDIT_USER", 1005, "AUDIT_LOGIN", 1006, "AUDIT_WATCH_INS", 1007, "AUDIT_WATCH_REM", 1008, 
            "AUDIT_WATCH_LIST", 1009, "AUDIT_SIGNAL_INFO", 1010, "AUDIT_ADD_RULE", 1011, "AUDIT_DEL_RULE", 
            1012, "AUDIT_LIST_RULES", 1013, "AUDIT_TRIM", 1014, "AUDIT_MAKE_EQUIV", 1015, "AUDIT_TTY_GET", 
            1016, "AUDIT_TTY_SET", 1017, "AUDIT_SET_FEATURE", 1018, "AUDIT_GET_FEATURE", 1019, 
            "AUDIT_USER_AVC", 1107, "AUDIT_USER_TTY", 1124, "AUDIT_DAEMON_START", 1200, "AUDIT_DAEMON_END", 
            1201, "AUDIT_DAEMON_ABORT", 1202, "AUDIT_DAEMON_CONFIG", 1203, "AUDIT_SYSCALL", 1300, "AUDIT_PATH", 
            1302, "AUDIT_IPC", 1303, "AUDIT_SOCKETCALL", 1304, "AUDIT_CONFIG_CHANGE", 1305, "AUDIT_SOCKADDR", 
            1306, "AUDIT_CWD", 1307, "AUDIT_EXECVE", 1309, "AUDIT_IPC_SET_PERM", 1311, "AUDIT_MQ_OPEN", 1312, 
            "AUDIT_MQ_SENDRECV", 1313, "AUDIT_MQ_NOTIFY", 1314, "AUDIT_MQ_GETSETATTR", 1315, 
            "AUDIT_KERNEL_OTHER", 1316, "AUDIT_FD_PAIR", 1317, "AUDIT_OBJ_PID", 1318, "AUDIT_TTY", 1319, 
            "AUDIT_EOE", 1320, "AUDIT_BPRM_FCAPS", 1321, "AUDIT_CAPSET", 1322, "AUDIT_MMAP", 1323, 
            "AUDIT_NETFILTER_PKT", 1324, "AUDIT_NETFILTER_CFG", 1325, "AUDIT_SECCOMP", 1326, "AUDIT_PROCTITLE", 
            1327, "AUDIT_FEATURE_CHANGE", 1328, "AUDIT_REPLACE", 1329, "AUDIT_KERN_MODULE", 1330, 
            "AUDIT_FANOTIFY", 1331, "AUDIT_TIME_INJOFFSET", 1332, "AUDIT_TIME_ADJNTPVAL", 1333, "AUDIT_BPF", 
            1334, "AUDIT_EVENT_LISTENER", 1335, "AUDIT_URINGOP", 1336, "AUDIT_OPENAT2", 1337, "AUDIT_DM_CTRL", 
            1338, "AUDIT_DM_EVENT", 1339, "AUDIT_AVC", 1400, "AUDIT_SELINUX_ERR", 1401, "AUDIT_AVC_PATH", 1402, 
            "AUDIT_MAC_POLICY_LOAD", 1403, "AUDIT_MAC_STATUS", 1404, "AUDIT_MAC_CONFIG_CHANGE", 1405, 
            "AUDIT_MAC_UNLBL_ALLOW", 1406, "AUDIT_MAC_CIPSOV4_ADD", 1407, "AUDIT_MAC_CIPSOV4_DEL", 1408, 
            "AUDIT_MAC_MAP_ADD", 1409, "AUDIT_MAC_MAP_DEL", 1410, "AUDIT_MAC_IPSEC_ADDSA", 1411, 
            "AUDIT_MAC_IPSEC_DELSA", 1412, "AUDIT_MAC_IPSEC_ADDSPD", 1413, "AUDIT_MAC_IPSEC_DELSPD", 1414, 
            "AUDIT_MAC_IPSEC_EVENT", 1415, "AUDIT_MAC_UNLBL_STCADD", 1416, "AUDIT_MAC_UNLBL_STCDEL", 1417, 
            "AUDIT_MAC_CALIPSO_ADD", 1418, "AUDIT_MAC_CALIPSO_DEL", 1419, "AUDIT_ANOM_PROMISCUOUS", 1700, 
            "AUDIT_ANOM_ABEND", 1701, "AUDIT_ANOM_LINK", 1702, "AUDIT_ANOM_CREAT", 1703, 
            "AUDIT_INTEGRITY_DATA", 1800, "AUDIT_INTEGRITY_METADATA", 1801, "AUDIT_INTEGRITY_STATUS", 1802, 
            "AUDIT_INTEGRITY_HASH", 1803, "AUDIT_INTEGRITY_PCR", 1804, "AUDIT_INTEGRITY_RULE", 1805, 
            "AUDIT_INTEGRITY_EVM_XATTR", 1806, "AUDIT_INTEGRITY_POLICY_RULE", 1807, "AUDIT_KERNEL", 2000);

    static final StructLayout STATUS = StructLayout.builder("audit_status")
            .flags("mask", ValueType.U32, Names.bits("AUDIT_STATUS_ENABLED", "AUDIT_STATUS_FAILURE",
                    "AUDIT_STATUS_PID", "AUDIT_STATUS_RATE_LIMIT", "AUDIT_STATUS_BACKLOG_LIMIT",
                    "AUDIT_STATUS_BACKLOG_WAIT_TIME", "AUDIT_STATUS_LOST", "AUDIT_STATUS_BACKLOG_WAIT_TIME_ACTUAL"))
            .field("enabled", ValueType.U32)
            .enumField("failure", ValueType.U32, Names.of("AUDIT_FAIL_SILENT", 0, "AUDIT_FAIL_PRINTK", 1,
                    "AUDIT_FAIL_PANIC", 2))
            .field("pid", ValueType.U32)
            .field("rate_limit", ValueType.U32)
            .field("backlog_limit", ValueType.U32)
            .field("lost", ValueType.U32)
            .field("backlog", ValueType.U32)
            .flags("feature_bitmap", ValueType.U32, Names.bits("AUDIT_FEATURE_BITMAP_BACKLOG_LIMIT",
                    "AUDIT_FEATURE_BITMAP_BACKLOG_WAIT_TIME", "AUDIT_FEATURE_BITMAP_EXECUTABLE_PATH",
                    "AUDIT_FEATURE_BITMAP_EXCLUDE_EXTEND", "AUDIT_FEATURE_BITMAP_SESSIONID_FILTER",
                    "AUDIT_FEATURE_BITMAP_LOST_RESET", "AUDIT_FEATURE_BITMAP_FILTER_FS"))
            .field("backlog_wait_time", ValueType.U32)
            .field("backlog_wait_time_actual", ValueType.U32)
            .build();
    static final StructLayout FEATURES = StructLayout.builder("audit_features")
            .field("vers", ValueType.U32).field("mask", ValueType.U32)
            .field("features", ValueType.U32).field("lock", ValueType.U32).build();
    static final StructLayout TTY_STATUS = StructLayout.builder("audit_tty_status")
            .field("enabled", ValueType.U32).field("log_passwd", ValueType.U32).build();
    static final StructLayout SIG_INFO = StructLayout.builder("audit_sig_info")
            .field("uid", ValueType.U32).field("pid", ValueType.S32).build();
    /** The fixed part of {@code struct audit_rule_data}; {@code buf[buflen]} follows. */
    static final StructLayout RULE_DATA = StructLayout.builder("audit_rule_data")
            .field("flags", ValueType.U32).field("action", ValueType.U32).field("field_count", ValueType.U32)
            .bytes("mask", 4 * 64).array("fields", ValueType.U32, 64).array("values", ValueType.U32, 64)
            .array("fieldflags", ValueType.U32, 64).field("buflen", ValueType.U32).build();

    static void contribute(Registry.Builder r) {
        Audit a = new Audit();
        r.add(a);
        r.resolver(Protocol.AUDIT, (msg, body) -> msg.header() != null && msg.header().type() >= 1000
                ? java.util.Optional.of(a) : java.util.Optional.empty());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String typeName(MessageContext msg) {
        return msg.header() == null ? null : TYPES.apply(msg.header().type());
    }

    @Override
    public FlagKind flagKind(MessageContext msg) {
        return FlagKind.OTHER;
    }

    @Override
    public List<Node> decodeBody(MessageContext msg, ByteView body, DecodeScope scope) {
        int type = msg.header().type();
        StructLayout layout = switch (type) {
            case 1000, 1001 -> STATUS;
            case 1010 -> SIG_INFO;
            case 1011, 1012, 1013 -> RULE_DATA;
            case 1016, 1017 -> TTY_STATUS;
            case 1018, 1019 -> FEATURES;
            default -> null;
        };
        if (body.isEmpty()) {
            return List.of();
        }
        if (layout == null) {
            return List.of(Bodies.text("text", body));
        }
        Node head = layout.node(layout.name(), body);
        if (body.length() <= layout.size()) {
            return List.of(head);
        }
        // audit_sig_info's ctx[] and audit_rule_data's buf[] follow the fixed part.
        ByteView rest = body.from(layout.size());
        return List.of(head, type == 1010 ? Bodies.text("ctx", rest) : Bodies.text("buf", rest));
    }

    @Override
    public String summary(Node tree) {
        Node text = tree.child("text");
        if (text != null && text.value() instanceof String s) {
            return tree.name() + " " + (s.length() > 120 ? s.substring(0, 120) + "…" : s);
        }
        return null;
    }
}
