package org.nlwb.decoder.read;

import java.util.Locale;

/** The dump formats nlwb reads; {@code --format} names them in lower case. */
public enum DumpFormat {
    PYROUTE2, STRACE, PCAP, HEX;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DumpFormat ofLabel(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
