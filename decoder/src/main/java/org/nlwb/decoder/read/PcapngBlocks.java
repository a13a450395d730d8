package org.nlwb.decoder.read;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.nlwb.decoder.model.Diagnostic;

/**
 * The pcapng half of {@link PcapReader}: walks the blocks of a file and collects its packets.
 *
 * <p>Bounds. Every block is read only within its own length, and that length only within the
 * file: a block must be at least 12 bytes (type, length, trailing length), a multiple of 4 and
 * end inside the file, else reading stops there with everything before it kept. Inside a block
 * each kind has the body it needs or is skipped with an error naming its offset: a section header
 * 16 bytes, an interface description 8, an enhanced or obsolete packet block 20 (interface, time,
 * captured and original length), a simple packet block 4; a packet's captured length must fit in
 * its block, options must fit in their body. So no length or count in the file can make the
 * reader look past the bytes present.
 */
final class PcapngBlocks {
    private static final int SHB_BODY = 16;
    private static final int IDB_BODY = 8;
    private static final int EPB_BODY = 20;
    private static final int SPB_BODY = 4;

    /** An interface: its link type (-1 when its description block was damaged) and time units per second. */
    private record Iface(int linktype, long unitsPerSecond) {
    }

    private final String file;
    private final byte[] in;
    private final List<PcapReader.Packet> out;
    private final Consumer<Diagnostic> diags;
    private final Map<String, String> meta;
    private final ByteBuffer b;
    private final List<Iface> ifaces = new ArrayList<>();
    private final Set<Integer> warnedIface = new HashSet<>();
    private int index;
    private boolean anyNetlink;

    PcapngBlocks(String file, byte[] in, List<PcapReader.Packet> out, Consumer<Diagnostic> diags, Map<String, String> meta) {
        this.file = file;
        this.in = in;
        this.out = out;
        this.diags = diags;
        this.meta = meta;
        this.b = ByteBuffer.wrap(in);
    }

    void read() throws NotThisFormatException {
        int off = 0;
        while (off < in.length) {
            if (in.length - off < 12) {
                diags.accept(Diagnostic.error(Locations.offset(file, off), "file ends inside a block header ("
                        + (in.length - off) + " bytes left); everything before it is kept"));
                break;
            }
            int type = ByteBuffer.wrap(in, off, 4).getInt();
            if (type == PcapReader.PCAPNG_SHB && !sectionByteOrder(off)) {
                break;
            }
            type = b.getInt(off);
            long blockLen = b.getInt(off + 4) & 0xffffffffL;
            if (blockLen < 12 || blockLen % 4 != 0 || blockLen > in.length - off) {
                if (off == 0) {
                    throw new NotThisFormatException("offset 0x4: pcapng section header length " + blockLen + " is impossible");
                }
                diags.accept(Diagnostic.error(Locations.offset(file, off), "block of type " + type + " says "
                        + blockLen + " bytes but " + (in.length - off) + " are left"
                        + (blockLen % 4 != 0 ? " (and it is not a multiple of 4)" : "")
                        + "; everything before it is kept"));
                break;
            }
            long trailer = b.getInt(off + (int) blockLen - 4) & 0xffffffffL;
            if (trailer != blockLen) {
                diags.accept(Diagnostic.warning(Locations.offset(file, off), "block of type " + type + " says "
                        + blockLen + " bytes at its start but " + trailer + " at its end; read by the start"));
            }
            if (!block(type, off, (int) blockLen)) {
                break;
            }
            off += (int) blockLen;
        }
        if (!anyNetlink) {
            throw new NotThisFormatException("pcapng file has " + ifaces.size()
                    + " interface(s) and none has LINKTYPE_NETLINK (253); nlwb reads netlink captures only");
        }
    }

    /** Sets the byte order from the section header at {@code off}; false (reading stops) when its magic is bad. */
    private boolean sectionByteOrder(int off) throws NotThisFormatException {
        int bom = ByteBuffer.wrap(in, off + 8, 4).getInt();
        if (bom == PcapReader.PCAPNG_BOM) {
            b.order(ByteOrder.BIG_ENDIAN);
        } else if (Integer.reverseBytes(bom) == PcapReader.PCAPNG_BOM) {
            b.order(ByteOrder.LITTLE_ENDIAN);
        } else {
            if (off == 0) {
                throw new NotThisFormatException(String.format(
                        "offset 0x8: expected the pcapng byte-order magic 1a2b3c4d, found %08x", bom));
            }
            diags.accept(Diagnostic.error(Locations.offset(file, off), "section header with a bad byte-order magic; reading stops"));
            return false;
        }
        ifaces.clear();
        meta.put("pcap.byteorder", b.order() == ByteOrder.LITTLE_ENDIAN ? "little-endian" : "big-endian");
        meta.put("pcap.version", "pcapng");
        return true;
    }

    /** One block of sound length; false when reading must stop. */
    private boolean block(int type, int off, int blockLen) throws NotThisFormatException {
        int body = off + 8;
        int bodyEnd = off + blockLen - 4;
        int have = bodyEnd - body;
        switch (type) {
            case PcapReader.PCAPNG_SHB -> {
                if (have < SHB_BODY) {
                    if (off == 0) {
                        throw new NotThisFormatException("offset 0x4: pcapng section header of " + blockLen
                                + " bytes, at least " + (12 + SHB_BODY) + " needed");
                    }
                    error(off, tooShort("section header", blockLen, SHB_BODY) + "; reading stops");
                    return false;
                }
            }
            case 1 -> {
                if (have < IDB_BODY) {
                    error(off, tooShort("interface description block", blockLen, IDB_BODY)
                            + "; the packets of interface " + ifaces.size() + " are skipped");
                    ifaces.add(new Iface(-1, 1_000_000));
                } else {
                    interfaceBlock(body, bodyEnd);
                }
            }
            case 6, 2, 3 -> {
                int needed = type == 3 ? SPB_BODY : EPB_BODY;
                if (have < needed) {
                    String what = type == 6 ? "enhanced packet block" : type == 2 ? "packet block" : "simple packet block";
                    error(off, tooShort(what, blockLen, needed) + "; skipped");
                } else {
                    packetBlock(type, off, body, bodyEnd);
                }
                index++;
            }
            default -> { }
        }
        return true;
    }

    private static String tooShort(String what, int blockLen, int bodyNeeded) {
        return what + " of " + blockLen + " bytes is too short: it needs at least " + (12 + bodyNeeded)
                + " (its fixed fields)";
    }

    private void error(int off, String message) {
        diags.accept(Diagnostic.error(Locations.offset(file, off), message));
    }

    private void interfaceBlock(int body, int bodyEnd) {
        int lt = b.getShort(body) & 0xffff;
        long units = 1_000_000;
        int o = body + 8;
        while (o + 4 <= bodyEnd) {
            int code = b.getShort(o) & 0xffff;
            int olen = b.getShort(o + 2) & 0xffff;
            if (code == 0) {
                break;
            }
            if (code == 9 && olen >= 1 && o + 4 < bodyEnd) { // if_tsresol
                int r = in[o + 4] & 0xff;
                units = (r & 0x80) == 0 ? pow(10, r) : pow(2, r & 0x7f);
            }
            o += 4 + ((olen + 3) & ~3);
        }
        ifaces.add(new Iface(lt, units));
        anyNetlink |= lt == NetlinkCookedHeader.LINKTYPE_NETLINK;
    }

    /** An enhanced (6), obsolete (2) or simple (3) packet block whose fixed fields are all there. */
    private void packetBlock(int type, int off, int body, int bodyEnd) {
        int ifId;
        long ts;
        int caplen;
        long len;
        int dataOff;
        if (type == 3) {
            ifId = 0;
            ts = -1;
            len = b.getInt(body) & 0xffffffffL;
            dataOff = body + 4;
            caplen = (int) Math.min(len, bodyEnd - dataOff);
        } else {
            ifId = type == 6 ? b.getInt(body) : b.getShort(body) & 0xffff;
            ts = (b.getInt(body + 4) & 0xffffffffL) << 32 | (b.getInt(body + 8) & 0xffffffffL);
            caplen = b.getInt(body + 12);
            len = b.getInt(body + 16) & 0xffffffffL;
            dataOff = body + 20;
        }
        if (ifId < 0 || ifId >= ifaces.size()) {
            error(off, "packet block names interface " + Integer.toUnsignedString(ifId)
                    + " but only " + ifaces.size() + " are described; skipped");
        } else if (caplen < 0 || caplen > bodyEnd - dataOff) {
            error(off, "packet block says " + Integer.toUnsignedString(caplen)
                    + " captured bytes but the block holds " + (bodyEnd - dataOff) + "; skipped");
        } else if (ifaces.get(ifId).linktype != NetlinkCookedHeader.LINKTYPE_NETLINK) {
            if (warnedIface.add(ifId) && ifaces.get(ifId).linktype >= 0) {
                diags.accept(Diagnostic.warning(Locations.offset(file, off), "interface " + ifId + " has link type "
                        + ifaces.get(ifId).linktype + ", not LINKTYPE_NETLINK (253); its packets are skipped"));
            }
        } else {
            long time = ts <= 0 ? -1 : toNanos(ts, ifaces.get(ifId).unitsPerSecond);
            String comment = type == 6 ? comment(dataOff + ((caplen + 3) & ~3), bodyEnd) : null;
            PcapReader.addPacket(file, out, diags, index, off, time, in, dataOff, caplen, len, comment);
        }
    }

    /** The first {@code opt_comment} among the options in {@code [o, end)}, or null. */
    private String comment(int o, int end) {
        while (o + 4 <= end) {
            int code = b.getShort(o) & 0xffff;
            int olen = b.getShort(o + 2) & 0xffff;
            if (code == 0 || o + 4 + olen > end) {
                return null;
            }
            if (code == 1) {
                return new String(in, o + 4, olen, java.nio.charset.StandardCharsets.UTF_8);
            }
            o += 4 + ((olen + 3) & ~3);
        }
        return null;
    }

    private static long pow(int base, int exp) {
        long r = 1;
        for (int i = 0; i < exp && r < Long.MAX_VALUE / base; i++) {
            r *= base;
        }
        return r;
    }

    /** Nanoseconds of {@code ts} units; a time past what a long of nanoseconds holds is taken as unknown. */
    private static long toNanos(long ts, long unitsPerSecond) {
        long sec = ts / unitsPerSecond;
        long rem = ts % unitsPerSecond;
        long frac = unitsPerSecond >= 1_000_000_000L
                ? rem / (unitsPerSecond / 1_000_000_000L)
                : rem * 1_000_000_000L / unitsPerSecond;
        if (sec > (Long.MAX_VALUE - frac) / 1_000_000_000L) {
            return -1;
        }
        return sec * 1_000_000_000L + frac;
    }
}
