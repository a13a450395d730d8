package org.nlwb.decoder.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.nlwb.decoder.ynl.AttrSetSpec;
import org.nlwb.decoder.ynl.AttrSpec;
import org.nlwb.decoder.ynl.EnumDef;
import org.nlwb.decoder.ynl.Family;
import org.nlwb.decoder.ynl.StructDef;

/**
 * One attribute where it lives: its spec, the set it belongs to and the family's codecs. What
 * every {@link TypeCodec} method works on, and the composer's handle on an attribute
 * ({@link #editorHint()}, {@link #validate}).
 *
 * @param owner the attribute set {@code spec} is in (for an indexed array's items: the array's set)
 */
public record Field(FamilyCodecs codecs, AttrSetSpec owner, AttrSpec spec) {

    public Family family() {
        return codecs.family();
    }

    public TypeCodec codec() {
        return TypeCodecs.of(spec.type());
    }

    /** What an editor of this attribute needs. */
    public EditorHint editorHint() {
        return codec().editorHint(this);
    }

    /**
     * The problem encoding {@code v} as this attribute would report (the same path and text as
     * {@code nlwb send}), or empty when it encodes. A multi-attr attribute takes an array of values;
     * a sub-message looks for its selector in {@code enclosing}.
     *
     * @param path      where {@code v} is in the description ({@code linkinfo.data}), for the problem
     * @param enclosing the JSON objects around {@code v}, innermost first (the object holding {@code v} first)
     */
    public Optional<Problem> validate(JsonNode v, String path, List<ObjectNode> enclosing) {
        return codec().validate(this, v, path, enclosing);
    }

    /** As {@link #validate(JsonNode, String, List)} with no enclosing objects. */
    public Optional<Problem> validate(JsonNode v, String path) {
        return validate(v, path, List.of());
    }

    /** Item {@code index} of this indexed array. */
    public Field item(int index) {
        return new Field(codecs, owner, spec.item(index));
    }

    /** The enum or flags definition naming the values, or null. */
    public EnumDef enumDef() {
        return spec.enumName() == null ? null : family().enums().get(spec.enumName());
    }

    /** The struct a binary attribute is laid out as, or null (none named, or not defined). */
    public StructDef struct() {
        return spec.struct() == null ? null : family().structs().get(spec.struct());
    }
}
