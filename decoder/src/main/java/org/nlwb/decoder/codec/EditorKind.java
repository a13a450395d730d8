package org.nlwb.decoder.codec;

/**
 * Which editor a value wants, and so which JSON it takes (what {@link Field#validate} accepts).
 * See {@link EditorHint} for the details each kind comes with.
 */
public enum EditorKind {
    /** An integer: a JSON number, or text in decimal or {@code 0x} hex; {@link EditorHint#min()}..{@link EditorHint#max()}. */
    NUMBER,
    /** An integer named by an enum: one of {@link EditorHint#choices()} (spec or kernel name), or its number. */
    ENUM,
    /**
     * Bits named by a flags set (or an enum read as flags): text {@code "a|b"} or {@code "a,b"}, one name,
     * or a number; {@link EditorHint.Choice#value()} is each bit's mask. A JSON array of names is taken
     * by struct members and bitfield32 parts only: for an attribute an array means multi-attr.
     */
    FLAGS,
    /** A {@code flag}: {@code true} sends it, {@code false} leaves it out. */
    BOOLEAN,
    /** Text, sent NUL-terminated; {@code {"value": s, "nul": false}} sends it without the NUL. */
    STRING,
    /** An IPv4 address as dotted text (a binary also takes IPv6 text or hex; an integer also takes a number). */
    IPV4,
    /** An IPv6 address as text (IPv4 text and hex are taken too). */
    IPV6,
    /** An IPv4 or IPv6 address as text, or hex. */
    ADDRESS,
    /** A link-layer address {@code 02:00:00:00:00:01}, or plain hex. */
    MAC,
    /** A UUID {@code 12345678-9abc-def0-0123-456789abcdef}, or plain hex. */
    UUID,
    /** Bytes as a JSON string of hex digits. */
    HEX,
    /** An object of the attributes of {@link EditorHint#attributeSet()}. */
    NEST,
    /** A JSON array of values, each edited as {@link EditorHint#item()} says. */
    ARRAY,
    /** An object keyed by type numbers ({@code {"1": {...}}}), each an object of {@link EditorHint#attributeSet()}. */
    TYPE_VALUE,
    /**
     * An object whose layout the value of {@link EditorHint#selector()} (beside it or in an enclosing
     * object) picks among {@link EditorHint#subMessage()}'s formats.
     */
    SUB_MESSAGE,
    /** {@code {"value": bits, "selector": bits}}, bits as for {@link #FLAGS} over {@link EditorHint#choices()}. */
    BITFIELD32,
    /** An object of the members of {@link EditorHint#struct()} ({@link FamilyCodecs#memberHints}). */
    STRUCT,
    /** Nothing but raw bytes, {@code {"$hex": "..."}} (pad and unused attributes). */
    RAW
}
