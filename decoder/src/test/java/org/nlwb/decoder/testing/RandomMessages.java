package org.nlwb.decoder.testing;

import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.Random;
import org.nlwb.decoder.model.Protocol;

/**
 * Random netlink datagrams shaped enough like the real thing to reach deep into the decoders:
 * nlmsghdrs with types the families use, a fixed header of plausible size, attribute trees with
 * the nested flag, byte-order flag and lengths that sometimes lie, several messages a datagram.
 * Generic netlink ids 0x20.. stand for the built-in genl families ({@link #GENL_FAMILIES}).
 */
public final class RandomMessages {
    /** genl id to family name, for a conversation that knows them. */
    public static final Map<Integer, String> GENL_FAMILIES = Map.of(0x10, "nlctrl", 0x20, "nl80211", 0x21, "ethtool",
            0x22, "tcp_metrics", 0x23, "mptcp_pm", 0x24, "TASKSTATS", 0x25, "wireguard", 0x26, "devlink", 0x27, "IPVS");
    private static final int[] PROTOCOLS = {Protocol.ROUTE, Protocol.ROUTE, Protocol.GENERIC, Protocol.GENERIC,
        Protocol.NETFILTER, Protocol.SOCK_DIAG, Protocol.XFRM, Protocol.AUDIT, Protocol.CONNECTOR,
        Protocol.KOBJECT_UEVENT, 23};

    private final Random r;

    public RandomMessages(Random r) {
        this.r = r;
    }

    public int protocol() {
        return PROTOCOLS[r.nextInt(PROTOCOLS.length)];
    }

    /** One to three messages of {@code protocol} back to back. */
    public byte[] datagram(int protocol) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            o.writeBytes(message(protocol));
        }
        if (r.nextInt(8) == 0) {
            o.writeBytes(Mutator.randomBytes(r, r.nextInt(12))); // trailing bytes
        }
        return o.toByteArray();
    }

    private byte[] message(int protocol) {
        NlBuilder body = new NlBuilder();
        int type = type(protocol);
        if (type == 2) { // NLMSG_ERROR: an error code and an echoed header
            body.u32(-r.nextInt(130)).bytes(header(r.nextInt(200), 16));
        } else {
            body.bytes(Mutator.randomBytes(r, fixedHeader(protocol)));
            attributes(body, 0, 1 + r.nextInt(6));
        }
        byte[] b = body.toBytes();
        int len = 16 + b.length;
        if (r.nextInt(10) == 0) {
            len = r.nextBoolean() ? r.nextInt(len + 8) : r.nextInt(); // nlmsg_len lies
        }
        return new NlBuilder().bytes(header(type, len)).bytes(b).toBytes();
    }

    private byte[] header(int type, int len) {
        int flags = r.nextInt(4) == 0 ? r.nextInt(0x10000) : (r.nextBoolean() ? 0x1 : 0x2) | (r.nextBoolean() ? 0x300 : 0);
        return new NlBuilder().u32(len & 0xffffffffL).u16(type).u16(flags).u32(r.nextInt()).u32(r.nextInt(100000)).toBytes();
    }

    private int type(int protocol) {
        if (r.nextInt(12) == 0) {
            return 1 + r.nextInt(4); // NOOP, ERROR, DONE, OVERRUN
        }
        return switch (protocol) {
            case Protocol.ROUTE -> 16 + r.nextInt(110);
            case Protocol.GENERIC -> r.nextInt(5) == 0 ? 16 + r.nextInt(64) : 0x10 + (r.nextBoolean() ? 0 : 0x10 + r.nextInt(8));
            case Protocol.NETFILTER -> (r.nextInt(13) << 8) | r.nextInt(24);
            case Protocol.SOCK_DIAG -> 18 + r.nextInt(6);
            case Protocol.XFRM -> 16 + r.nextInt(24);
            case Protocol.AUDIT -> 1000 + r.nextInt(400);
            default -> r.nextInt(0x10000);
        };
    }

    /** The size of a family's fixed header, most of the time; anything up to 64 bytes otherwise. */
    private int fixedHeader(int protocol) {
        if (r.nextInt(6) == 0) {
            return r.nextInt(65);
        }
        return switch (protocol) {
            case Protocol.ROUTE -> new int[] {4, 8, 12, 16, 20, 24}[r.nextInt(6)];
            case Protocol.GENERIC, Protocol.NETFILTER -> 4;
            case Protocol.SOCK_DIAG -> new int[] {56, 72}[r.nextInt(2)];
            case Protocol.XFRM -> new int[] {64, 96, 168, 224}[r.nextInt(4)];
            default -> r.nextInt(24);
        };
    }

    private void attributes(NlBuilder out, int depth, int count) {
        for (int i = 0; i < count; i++) {
            int type = r.nextInt(8) == 0 ? r.nextInt(0x10000) : 1 + r.nextInt(60);
            boolean nest = depth < 6 && r.nextInt(4) == 0;
            byte[] payload;
            if (nest) {
                NlBuilder inner = new NlBuilder();
                attributes(inner, depth + 1, r.nextInt(5));
                payload = inner.toBytes();
                type |= r.nextBoolean() ? 0x8000 : 0;
            } else {
                payload = payload();
            }
            int len = 4 + payload.length;
            if (r.nextInt(20) == 0) {
                len = new int[] {0, 1, 3, 5, 0xffff, len + 4, len - 1}[r.nextInt(7)] & 0xffff; // nla_len lies
            }
            out.u16(len).u16(type).bytes(payload);
            for (int p = payload.length; p % 4 != 0; p++) {
                out.u8(0);
            }
        }
    }

    private byte[] payload() {
        return switch (r.nextInt(6)) {
            case 0 -> new byte[0];
            case 1 -> Mutator.randomBytes(r, 1);
            case 2 -> Mutator.randomBytes(r, 2);
            case 3 -> Mutator.randomBytes(r, 4);
            case 4 -> Mutator.randomBytes(r, 8);
            default -> {
                byte[] b = Mutator.randomBytes(r, r.nextInt(40));
                if (b.length > 0 && r.nextBoolean()) {
                    for (int i = 0; i < b.length - 1; i++) {
                        b[i] = (byte) (0x20 + (b[i] & 0x3f)); // printable, NUL-terminated: a string
                    }
                    b[b.length - 1] = 0;
                }
                yield b;
            }
        };
    }
}
