package org.nlwb.decoder.read;

import org.nlwb.decoder.bytes.Printable;

/** How readers name places in a file for record locations and diagnostics. */
final class Locations {
    private Locations() {
    }

    /**
     * The last path element of {@code name}: locations stay short and readable on screen. Control
     * characters in it are escaped ({@link Printable#escape}): a file name is text from outside too.
     */
    static String shortName(String name) {
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return Printable.escape(slash >= 0 && slash < name.length() - 1 ? name.substring(slash + 1) : name);
    }

    static String line(String file, int line) {
        return file + ":" + line;
    }

    /** A packet of a pcap or pcapng file: its number from 1 and the offset of its record or block. */
    static String packet(String file, int index, long offset) {
        // made for every record the mapped index hands out: one builder of the right size, not grown twice
        return new StringBuilder(file.length() + 40).append(file).append(" packet ").append(index + 1)
                .append(" @ 0x").append(Long.toHexString(offset)).toString();
    }

    static String offset(String file, long offset) {
        return file + " @ 0x" + Long.toHexString(offset);
    }
}
