package org.nlwb.decoder.encode;

import static org.nlwb.decoder.message.Netlink.GENL_ID_CTRL;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;
import org.nlwb.decoder.codec.Encoding;
import org.nlwb.decoder.codec.FamilyCodecs;
import org.nlwb.decoder.codec.JsonValues;
import org.nlwb.decoder.codec.Suggestions;
import org.nlwb.decoder.codec.ValueException;
import org.nlwb.decoder.message.MessageWriter;
import org.nlwb.decoder.message.NlFlags;
import org.nlwb.decoder.spec.SpecCatalog;
import org.nlwb.decoder.ynl.AttrSetSpec;
import org.nlwb.decoder.ynl.Family;
import org.nlwb.decoder.ynl.OpSpec;
import org.nlwb.decoder.ynl.StructDef;

/**
 * Builds the bytes of a netlink request from a {@link Request}, through the family's YNL spec, as
 * the kernel's YNL library does:
 *
 * <pre>
 *  | nlmsghdr 16 | genlmsghdr 4 (generic netlink: cmd, version, 0) | fixed header, NLMSG_ALIGNed | attributes ... |
 *  nlmsg_type: the operation's request id (netlink-raw) or the family id (generic netlink, asked at send time)
 * </pre>
 *
 * Values follow the spec's types, each written by its type's {@link org.nlwb.decoder.codec.TypeCodec}:
 * integers (enum and flag names accepted, range-checked for the type), {@code flag} (true),
 * {@code string} (sent NUL-terminated; {@code {"value": s, "nul": false}} sends it without),
 * {@code binary} as hex or by display hint (ipv4, ipv6, mac, uuid) or as a struct object, nests
 * as objects, multi-attr as arrays, sub-messages by their selector's value (looked up in this and
 * the enclosing objects). Any attribute may instead be given raw bytes as {@code {"$hex": "..."}}
 * (for crafting what the kernel must refuse). What a captured request's description says beyond
 * the spec is sent so: {@code {"value": v, "size": 4}} an integer at that width, {@code "$nested": true}
 * a sub-message with NLA_F_NESTED, {@code {"$value": v, "$pad": "hex"}} those padding bytes (README,
 * "The description"). A selector may follow what it selects. Attributes are written in the JSON object's order;
 * the fixed header's members may be given in the same object (as the YNL CLI takes them), missing
 * members are zero.
 *
 * <p>Never sends anything; stateless and thread-safe. Errors are {@link EncodeException}s naming
 * the field.
 */
public final class MessageEncoder {
    private static final Map<String, Integer> FLAG_NAMES = Map.ofEntries(
            Map.entry("REQUEST", NlFlags.REQUEST), Map.entry("MULTI", NlFlags.MULTI), Map.entry("ACK", NlFlags.ACK),
            Map.entry("ECHO", NlFlags.ECHO), Map.entry("ROOT", NlFlags.ROOT), Map.entry("MATCH", NlFlags.MATCH),
            Map.entry("ATOMIC", NlFlags.ATOMIC), Map.entry("DUMP", NlFlags.DUMP), Map.entry("REPLACE", NlFlags.REPLACE),
            Map.entry("EXCL", NlFlags.EXCL), Map.entry("CREATE", NlFlags.CREATE), Map.entry("APPEND", NlFlags.APPEND),
            Map.entry("NONREC", NlFlags.NONREC), Map.entry("BULK", NlFlags.BULK));

    /** The bytes and what they were built from. */
    public record Encoded(byte[] bytes, Family family, OpSpec op, int flags) {
    }

    private final SpecCatalog catalog;

    public MessageEncoder(SpecCatalog catalog) {
        this.catalog = java.util.Objects.requireNonNull(catalog, "catalog");
    }

    /** The family named {@code name}; the error lists the known ones (and the closest). */
    public Family family(String name) throws EncodeException {
        var f = catalog.family(name);
        if (f.isPresent()) {
            return f.get();
        }
        List<String> known = catalog.entries().stream().map(e -> e.name()).toList();
        long broken = catalog.problems().stream().map(p -> p.file()).distinct().count();
        throw new EncodeException("family", "no spec for family '" + name + "'" + Suggestions.suggestion(name, known)
                + "; known: " + Suggestions.list(known) + (broken == 0 ? "" : " (" + broken + " spec file"
                + (broken == 1 ? " was" : "s were") + " skipped for errors: nlwb spec check shows them)"));
    }

    /**
     * The operation {@code name} of {@code f}. Whether it has the do or dump form is left to the
     * kernel: specs often leave out a form the kernel has (nlctrl's getfamily dump).
     */
    public OpSpec operation(Family f, String name, boolean dump) throws EncodeException {
        List<String> names = new ArrayList<>();
        for (OpSpec op : f.operations()) {
            if (op.requestId() != null) {
                names.add(op.name());
            }
            if (op.name().equals(name)) {
                if (op.requestId() == null) {
                    throw new EncodeException("op", "operation '" + name + "' of " + f.name()
                            + " is a notification; the kernel sends it, it cannot be sent");
                }
                return op;
            }
        }
        throw new EncodeException("op", "family " + f.name() + " has no operation '" + name + "'"
                + Suggestions.suggestion(name, names) + "; it has: " + Suggestions.list(names));
    }

    /** nlmsg_flags of a request: REQUEST, ACK unless turned off, DUMP for dumps, and the named extras. */
    public static int flags(Request r) throws EncodeException {
        int flags = NlFlags.REQUEST | (r.ack() ? NlFlags.ACK : 0) | (r.dump() ? NlFlags.DUMP : 0);
        for (String n : r.flags()) {
            String t = n.strip();
            if (t.isEmpty()) {
                continue;
            }
            try {
                if (t.startsWith("0x") || t.startsWith("0X")) {
                    flags |= Integer.parseInt(t.substring(2), 16);
                    continue;
                }
                if (Character.isDigit(t.charAt(0))) {
                    flags |= Integer.parseInt(t);
                    continue;
                }
            } catch (NumberFormatException e) {
                throw new EncodeException("flags", "'" + t + "' is not a number");
            }
            String key = t.toUpperCase(Locale.ROOT);
            if (key.startsWith("NLM_F_")) {
                key = key.substring(6);
            }
            Integer bit = FLAG_NAMES.get(key);
            if (bit == null) {
                throw new EncodeException("flags", "unknown flag '" + t + "'" + Suggestions.suggestion(key, FLAG_NAMES.keySet())
                        + "; known: " + String.join(", ", new java.util.TreeSet<>(FLAG_NAMES.keySet())));
            }
            flags |= bit;
        }
        if (flags > 0xffff) {
            throw new EncodeException("flags", "nlmsg_flags is 16 bits, 0x" + Integer.toHexString(flags) + " is not");
        }
        return flags;
    }

    /**
     * Encodes {@code r}.
     *
     * @param genlId the id the kernel gave a generic netlink family (by family name); asked only
     *               for generic netlink families other than nlctrl, whose id is fixed
     */
    public Encoded encode(Request r, ToIntFunction<String> genlId) throws EncodeException {
        Family f = family(r.family());
        OpSpec op = operation(f, r.op(), r.dump());
        if (!r.values().isObject()) {
            throw new EncodeException("json", "expects a JSON object of attributes, got " + JsonValues.kind(r.values()));
        }
        int flags = flags(r);
        boolean genl = f.schema().isGeneric();
        int type = genl ? (f.name().equals("nlctrl") ? GENL_ID_CTRL : genlId.applyAsInt(f.name())) : op.requestId();
        MessageWriter out = MessageWriter.message(type, flags, r.seq(), r.pid());
        if (genl) {
            if (r.genlVersion() < 0 || r.genlVersion() > 255) {
                throw new EncodeException("version", r.genlVersion() + " is out of range for the genlmsghdr's u8 version");
            }
            out.u8(op.requestId()).u8(r.genlVersion()).u16(0);
        }
        StructDef header = op.fixedHeader() == null ? null : f.structs().get(op.fixedHeader());
        AttrSetSpec set = op.attributeSet() == null ? null : f.attributeSets().get(op.attributeSet());
        try {
            new Encoding(new FamilyCodecs(f), r.nestedFlag()).message(out, header, set, (ObjectNode) r.values());
        } catch (ValueException e) {
            throw new EncodeException(e.problem().path(), e.problem().message());
        }
        return new Encoded(out.build(), f, op, flags);
    }

    /** The problem {@link #encode} would report for {@code r}, or empty when it encodes. */
    public Optional<EncodeException> validate(Request r, ToIntFunction<String> genlId) {
        try {
            encode(r, genlId);
            return Optional.empty();
        } catch (EncodeException e) {
            return Optional.of(e);
        }
    }
}
