package org.nlwb.decoder.export;

/** What an export can write (the window's Export menu offers each), with the file name extension offered. */
public enum ExportFormat {
    JSON("JSON (nlwb decode --json schema)", "json"),
    TEXT("Text tree", "txt"),
    PCAP("pcap (LINKTYPE_NETLINK)", "pcap"),
    PYROUTE2("pyroute2 .data hex dump", "data");

    private final String label;
    private final String extension;

    ExportFormat(String label, String extension) {
        this.label = label;
        this.extension = extension;
    }

    public String label() {
        return label;
    }

    public String extension() {
        return extension;
    }
}
