package org.nlwb.decoder.read;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.message.NlFlags;
import org.nlwb.decoder.model.Diagnostic;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.Record;

/**
 * Reads libpcap ({@code .pcap}) and pcapng files whose packets are LINKTYPE_NETLINK (253): each
 * packet becomes one record holding the datagram after the 16-byte {@link NetlinkCookedHeader},
 * with its time, protocol and direction.
 *
 * <p>pcap: both byte orders, microsecond ({@code a1b2c3d4}) and nanosecond ({@code a1b23c4d})
 * magic. pcapng: section byte order, every interface with its own link type and
 * {@code if_tsresol}; enhanced, simple and obsolete packet blocks; other blocks are skipped.
 * Packets of a non-netlink interface are skipped with a diagnostic; a file with no netlink
 * interface at all is {@link NotThisFormatException not this format}.
 *
 * <p>Damage: a packet captured shorter than it was ({@code caplen < len}) is kept as captured
 * (framing marks the cut message) with a warning; a file cut inside a packet keeps every
 * packet before it and reports the offset.
 *
 * <p>Direction: pkttype 0 → from the kernel, 4 → to the kernel. A real {@code nlmon} capture
 * marks every packet 4 ("outgoing", because nlmon transmits); when the packets are marked 4 well
 * past the first one that starts with a message lacking {@code NLM_F_REQUEST} (which no
 * program-sent request lacks, and every kernel reply does), the file is taken to be in nlmon's
 * convention and each packet's direction is inferred from its first message's {@code
 * NLM_F_REQUEST} flag instead; an info diagnostic says so. {@link DirectionConvention} has the
 * exact rule, which the mapped index shares. A packet time of exactly 0 means "unknown" (that is what
 * the writers put for records without a time).
 */
public final class PcapReader implements Reader {
    static final int PCAP_MAGIC_US = 0xa1b2c3d4;
    static final int PCAP_MAGIC_NS = 0xa1b23c4d;
    static final int PCAPNG_SHB = 0x0a0d0d0a;
    static final int PCAPNG_BOM = 0x1a2b3c4d;
    /** Prefix of the pcapng packet comment in which nlwb keeps a record's pid, fd and syscall. */
    public static final String COMMENT_PREFIX = "nlwb: ";

    @Override
    public DumpFormat format() {
        return DumpFormat.PCAP;
    }

    @Override
    public boolean sniff(byte[] head) {
        if (head.length < 4) {
            return false;
        }
        int be = ByteBuffer.wrap(head, 0, 4).order(ByteOrder.BIG_ENDIAN).getInt();
        int le = Integer.reverseBytes(be);
        return be == PCAPNG_SHB || be == PCAP_MAGIC_US || be == PCAP_MAGIC_NS || le == PCAP_MAGIC_US
                || le == PCAP_MAGIC_NS;
    }

    /** One packet as found in the file, before its direction is settled. */
    record Packet(int index, long offset, long timeNanos, int packetType, int protocol, byte[] data,
                          String location, int pid, int fd, String syscall) {
    }

    @Override
    public ReadMetadata read(String name, byte[] input, Consumer<Record> sink, Consumer<Diagnostic> diagnostics)
            throws NotThisFormatException {
        String file = Locations.shortName(name);
        List<Packet> packets = new ArrayList<>();
        Map<String, String> meta = new HashMap<>();
        FileBytes in = FileBytes.of(input);
        walk(file, in, (index, blockOff, time, pkttype, protocol, dataOff, dataLen, pid, fd, syscall, little, units) ->
                packets.add(new Packet(index, blockOff, time, pkttype, protocol, in.bytes(dataOff, dataLen),
                        Locations.packet(file, index, blockOff), pid, fd, syscall)), diagnostics, meta);
        DirectionConvention convention = new DirectionConvention();
        for (Packet p : packets) {
            convention.packet(p.packetType, startsWithRequest(p.data));
        }
        convention.end();
        if (convention.nlmon()) {
            diagnostics.accept(nlmonNote(file));
            meta.put(NLMON_META, NLMON_META_VALUE);
        }
        for (Packet p : packets) {
            Direction d = convention.direction(p.packetType, startsWithRequest(p.data));
            sink.accept(new Record(p.timeNanos, d, p.protocol, p.pid, p.fd, p.syscall, p.location, ByteView.of(p.data)));
        }
        return new ReadMetadata(meta);
    }

    static final String NLMON_META = "pcap.direction";
    static final String NLMON_META_VALUE = "inferred from NLM_F_REQUEST (nlmon convention)";

    /** The info diagnostic for a file read in nlmon's direction convention. */
    static Diagnostic nlmonNote(String file) {
        return Diagnostic.info(file, "every packet is marked outgoing (pkttype 4), as an nlmon tap "
                + "marks them; directions are inferred from NLM_F_REQUEST of each packet's first message");
    }

    /**
     * Walks a pcap or pcapng file: every sound netlink packet goes to {@code sink} in file order,
     * every damaged part to {@code diags}; the file's own facts (version, byte order) to {@code meta}.
     */
    static void walk(String file, FileBytes in, PacketSink sink, Consumer<Diagnostic> diags, Map<String, String> meta)
            throws NotThisFormatException {
        if (in.size() < 4) {
            throw new NotThisFormatException("offset 0: expected a pcap or pcapng magic number, file has only "
                    + in.size() + " bytes");
        }
        int be = in.i32(0, false);
        if (be == PCAPNG_SHB) {
            new PcapngBlocks(file, in, sink, diags, meta).read();
        } else {
            readPcap(file, in, be, sink, diags, meta);
        }
    }

    private static boolean startsWithRequest(byte[] d) {
        return d.length >= 8 && ((d[6] & 0xff) & NlFlags.REQUEST) != 0;
    }

    /** Whether the datagram at {@code dataOff} starts with a message carrying NLM_F_REQUEST. */
    static boolean startsWithRequest(FileBytes in, long dataOff, int dataLen) {
        return dataLen >= 8 && (in.u8(dataOff + 6) & NlFlags.REQUEST) != 0;
    }

    // ---- libpcap ---------------------------------------------------------------------------

    private static void readPcap(String file, FileBytes in, int beMagic, PacketSink out, Consumer<Diagnostic> diags,
                                 Map<String, String> meta) throws NotThisFormatException {
        boolean nanos;
        boolean little;
        if (beMagic == PCAP_MAGIC_US || beMagic == PCAP_MAGIC_NS) {
            little = false;
            nanos = beMagic == PCAP_MAGIC_NS;
        } else {
            int le = Integer.reverseBytes(beMagic);
            if (le != PCAP_MAGIC_US && le != PCAP_MAGIC_NS) {
                throw new NotThisFormatException(String.format(
                        "offset 0: expected a pcap magic (a1b2c3d4, a1b23c4d) or pcapng block 0a0d0d0a, found %08x", beMagic));
            }
            little = true;
            nanos = le == PCAP_MAGIC_NS;
        }
        long size = in.size();
        if (size < 24) {
            throw new NotThisFormatException("offset 0: pcap file header needs 24 bytes, file has " + size);
        }
        int major = in.u16(4, little);
        int minor = in.u16(6, little);
        int linktype = in.i32(20, little) & 0x03ffffff;
        if (linktype != NetlinkCookedHeader.LINKTYPE_NETLINK) {
            throw new NotThisFormatException("offset 0x14: pcap link type is " + linktype
                    + ", not LINKTYPE_NETLINK (253); nlwb reads netlink captures only");
        }
        meta.put("pcap.version", major + "." + minor);
        meta.put("pcap.byteorder", little ? "little-endian" : "big-endian");
        meta.put("pcap.resolution", nanos ? "ns" : "us");
        long off = 24;
        int index = 0;
        while (off < size) {
            if (size - off < 16) {
                diags.accept(Diagnostic.error(Locations.offset(file, off), "file ends inside the header of packet "
                        + (index + 1) + " (" + (size - off) + " of 16 bytes); the packets before it are kept"));
                break;
            }
            long sec = in.i32(off, little) & 0xffffffffL;
            long frac = in.i32(off + 4, little) & 0xffffffffL;
            long caplen = in.i32(off + 8, little) & 0xffffffffL;
            long len = in.i32(off + 12, little) & 0xffffffffL;
            long time = sec == 0 && frac == 0 ? -1 : sec * 1_000_000_000L + (nanos ? frac : frac * 1000);
            long dataOff = off + 16;
            if (caplen > size - dataOff) {
                diags.accept(Diagnostic.error(Locations.offset(file, off), "packet " + (index + 1) + " says "
                        + caplen + " captured bytes but the file ends after " + (size - dataOff)
                        + "; the packets before it are kept"));
                break;
            }
            if (caplen > MAX_CAPLEN) {
                diags.accept(Diagnostic.error(Locations.offset(file, off), "packet " + (index + 1) + " says "
                        + caplen + " captured bytes, more than any netlink datagram (" + MAX_CAPLEN
                        + "); reading stops, the packets before it are kept"));
                break;
            }
            addPacket(file, in, out, diags, index, off, time, dataOff, (int) caplen, len, null, little,
                    nanos ? 1_000_000_000L : 1_000_000L);
            index++;
            off = dataOff + caplen;
        }
    }

    /**
     * The largest captured length a packet may claim: a datagram must fit a Java array, and the
     * kernel's netlink datagrams are far smaller (at most a few MiB with the largest rcvbuf).
     */
    static final long MAX_CAPLEN = Integer.MAX_VALUE - 64;

    /**
     * A packet of {@code caplen} bytes at {@code dataOff} (its cooked header) in the record or block
     * at {@code off}: checked, its comment read, and handed to {@code out}. {@code little} and
     * {@code units} (time units per second) are how the block's fields read, for an index that
     * reads them again later.
     */
    static void addPacket(String file, FileBytes in, PacketSink out, Consumer<Diagnostic> diags, int index, long off,
                          long time, long dataOff, int caplen, long len, String comment, boolean little, long units) {
        // made only when there is something to say: building it per packet would dominate indexing
        java.util.function.Supplier<String> where = () -> Locations.packet(file, index, off);
        if (caplen < NetlinkCookedHeader.LENGTH) {
            diags.accept(Diagnostic.error(where.get(), "packet has " + caplen
                    + " bytes, too short for the 16-byte LINKTYPE_NETLINK header; skipped"));
            return;
        }
        if (caplen < len) {
            diags.accept(Diagnostic.warning(where.get(), "packet truncated by the capture: " + caplen + " of " + len
                    + " bytes captured; the captured part is kept"));
        }
        int hatype = in.u16(dataOff + 2, false); // the cooked header is big-endian (NetlinkCookedHeader)
        if (hatype != NetlinkCookedHeader.ARPHRD_NETLINK) {
            diags.accept(Diagnostic.warning(where.get(), "cooked header says ARPHRD " + hatype
                    + ", expected ARPHRD_NETLINK (824); read as netlink anyway"));
        }
        PacketComment c = PacketComment.parse(comment, bad -> diags.accept(Diagnostic.warning(where.get(), bad)));
        int protocol = in.u16(dataOff + 14, false);
        out.packet(index, off, time, in.u16(dataOff, false),
                protocol == NetlinkCookedHeader.PROTOCOL_UNKNOWN ? org.nlwb.decoder.model.Protocol.UNKNOWN : protocol,
                dataOff + NetlinkCookedHeader.LENGTH, caplen - NetlinkCookedHeader.LENGTH, c.pid(), c.fd(), c.syscall(),
                little, units);
    }
}
