package org.nlwb.decoder.read;

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
    private final FileBytes in;
    private final PacketSink out;
    private final Consumer<Diagnostic> diags;
    private final Map<String, String> meta;
    /** The current section's byte order. */
    private boolean little;
    private final List<Iface> ifaces = new ArrayList<>();
    private final Set<Integer> warnedIface = new HashSet<>();
    private int index;
    private boolean anyNetlink;

    PcapngBlocks(String file, FileBytes in, PacketSink out, Consumer<Diagnostic> diags, Map<String, String> meta) {
        this.file = file;
        this.in = in;
        this.out = out;
        this.diags = diags;
        this.meta = meta;
    }

    private int i32(long at) {
        return in.i32(at, little);
    }

    private int u16(long at) {
        return in.u16(at, little);
    }

    void read() throws NotThisFormatException {
        long off = 0;
        long size = in.size();
        while (off < size) {
            if (size - off < 12) {
                diags.accept(Diagnostic.error(Locations.offset(file, off), "file ends inside a block header ("
                        + (size - off) + " bytes left); everything before it is kept"));
                break;
            }
            int type = in.i32(off, false);
            if (type == PcapReader.PCAPNG_SHB && !sectionByteOrder(off)) {
                break;
            }
            type = i32(off);
            long blockLen = i32(off + 4) & 0xffffffffL;
            if (blockLen < 12 || blockLen % 4 != 0 || blockLen > size - off) {
                if (off == 0) {
                    throw new NotThisFormatException("offset 0x4: pcapng section header length " + blockLen + " is impossible");
                }
                diags.accept(Diagnostic.error(Locations.offset(file, off), "block of type " + type + " says "
                        + blockLen + " bytes but " + (size - off) + " are left"
                        + (blockLen % 4 != 0 ? " (and it is not a multiple of 4)" : "")
                        + "; everything before it is kept"));
                break;
            }
            long trailer = i32(off + blockLen - 4) & 0xffffffffL;
            if (trailer != blockLen) {
                diags.accept(Diagnostic.warning(Locations.offset(file, off), "block of type " + type + " says "
                        + blockLen + " bytes at its start but " + trailer + " at its end; read by the start"));
            }
            if (!block(type, off, blockLen)) {
                break;
            }
            off += blockLen;
        }
        if (!anyNetlink) {
            throw new NotThisFormatException("pcapng file has " + ifaces.size()
                    + " interface(s) and none has LINKTYPE_NETLINK (253); nlwb reads netlink captures only");
        }
    }

    /** Sets the byte order from the section header at {@code off}; false (reading stops) when its magic is bad. */
    private boolean sectionByteOrder(long off) throws NotThisFormatException {
        int bom = in.i32(off + 8, false);
        if (bom == PcapReader.PCAPNG_BOM) {
            little = false;
        } else if (Integer.reverseBytes(bom) == PcapReader.PCAPNG_BOM) {
            little = true;
        } else {
            if (off == 0) {
                throw new NotThisFormatException(String.format(
                        "offset 0x8: expected the pcapng byte-order magic 1a2b3c4d, found %08x", bom));
            }
            diags.accept(Diagnostic.error(Locations.offset(file, off), "section header with a bad byte-order magic; reading stops"));
            return false;
        }
        ifaces.clear();
        meta.put("pcap.byteorder", little ? "little-endian" : "big-endian");
        meta.put("pcap.version", "pcapng");
        return true;
    }

    /** One block of sound length; false when reading must stop. */
    private boolean block(int type, long off, long blockLen) throws NotThisFormatException {
        long body = off + 8;
        long bodyEnd = off + blockLen - 4;
        long have = bodyEnd - body;
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

    private static String tooShort(String what, long blockLen, int bodyNeeded) {
        return what + " of " + blockLen + " bytes is too short: it needs at least " + (12 + bodyNeeded)
                + " (its fixed fields)";
    }

    private void error(long off, String message) {
        diags.accept(Diagnostic.error(Locations.offset(file, off), message));
    }

    private void interfaceBlock(long body, long bodyEnd) {
        int lt = u16(body);
        long units = 1_000_000;
        long o = body + 8;
        while (o + 4 <= bodyEnd) {
            int code = u16(o);
            int olen = u16(o + 2);
            if (code == 0) {
                break;
            }
            if (code == 9 && olen >= 1 && o + 4 < bodyEnd) { // if_tsresol
                int r = in.u8(o + 4);
                units = (r & 0x80) == 0 ? pow(10, r) : pow(2, r & 0x7f);
            }
            o += 4 + ((olen + 3) & ~3);
        }
        ifaces.add(new Iface(lt, units));
        anyNetlink |= lt == NetlinkCookedHeader.LINKTYPE_NETLINK;
    }

    /** An enhanced (6), obsolete (2) or simple (3) packet block whose fixed fields are all there. */
    private void packetBlock(int type, long off, long body, long bodyEnd) {
        int ifId;
        long ts;
        int caplen;
        long len;
        long dataOff;
        if (type == 3) {
            ifId = 0;
            ts = -1;
            len = i32(body) & 0xffffffffL;
            dataOff = body + 4;
            caplen = (int) Math.min(Math.min(len, bodyEnd - dataOff), PcapReader.MAX_CAPLEN);
        } else {
            ifId = type == 6 ? i32(body) : u16(body);
            ts = (i32(body + 4) & 0xffffffffL) << 32 | (i32(body + 8) & 0xffffffffL);
            caplen = i32(body + 12);
            len = i32(body + 16) & 0xffffffffL;
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
            PcapReader.addPacket(file, in, out, diags, index, off, time, dataOff, caplen, len, comment, little,
                    ifaces.get(ifId).unitsPerSecond);
        }
    }

    /** The first {@code opt_comment} among the options in {@code [o, end)}, or null. */
    private String comment(long o, long end) {
        return comment(in, little, o, end);
    }

    /** As {@link #comment(long, long)} in a section of the given byte order (a mapped index reads it again). */
    static String comment(FileBytes in, boolean little, long o, long end) {
        while (o + 4 <= end) {
            int code = in.u16(o, little);
            int olen = in.u16(o + 2, little);
            if (code == 0 || o + 4 + olen > end) {
                return null;
            }
            if (code == 1) {
                return new String(in.bytes(o + 4, olen), java.nio.charset.StandardCharsets.UTF_8);
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
    static long toNanos(long ts, long unitsPerSecond) {
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
