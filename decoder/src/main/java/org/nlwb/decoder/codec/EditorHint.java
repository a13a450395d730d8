package org.nlwb.decoder.codec;

import java.math.BigInteger;
import java.util.List;
import org.nlwb.decoder.ynl.AttrChecks;
import org.nlwb.decoder.ynl.AttrType;
import org.nlwb.decoder.ynl.DisplayHint;
import org.nlwb.decoder.ynl.SubMessageSpec;

/**
 * What a typed editor needs to know about one attribute or struct member: the {@link EditorKind}
 * and whatever that kind comes with. Made by each type's codec ({@link Field#editorHint()},
 * {@link FamilyCodecs#memberHints}); properties that do not apply to the kind are null, empty or
 * false. Any attribute also takes raw bytes as {@code {"$hex": "..."}}, and a {@link #multi()} one
 * a JSON array of values; {@link Field#validate} says whether a value is taken, in the words
 * {@code nlwb send} would use.
 *
 * @param kind         the editor
 * @param type         the YNL type of the value
 * @param displayHint  the spec's display hint (a {@code u32} with {@code hex} is best shown in hex), or null
 * @param min          integers: the smallest value the type holds (what validation enforces), else null
 * @param max          integers: the largest value the type holds, else null
 * @param checks       the spec's {@code checks} (the kernel's policy: narrower ranges, string and
 *                     binary lengths); advisory, as the encoder sends what the kernel may refuse.
 *                     For a struct member {@code maxLength} is the member's size.
 * @param choices      ENUM, FLAGS and BITFIELD32: the named values in spec order
 * @param multi        {@code multi-attr}: the attribute may be given as a JSON array of such values
 * @param attributeSet NEST and TYPE_VALUE: the attribute set of the nested object
 * @param struct       STRUCT: the struct's name
 * @param selector     SUB_MESSAGE: the attribute (spec name) whose value picks the format
 * @param subMessage   SUB_MESSAGE: the formats, by selector value
 * @param item         ARRAY: the hint for each item
 */
public record EditorHint(EditorKind kind, AttrType type, DisplayHint displayHint, BigInteger min, BigInteger max,
                         AttrChecks checks, List<Choice> choices, boolean multi, String attributeSet, String struct,
                         String selector, SubMessageSpec subMessage, EditorHint item) {

    /**
     * A named value of an enum or flags set.
     *
     * @param name       the spec spelling ({@code up}), what a description writes
     * @param kernelName the C constant ({@code IFF_UP}), also accepted
     * @param value      the value on the wire: the enum value, or a flag's bit mask ({@code 1 << position})
     */
    public record Choice(String name, String kernelName, long value) {
    }

    public EditorHint {
        checks = checks == null ? AttrChecks.NONE : checks;
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    /** A hint of {@code kind} for a value of {@code type}, with nothing else said yet. */
    public static EditorHint of(EditorKind kind, AttrType type) {
        return new EditorHint(kind, type, null, null, null, AttrChecks.NONE, List.of(), false, null, null, null, null, null);
    }

    /** The range of an integer type. */
    public EditorHint withRange(AttrType integer) {
        return new EditorHint(kind, type, displayHint, integer.min(), integer.max(), checks, choices, multi, attributeSet,
                struct, selector, subMessage, item);
    }

    public EditorHint withDisplayHint(DisplayHint h) {
        return new EditorHint(kind, type, h, min, max, checks, choices, multi, attributeSet, struct, selector, subMessage,
                item);
    }

    public EditorHint withChecks(AttrChecks c) {
        return new EditorHint(kind, type, displayHint, min, max, c, choices, multi, attributeSet, struct, selector,
                subMessage, item);
    }

    public EditorHint withChoices(List<Choice> c) {
        return new EditorHint(kind, type, displayHint, min, max, checks, c, multi, attributeSet, struct, selector,
                subMessage, item);
    }

    public EditorHint withMulti(boolean m) {
        return new EditorHint(kind, type, displayHint, min, max, checks, choices, m, attributeSet, struct, selector,
                subMessage, item);
    }

    public EditorHint withAttributeSet(String set) {
        return new EditorHint(kind, type, displayHint, min, max, checks, choices, multi, set, struct, selector, subMessage,
                item);
    }

    public EditorHint withStruct(String name) {
        return new EditorHint(kind, type, displayHint, min, max, checks, choices, multi, attributeSet, name, selector,
                subMessage, item);
    }

    public EditorHint withSubMessage(String selectorName, SubMessageSpec formats) {
        return new EditorHint(kind, type, displayHint, min, max, checks, choices, multi, attributeSet, struct, selectorName,
                formats, item);
    }

    public EditorHint withItem(EditorHint each) {
        return new EditorHint(kind, type, displayHint, min, max, checks, choices, multi, attributeSet, struct, selector,
                subMessage, each);
    }
}
