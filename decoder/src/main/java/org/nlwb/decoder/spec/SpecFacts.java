package org.nlwb.decoder.spec;

import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.nlwb.decoder.message.NlFlags;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.ynl.Family;
import org.nlwb.decoder.ynl.OpSpec;
import org.nlwb.decoder.ynl.SchemaLevel;

/**
 * What the registry needs to know of a family before its spec is parsed: its name, schema level,
 * protocol, and which message ids its operations use in each direction, so that a netlink-raw
 * message is handed only to a family that can know it ({@link #mayKnow}). For the built-in specs
 * these facts are written at build time ({@link BuiltinIndex}); for any other spec they are read
 * off the parsed family ({@link #of}). Immutable.
 *
 * <p>One line of the index: {@code NAME TAB SCHEMA TAB PROTONUM|- TAB REQUEST_IDS|- TAB REPLY_IDS|-},
 * ids in decimal, comma-separated, ascending.
 */
public final class SpecFacts {
    private final String name;
    private final SchemaLevel schema;
    private final Integer protonum;
    private final BitSet requestIds;
    private final BitSet replyIds;

    private SpecFacts(String name, SchemaLevel schema, Integer protonum, BitSet requestIds, BitSet replyIds) {
        this.name = Objects.requireNonNull(name, "name");
        this.schema = Objects.requireNonNull(schema, "schema");
        this.protonum = protonum;
        this.requestIds = requestIds;
        this.replyIds = replyIds;
    }

    /** The facts of a parsed family. */
    public static SpecFacts of(Family f) {
        BitSet req = new BitSet();
        BitSet rep = new BitSet();
        for (OpSpec op : f.operations()) {
            if (op.requestId() != null && op.requestId() >= 0) {
                req.set(op.requestId());
            }
            if (op.replyId() != null && op.replyId() >= 0) {
                rep.set(op.replyId());
            }
        }
        return new SpecFacts(f.name(), f.schema(), f.protonum(), req, rep);
    }

    /**
     * Reads one index line ({@link #line()}).
     *
     * @throws IllegalArgumentException when the line is not one {@link #line()} writes
     */
    public static SpecFacts parse(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 5) {
            throw new IllegalArgumentException("expected 5 tab-separated fields, found " + f.length);
        }
        SchemaLevel level = SchemaLevel.of(f[1]);
        if (level == null || !level.label().equals(f[1])) {
            throw new IllegalArgumentException("unknown schema level " + f[1]);
        }
        Integer protonum = f[2].equals("-") ? null : Integer.valueOf(f[2]);
        return new SpecFacts(f[0], level, protonum, ids(f[3]), ids(f[4]));
    }

    private static BitSet ids(String field) {
        BitSet b = new BitSet();
        if (!field.equals("-")) {
            for (String id : field.split(",")) {
                b.set(Integer.parseInt(id));
            }
        }
        return b;
    }

    /** This family as one index line (no line end). */
    public String line() {
        return String.join("\t", name, schema.label(), protonum == null ? "-" : protonum.toString(), ids(requestIds),
                ids(replyIds));
    }

    private static String ids(BitSet b) {
        return b.isEmpty() ? "-" : b.stream().mapToObj(Integer::toString).collect(Collectors.joining(","));
    }

    public String name() {
        return name;
    }

    public SchemaLevel schema() {
        return schema;
    }

    /** The netlink protocol of a netlink-raw family, or null (generic netlink). */
    public Integer protonum() {
        return protonum;
    }

    /** The protocol the family's messages travel on, as {@link Family#protocol()} says it. */
    public int protocol() {
        return protonum != null ? protonum : org.nlwb.decoder.model.Protocol.GENERIC;
    }

    /** The ids of the family's messages to the kernel, ascending. */
    public List<Integer> requestIds() {
        return requestIds.stream().boxed().toList();
    }

    /** The ids of its messages from the kernel (replies, notifications, events), ascending. */
    public List<Integer> replyIds() {
        return replyIds.stream().boxed().toList();
    }

    /**
     * Whether the family has an operation with message id {@code id} in a message's direction: exactly
     * when {@link org.nlwb.decoder.ynl.OpMatch#find} finds one, which takes the direction the same way
     * (the record's, else NLM_F_REQUEST decides) and matches request ids to the kernel, reply ids
     * from it.
     */
    public boolean mayKnow(Direction direction, int flags, int id) {
        if (id < 0) {
            return false;
        }
        Direction d = direction;
        if (d == null || d == Direction.UNKNOWN) {
            d = (flags & NlFlags.REQUEST) != 0 ? Direction.TO_KERNEL : Direction.FROM_KERNEL;
        }
        return d == Direction.TO_KERNEL ? requestIds.get(id) : replyIds.get(id);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpecFacts s && name.equals(s.name) && schema == s.schema && Objects.equals(protonum, s.protonum)
                && requestIds.equals(s.requestIds) && replyIds.equals(s.replyIds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, schema, protonum, requestIds, replyIds);
    }

    @Override
    public String toString() {
        return line();
    }
}
