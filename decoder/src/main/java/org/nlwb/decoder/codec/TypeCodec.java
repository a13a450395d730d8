package org.nlwb.decoder.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.DecodeScope;
import org.nlwb.decoder.decode.Decoded;
import org.nlwb.decoder.message.MessageWriter;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.ynl.AttrSpec;

/**
 * Everything one YNL attribute type knows, in one place: how its payload decodes into a tree, how
 * a JSON description of it is written as an attribute, how a decoded attribute is described again
 * as JSON, whether a JSON value is acceptable, and what editor it wants. {@link TypeCodecs#of}
 * gives the codec of each {@link org.nlwb.decoder.ynl.AttrType}; codecs are stateless, the
 * attribute they work on comes in as a {@link Field}.
 *
 * <p>Contracts: {@link #decode} never throws on bad bytes (a wrong-sized payload is a malformed
 * value with a note, its bytes kept); {@link #encode} and {@link #describe} throw
 * {@link ValueException}s naming the field path; describing what {@link #decode} made and
 * encoding the description gives the captured bytes again.
 */
public interface TypeCodec {

    /** The payload (after the nlattr header, without padding) as a value or a container of nodes. */
    Decoded decode(Field f, ByteView payload, boolean netByteOrder, DecodeScope scope);

    /**
     * Writes the attribute {@code v} describes into {@code out} (header, payload, padding; a
     * {@code flag} given {@code false} writes nothing). Raw {@code {"$hex": ...}} values and
     * multi-attr arrays are taken care of by {@link Encoding} before this is called.
     */
    void encode(Field f, JsonNode v, Encoding enc, MessageWriter out, String path) throws ValueException;

    /**
     * The JSON value that encodes to decoded attribute {@code n} (its nla_len/nla_type children
     * first, then what {@link #decode} made); refuses what a description cannot say.
     */
    JsonNode describe(Field f, Node n, Describing d, String path) throws ValueException;

    /** What an editor of this attribute needs: kind, range, names, nested set ... */
    EditorHint editorHint(Field f);

    /**
     * Whether a JSON array is one value of this attribute (an indexed array, a binary array of
     * integers) rather than several values of a multi-attr attribute.
     */
    default boolean takesArray(AttrSpec a) {
        return false;
    }

    /**
     * The problem {@link #encode} would report for {@code v}, or empty when it would encode. It is
     * an encode into a discarded buffer, so validation and encoding cannot disagree; a nest's
     * value is checked down to its leaves (the first problem is reported).
     *
     * @param enclosing the JSON objects around {@code v}, innermost first: where a sub-message's
     *                  selector is looked up
     */
    default Optional<Problem> validate(Field f, JsonNode v, String path, List<ObjectNode> enclosing) {
        try {
            new Encoding(f.codecs(), true, enclosing).attribute(MessageWriter.payload(), f, v, path);
            return Optional.empty();
        } catch (ValueException e) {
            return Optional.of(e.problem());
        }
    }
}
