package org.nlwb.decoder.read;

import java.util.List;

/** The built-in readers, in detection order (most specific first). */
public final class Readers {
    private Readers() {
    }

    /**
     * pcap first (binary magic), then strace (syscall lines), pyroute2 ({@code \x} strings or
     * separated hex pairs, {@code #} comments), and plain hex text last: it accepts the most.
     */
    public static List<Reader> all() {
        return List.of(new PcapReader(), new StraceReader(), new Pyroute2Reader(), new HexReader());
    }
}
