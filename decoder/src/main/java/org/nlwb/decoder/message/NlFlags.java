package org.nlwb.decoder.message;

import java.util.ArrayList;
import java.util.List;

/** Names the bits of nlmsg_flags; the bits from 0x100 up are named by the message's {@link FlagKind}. */
public final class NlFlags {
    public static final int REQUEST = 0x01;
    public static final int MULTI = 0x02;
    public static final int ACK = 0x04;
    public static final int ECHO = 0x08;
    public static final int DUMP_INTR = 0x10;
    public static final int DUMP_FILTERED = 0x20;
    // GET
    public static final int ROOT = 0x100;
    public static final int MATCH = 0x200;
    public static final int ATOMIC = 0x400;
    public static final int DUMP = ROOT | MATCH;
    // NEW
    public static final int REPLACE = 0x100;
    public static final int EXCL = 0x200;
    public static final int CREATE = 0x400;
    public static final int APPEND = 0x800;
    // DELETE
    public static final int NONREC = 0x100;
    public static final int BULK = 0x200;
    // ACK
    public static final int CAPPED = 0x100;
    public static final int ACK_TLVS = 0x200;

    private static final String[] COMMON = {"REQUEST", "MULTI", "ACK", "ECHO", "DUMP_INTR", "DUMP_FILTERED"};

    private NlFlags() {
    }

    /**
     * {@code "REQUEST|ACK|DUMP"}-style names (without the {@code NLM_F_} prefix); bits no name
     * covers are shown in hex; 0 is {@code "0"}.
     */
    public static String describe(int flags, FlagKind kind) {
        List<String> names = new ArrayList<>();
        for (int bit = 0; bit < COMMON.length; bit++) {
            if ((flags & (1 << bit)) != 0) {
                names.add(COMMON[bit]);
            }
        }
        int rest = flags & ~0x3f;
        switch (kind) {
            case GET -> {
                if ((rest & DUMP) == DUMP) {
                    names.add("DUMP");
                    rest &= ~DUMP;
                }
                rest = take(rest, ROOT, "ROOT", names);
                rest = take(rest, MATCH, "MATCH", names);
                rest = take(rest, ATOMIC, "ATOMIC", names);
            }
            case NEW -> {
                rest = take(rest, REPLACE, "REPLACE", names);
                rest = take(rest, EXCL, "EXCL", names);
                rest = take(rest, CREATE, "CREATE", names);
                rest = take(rest, APPEND, "APPEND", names);
            }
            case DEL -> {
                rest = take(rest, NONREC, "NONREC", names);
                rest = take(rest, BULK, "BULK", names);
            }
            case ACK -> {
                rest = take(rest, CAPPED, "CAPPED", names);
                rest = take(rest, ACK_TLVS, "ACK_TLVS", names);
            }
            case OTHER -> { }
        }
        if (rest != 0) {
            names.add(String.format("0x%x", rest));
        }
        return names.isEmpty() ? "0" : String.join("|", names);
    }

    /** Flag kind from a kernel-style message name: {@code RTM_GETLINK} → GET, {@code ..._NEW...} → NEW. */
    public static FlagKind kindOfName(String typeName) {
        if (typeName == null) {
            return FlagKind.OTHER;
        }
        String n = typeName.toUpperCase(java.util.Locale.ROOT);
        if (n.equals("NLMSG_ERROR")) {
            return FlagKind.ACK;
        }
        if (n.contains("_GET") || n.contains("GET_") || n.contains("_DUMP")) {
            return FlagKind.GET;
        }
        if (n.contains("_NEW") || n.contains("NEW_") || n.contains("_SET") || n.contains("_ADD") || n.contains("CREATE")) {
            return FlagKind.NEW;
        }
        if (n.contains("_DEL") || n.contains("DEL_") || n.contains("DESTROY") || n.contains("REMOVE")) {
            return FlagKind.DEL;
        }
        return FlagKind.OTHER;
    }

    private static int take(int rest, int bit, String name, List<String> names) {
        if ((rest & bit) != 0) {
            names.add(name);
            return rest & ~bit;
        }
        return rest;
    }
}
