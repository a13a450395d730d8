package org.nlwb.decoder.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.Conversation;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.dissect.MessageDecoder;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.read.DumpFormat;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.spec.RegistryFactory;
import org.nlwb.decoder.testing.NlBuilder;
import org.nlwb.decoder.testing.Samples;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;
import org.nlwb.decoder.tree.TreeChecks;

/**
 * The Java-written families on bytes laid out as their UAPI headers define them (audit, the proc
 * connector) and on the project's captures (unix_diag), including damaged input.
 */
class JavaFamiliesTest {
    private static final MessageDecoder DECODER = new MessageDecoder(RegistryFactory.standard(List.of()));

    private static DecodedMessage decode(int protocol, Direction dir, byte[] bytes) {
        Capture c = new Capture("test", "hex");
        c.append(new Record(-1, dir, protocol, -1, -1, null, "test", ByteView.of(bytes)));
        DecodedMessage m = DECODER.decode(c.message(0), Conversation.empty());
        assertEquals(List.of(), TreeChecks.violations(m.tree(), bytes.length), m.tree().toString());
        return m;
    }

    @Test
    void auditUserMessageIsOneLineOfText() {
        String text = "audit(1700000000.123:42): pid=1 uid=0 msg='op=login acct=\"root\" res=success'";
        byte[] msg = NlBuilder.message(1107, 0x5, 7, 0, new NlBuilder().bytes(text.getBytes(StandardCharsets.UTF_8)));
        DecodedMessage m = decode(Protocol.AUDIT, Direction.TO_KERNEL, msg);
        assertEquals("audit", m.className());
        assertEquals("AUDIT_USER_AVC", m.typeName());
        assertEquals(text, m.tree().child("text").value());
    }

    @Test
    void auditGetReplyIsAuditStatus() {
        NlBuilder body = new NlBuilder().u32(0x7f).u32(1).u32(1).u32(812).u32(0).u32(8192).u32(3).u32(0)
                .u32(0x7f).u32(60000).u32(0);
        DecodedMessage m = decode(Protocol.AUDIT, Direction.FROM_KERNEL, NlBuilder.message(1000, 0, 1, 0, body));
        assertEquals("AUDIT_GET", m.typeName());
        Node st = m.tree().child("audit_status");
        assertEquals(812L, st.child("pid").value());
        assertEquals("AUDIT_FAIL_PRINTK (1)", st.child("failure").display());
        assertEquals(8192L, st.child("backlog_limit").value());
    }

    @Test
    void procConnectorExecEventIsCnMsgAndProcEvent() {
        // cn_msg {idx 1, val 1, seq 5, ack 0, len 40, flags 0} + proc_event {what EXEC, cpu 3, ts, exec {pid, tgid}}
        NlBuilder body = new NlBuilder().u32(1).u32(1).u32(5).u32(0).u16(40).u16(0)
                .u32(2).u32(3).u32(0x12345678).u32(0x9).u32(4242).u32(4242).bytes(new byte[16]);
        DecodedMessage m = decode(Protocol.CONNECTOR, Direction.FROM_KERNEL, NlBuilder.message(3, 0, 5, 0, body));
        assertEquals("connector", m.className(), "NLMSG_DONE on NETLINK_CONNECTOR is a cn_msg, not a control message");
        assertEquals("CN_IDX_PROC (1)", m.tree().child("cn_msg").child("id").child("idx").display());
        assertEquals("PROC_EVENT_EXEC (2)", m.tree().child("proc_event").child("what").display());
        assertEquals(4242L, m.tree().child("event_data").child("process_pid").value());
        assertEquals("PROC_EVENT_EXEC (2) pid 4242", m.summary());
    }

    @Test
    void procConnectorListenRequest() {
        NlBuilder body = new NlBuilder().u32(1).u32(1).u32(0).u32(0).u16(4).u16(0).u32(1);
        DecodedMessage m = decode(Protocol.CONNECTOR, Direction.TO_KERNEL, NlBuilder.message(3, 0, 0, 0, body));
        assertEquals("PROC_CN_MCAST_LISTEN (1)", m.tree().child("proc_cn_mcast_op").display());
    }

    @Test
    void connectorLenPastTheMessageIsMalformedNotLost() {
        NlBuilder body = new NlBuilder().u32(1).u32(1).u32(0).u32(0).u16(200).u16(0).u32(2).u32(0);
        DecodedMessage m = decode(Protocol.CONNECTOR, Direction.FROM_KERNEL, NlBuilder.message(3, 0, 0, 0, body));
        assertEquals(Status.MALFORMED, m.tree().child("cn_msg").status());
    }

    @Test
    void libudevHeaderWithPropertiesOffsetOutsideTheDatagramIsMalformed() {
        NlBuilder b = new NlBuilder().bytes("libudev\0".getBytes(StandardCharsets.ISO_8859_1))
                .bytes(new byte[] {(byte) 0xfe, (byte) 0xed, (byte) 0xca, (byte) 0xfe}).u32(40).u32(4000).u32(10)
                .bytes(new byte[16]).bytes("ACTION=add\0".getBytes(StandardCharsets.ISO_8859_1));
        DecodedMessage m = decode(Protocol.KOBJECT_UEVENT, Direction.FROM_KERNEL, b.toBytes());
        assertEquals("uevent", m.className());
        Node props = m.tree().child("properties");
        assertNotNull(props);
        assertEquals(Status.MALFORMED, props.status());
        assertTrue(props.note().contains("properties_off 4000"), props.note());
    }

    @Test
    void kernelUeventWithoutProtocolIsRecognisedByItsText() {
        byte[] b = "add@/devices/virtual/net/veth0\0ACTION=add\0DEVPATH=/devices/virtual/net/veth0\0SUBSYSTEM=net\0SEQNUM=7\0"
                .getBytes(StandardCharsets.ISO_8859_1);
        DecodedMessage m = decode(Protocol.UNKNOWN, Direction.UNKNOWN, b);
        assertEquals("uevent", m.className());
        assertEquals("net", m.tree().child("SUBSYSTEM").value());
        assertEquals("uevent (kernel) add /devices/virtual/net/veth0 [net]", m.summary());
    }

    @Test
    void tcpdiagGetsockRequestIsTheOlderInetDiagReq() {
        // struct inet_diag_req: family AF_INET, src_len 0, dst_len 0, ext INET_DIAG_INFO, id (48 zero bytes), states, dbs
        NlBuilder body = new NlBuilder().u8(2).u8(0).u8(0).u8(2).bytes(new byte[48]).u32(0xfff).u32(0);
        DecodedMessage m = decode(Protocol.SOCK_DIAG, Direction.TO_KERNEL, NlBuilder.message(18, 0x301, 1, 0, body));
        assertEquals("inet_diag_legacy", m.className());
        assertEquals("TCPDIAG_GETSOCK", m.typeName());
        Node req = m.tree().child("inet_diag_req");
        assertEquals("AF_INET (2)", req.child("idiag_family").display());
        assertEquals("INET_DIAG_INFO", req.child("idiag_ext").display());
        assertEquals(0xfffL, req.child("idiag_states").value());
    }

    @Test
    void unixDiagRequestFromSsXa() throws Exception {
        Capture c = Loader.standard().load(Samples.project().resolve("ss-xa.pcap"), DumpFormat.PCAP, Protocol.UNKNOWN);
        DecodedMessage m = DECODER.decode(c.message(0), Conversation.empty());
        assertEquals("unix_diag", m.className());
        Node req = m.tree().child("unix_diag_req");
        assertEquals("AF_UNIX (1)", req.child("sdiag_family").display());
        assertTrue(req.child("udiag_show").display().contains("UDIAG_SHOW_NAME"), req.child("udiag_show").display());
    }
}
