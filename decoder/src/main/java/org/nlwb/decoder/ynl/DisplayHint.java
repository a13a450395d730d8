package org.nlwb.decoder.ynl;

/**
 * A spec's {@code display-hint}: how people write and read an attribute's or member's value. Read
 * once from the spec text; {@code org.nlwb.decoder.codec.DisplayHints} is the one place that
 * turns bytes into these forms and back. {@link #toString()} is the spec spelling.
 */
public enum DisplayHint {
    HEX("hex"),
    MAC("mac"),
    FDDI("fddi"),
    IPV4("ipv4"),
    IPV6("ipv6"),
    IPV4_OR_V6("ipv4-or-v6"),
    UUID("uuid"),
    /** nlwb's own, not the kernel's: a u32 tc handle or class id shown as tc does ({@code 1:}, {@code root}). */
    TC_HANDLE("tc-handle");

    private final String specName;

    DisplayHint(String specName) {
        this.specName = specName;
    }

    /** The hint spelled {@code name} in a spec, or null. */
    public static DisplayHint of(String name) {
        for (DisplayHint h : values()) {
            if (h.specName.equals(name)) {
                return h;
            }
        }
        return null;
    }

    public String specName() {
        return specName;
    }

    /** Hints of a link-layer address: colon-separated hex bytes. */
    public boolean isMac() {
        return this == MAC || this == FDDI;
    }

    /** Hints of an IP address. */
    public boolean isIp() {
        return this == IPV4 || this == IPV6 || this == IPV4_OR_V6;
    }

    @Override
    public String toString() {
        return specName;
    }
}
