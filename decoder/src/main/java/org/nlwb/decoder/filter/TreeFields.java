package org.nlwb.decoder.filter;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.tree.Node;

/** A field's occurrences read from a decoded message: the definition {@link FastFilter} must agree with. */
final class TreeFields {
    private TreeFields() {
    }

    /** Every occurrence of {@code field} in {@code m}. */
    static List<FieldValue> values(String field, DecodedMessage m) {
        MessageRef ref = m.ref();
        switch (field) {
            case "type":
                return ref.hasHeader() ? List.of(new FieldValue(BigInteger.valueOf(ref.type()), m.typeName()))
                        : List.of(new FieldValue(null, m.typeName()));
            case "flags": {
                if (!ref.hasHeader()) {
                    return List.of();
                }
                Node hdr = m.tree().child("nlmsghdr");
                Node f = hdr == null ? null : hdr.child("nlmsg_flags");
                return List.of(new FieldValue(BigInteger.valueOf(ref.flags()), f == null ? null : f.display()));
            }
            case "error": {
                Node err = m.tree().child("error");
                return err == null ? List.of() : List.of(FieldValue.of(err));
            }
            default: {
                List<FieldValue> header = recordField(field, ref);
                if (header != null) {
                    return header;
                }
                List<FieldValue> out = new ArrayList<>();
                m.tree().walk(n -> {
                    if (n.name().equals(field)) {
                        out.add(FieldValue.of(n));
                    }
                });
                return out;
            }
        }
    }

    /**
     * The pseudo-fields that the header and the record answer alone ({@code seq}, {@code len},
     * {@code pid}, {@code direction}, {@code protocol}); null for any other field.
     */
    static List<FieldValue> recordField(String field, MessageRef ref) {
        Record r = ref.record();
        switch (field) {
            case "seq":
                return ref.hasHeader() ? List.of(new FieldValue(BigInteger.valueOf(ref.seq()))) : List.of();
            case "len":
                return List.of(new FieldValue(BigInteger.valueOf(ref.length())));
            case "pid":
                return r.pid() < 0 ? List.of() : List.of(new FieldValue(BigInteger.valueOf(r.pid())));
            case "direction":
                return List.of(new FieldValue(null, r.direction().json(),
                        MessageRole.of(ref).name().toLowerCase(Locale.ROOT)));
            case "protocol":
                return r.protocol() == Protocol.UNKNOWN ? List.of(new FieldValue(null, "unknown"))
                        : List.of(new FieldValue(BigInteger.valueOf(r.protocol()), Protocol.shortName(r.protocol()),
                                Protocol.name(r.protocol())));
            default:
                return null;
        }
    }
}
