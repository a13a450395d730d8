package org.nlwb.examples.selinux;

import java.util.List;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.DecodeScope;
import org.nlwb.decoder.message.FlagKind;
import org.nlwb.decoder.registry.MessageClass;
import org.nlwb.decoder.registry.MessageContext;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;

/**
 * NETLINK_SELINUX ({@code linux/selinux_netlink.h}): the kernel tells listeners of SELINUXNLGRP_AVC
 * when enforcing mode changes or a policy is loaded. Each body is one 4-byte struct:
 *
 * <pre>
 *  SELNL_MSG_SETENFORCE (0x10): struct selnl_msg_setenforce { __s32 val; }    1 enforcing, 0 permissive
 *  SELNL_MSG_POLICYLOAD (0x11): struct selnl_msg_policyload { __u32 seqno; }  policy sequence number
 * </pre>
 *
 * What every message class must do (the {@link MessageClass} contract): name the message type,
 * return nodes with absolute offsets ({@link ByteView#abs}) that tile the body exactly, and never
 * throw on bad bytes -- a short or long body becomes a {@code malformed} node holding its bytes.
 */
public final class SelinuxMessageClass implements MessageClass {
    public static final int SELNL_MSG_SETENFORCE = 0x10;
    public static final int SELNL_MSG_POLICYLOAD = 0x11;

    @Override
    public String name() {
        return "selinux";
    }

    @Override
    public String typeName(MessageContext msg) {
        if (msg.header() == null) {
            return null;
        }
        return switch (msg.header().type()) {
            case SELNL_MSG_SETENFORCE -> "SELNL_MSG_SETENFORCE";
            case SELNL_MSG_POLICYLOAD -> "SELNL_MSG_POLICYLOAD";
            default -> null;
        };
    }

    @Override
    public FlagKind flagKind(MessageContext msg) {
        return FlagKind.OTHER;
    }

    @Override
    public List<Node> decodeBody(MessageContext msg, ByteView body, DecodeScope scope) {
        boolean setenforce = msg.header().type() == SELNL_MSG_SETENFORCE;
        String struct = setenforce ? "selnl_msg_setenforce" : "selnl_msg_policyload";
        if (body.length() < 4) {
            // too short: keep the bytes, say why
            return List.of(new Node(struct, null, body.base(), body.length(), body.hex(), body.hex(),
                    Status.MALFORMED, struct + " needs 4 bytes, the body has " + body.length(), List.of()));
        }
        Node field = setenforce
                ? Node.leaf("val", body.abs(0), 4, (long) body.s32le(0),
                        body.s32le(0) == 1 ? "1 (enforcing)" : body.s32le(0) == 0 ? "0 (permissive)" : Integer.toString(body.s32le(0)))
                : Node.leaf("seqno", body.abs(0), 4, body.u32le(0), Long.toString(body.u32le(0)));
        Node head = new Node(struct, null, body.base(), 4, null, struct, Status.OK, null, List.of(field));
        if (body.length() == 4) {
            return List.of(head);
        }
        // anything after the struct is not lost: it is shown as unknown bytes
        ByteView rest = body.from(4);
        return List.of(head, new Node("unknown", null, rest.base(), rest.length(), rest.hex(), rest.hex(),
                Status.UNKNOWN, rest.length() + " bytes after " + struct, List.of()));
    }

    @Override
    public String summary(Node tree) {
        Node s = tree.child("selnl_msg_setenforce");
        if (s != null) {
            return "SELinux " + s.child("val").display();
        }
        Node p = tree.child("selnl_msg_policyload");
        return p != null ? "SELinux policy load, seqno " + p.child("seqno").value() : null;
    }
}
