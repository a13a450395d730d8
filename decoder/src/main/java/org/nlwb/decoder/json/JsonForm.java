package org.nlwb.decoder.json;

/**
 * How much of the contract a JSON document spells out. Each level is a fixed, documented rule
 * that does not change between versions, and each one's output is turned back into the full form
 * exactly by {@link FullForm#restore}:
 *
 * <ul>
 * <li>{@link #FULL}: every key, always (the default);</li>
 * <li>{@link #OMIT_EMPTY} ({@code --omit-empty}): a key whose value is null is left out, and a
 *     node's {@code children} when it has none;</li>
 * <li>{@link #OMIT_IMPLIED} ({@code --omit-implied}): what {@code OMIT_EMPTY} leaves out, and also
 *     each key whose value follows from the rest of the document by {@link ImpliedKeys}' rules
 *     ({@code status} "ok", an {@code offset} where the previous sibling ends, a {@code display}
 *     that is its {@code value}'s own text).</li>
 * </ul>
 */
public enum JsonForm {
    FULL,
    OMIT_EMPTY,
    OMIT_IMPLIED;

    /** {@link #OMIT_EMPTY} when {@code omitEmpty}, else {@link #FULL}: the older boolean switch. */
    public static JsonForm of(boolean omitEmpty) {
        return omitEmpty ? OMIT_EMPTY : FULL;
    }

    /** Whether null keys and empty {@code children} are left out. */
    public boolean omitsEmpty() {
        return this != FULL;
    }

    /** Whether implied keys are left out too. */
    public boolean omitsImplied() {
        return this == OMIT_IMPLIED;
    }
}
