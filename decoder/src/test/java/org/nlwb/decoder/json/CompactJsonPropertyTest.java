package org.nlwb.decoder.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;

/**
 * Random trees with nasty text (control characters, quotes, backslashes, lone and paired
 * surrogates, characters beyond the BMP, U+2028) and every kind of value: the byte writer writes
 * what Jackson writes, in every form.
 */
class CompactJsonPropertyTest {

    @Property(tries = 400)
    void aRandomTreeIsWrittenAsJacksonWritesIt(@ForAll("trees") Node tree) throws Exception {
        for (JsonForm form : JsonForm.values()) {
            JsonBytes b = new JsonBytes(16);
            CompactJson.node(b, tree, form);
            assertArrayEquals(jackson(g -> TreeJson.writeNode(g, tree, form)), b.toByteArray(), form.toString());
        }
    }

    @Property(tries = 2000)
    void anyStringIsEscapedAsJacksonEscapesIt(@ForAll("nasty") String s) throws Exception {
        assertArrayEquals(jackson(g -> g.writeString(s)), new JsonBytes(1).string(s).toByteArray());
    }

    @Property(tries = 2000)
    void anyLongIsWrittenAsJacksonWritesIt(@ForAll long v) throws Exception {
        assertArrayEquals(jackson(g -> g.writeNumber(v)), new JsonBytes(1).number(v).toByteArray());
    }

    @Property(tries = 50)
    void extremeLongsAreWrittenAsJacksonWritesThem(@ForAll("extremes") long v) throws Exception {
        assertArrayEquals(jackson(g -> g.writeNumber(v)), new JsonBytes(1).number(v).toByteArray());
    }

    @Property(tries = 2000)
    void anyIntIsWrittenAsJacksonWritesIt(@ForAll int v) throws Exception {
        assertArrayEquals(jackson(g -> g.writeNumber(v)), new JsonBytes(1).number(v).toByteArray());
    }

    @Provide
    Arbitrary<Long> extremes() {
        List<Long> edges = new ArrayList<>(List.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L,
                (long) Integer.MIN_VALUE, (long) Integer.MAX_VALUE, Integer.MIN_VALUE - 1L, Integer.MAX_VALUE + 1L));
        for (long p = 1; p > 0 && p <= Long.MAX_VALUE / 10; p *= 10) {
            edges.addAll(List.of(p, p - 1, p * 10 - 1, -p, -(p * 10 - 1)));
        }
        return Arbitraries.of(edges);
    }

    @Provide
    Arbitrary<String> nasty() {
        Arbitrary<Character> chars = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.chars().ascii()),
                net.jqwik.api.Tuple.of(2, Arbitraries.chars().range('\u0000', '\u001f')),
                net.jqwik.api.Tuple.of(2, Arbitraries.of('"', '\\', '/', '\u007f', '\u2028', '\u2029', '\u00e9', '\u20ac')),
                net.jqwik.api.Tuple.of(2, Arbitraries.chars().range('\ud800', '\udfff')),
                net.jqwik.api.Tuple.of(1, Arbitraries.chars().range('\u0080', '\uffff')));
        Arbitrary<String> mixed = chars.list().ofMaxSize(40).map(CompactJsonPropertyTest::text);
        Arbitrary<String> beyondBmp = Arbitraries.integers().between(0x10000, 0x10ffff)
                .map(cp -> "a" + new String(Character.toChars(cp)) + "z");
        Arbitrary<String> hex = Arbitraries.strings().withChars("0123456789abcdef").ofMinLength(0).ofMaxLength(300);
        Arbitrary<String> longMixed = chars.list().ofMinSize(7000).ofMaxSize(9000).map(CompactJsonPropertyTest::text);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(10, mixed), net.jqwik.api.Tuple.of(2, beyondBmp),
                net.jqwik.api.Tuple.of(3, hex), net.jqwik.api.Tuple.of(1, longMixed));
    }

    private static String text(List<Character> cs) {
        StringBuilder sb = new StringBuilder(cs.size());
        cs.forEach(sb::append);
        return sb.toString();
    }

    @Provide
    Arbitrary<Node> trees() {
        return node(3);
    }

    private Arbitrary<Node> node(int depth) {
        Arbitrary<String> optionalText = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just((String) null)), net.jqwik.api.Tuple.of(3, nasty()));
        Arbitrary<Object> value = Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.integers().map(i -> (Object) i), Arbitraries.of(Boolean.TRUE, Boolean.FALSE).map(b -> (Object) b),
                Arbitraries.bigIntegers().between(BigInteger.TWO.pow(63), BigInteger.TWO.pow(64)).map(b -> (Object) b),
                nasty().map(s -> (Object) s));
        Arbitrary<List<Node>> children = depth == 0 ? Arbitraries.just(List.of())
                : Arbitraries.lazy(() -> node(depth - 1)).list().ofMaxSize(4);
        Arbitrary<Integer> small = Arbitraries.integers().between(0, 40);
        return Combinators.combine(nasty(), Arbitraries.integers().between(0, 0xffff).injectNull(0.5), small, small,
                value, optionalText, Arbitraries.of(Status.class), optionalText).as(
                (name, type, offset, length, v, display, status, note) -> new Node(name, type, offset, length, v,
                        impliedSometimes(v, display, length), status, note, List.of()))
                .flatMap(n -> children.map(n::withChildren));
    }

    /** Half of the displays are the value's own text, so the implied rule is exercised as often as not. */
    private static String impliedSometimes(Object v, String display, int length) {
        return v != null && length % 2 == 0 ? ImpliedKeys.impliedDisplay(v) : display;
    }

    @FunctionalInterface
    private interface Writes {
        void to(JsonGenerator g) throws Exception;
    }

    private static byte[] jackson(Writes w) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            w.to(g);
        }
        return out.toByteArray();
    }
}
