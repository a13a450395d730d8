package org.nlwb.decoder.encode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Objects;

/**
 * A message described the way the kernel's YNL CLI takes it
 * ({@code ynl --family rt-link --do getlink --json '{"ifname": "lo"}'}): a family, an operation
 * and whether it is the do or the dump form, and one JSON object holding attributes by their
 * spec names and the fixed header's members by theirs ({@code {"ifi-index": 1, "ifname": "lo"}}).
 *
 * <p>Flags: NLM_F_REQUEST always, NLM_F_ACK unless {@code ack} is false, NLM_F_DUMP for a dump,
 * plus {@code flags} by name ({@code create}, {@code excl}, {@code NLM_F_REPLACE} ...) or as
 * numbers ({@code 0x300}).
 *
 * <p>Beyond YNL, for replaying captured requests byte for byte: {@code seq} and {@code pid}
 * (0 by default; a sender stamps seq), {@code genlVersion} (the genlmsghdr version, 1 by default),
 * and {@code nestedFlag} (whether nests carry NLA_F_NESTED; YNL sets it, iproute2 does not).
 *
 * @param values the JSON object of attributes and fixed header members (never null)
 */
public record Request(String family, String op, boolean dump, boolean ack, List<String> flags, JsonNode values,
                      long seq, long pid, int genlVersion, boolean nestedFlag) {

    public Request {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(op, "op");
        flags = flags == null ? List.of() : List.copyOf(flags);
        values = values == null ? JsonNodeFactory.instance.objectNode() : values;
    }

    /** The do (or dump) form of {@code op} with YNL's defaults: ACK requested, NLA_F_NESTED on nests. */
    public static Request of(String family, String op, boolean dump, JsonNode values) {
        return new Request(family, op, dump, true, List.of(), values, 0, 0, 1, true);
    }

    public Request withFlags(List<String> extra) {
        return new Request(family, op, dump, ack, extra, values, seq, pid, genlVersion, nestedFlag);
    }

    public Request withAck(boolean a) {
        return new Request(family, op, dump, a, flags, values, seq, pid, genlVersion, nestedFlag);
    }

    public Request withNestedFlag(boolean n) {
        return new Request(family, op, dump, ack, flags, values, seq, pid, genlVersion, n);
    }

    public Request withHeader(long newSeq, long newPid, int version) {
        return new Request(family, op, dump, ack, flags, values, newSeq, newPid, version, nestedFlag);
    }
}
