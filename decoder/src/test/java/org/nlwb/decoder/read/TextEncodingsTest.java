package org.nlwb.decoder.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Record;

/**
 * A text dump saved by another editor (a byte-order mark, CRLF or lone CR line ends, UTF-16 with
 * its mark) reads exactly as the plain UTF-8/LF file: same format, records, locations and
 * diagnostics. Run over the project's text samples of every text format, damaged ones included
 * (their diagnostics name lines, which must stay the same lines).
 */
class TextEncodingsTest {
    private static final List<String> SAMPLES = List.of("ip-route-add-bad-gateway.data", "malformed-nla-len-under-4.data",
            "malformed-bad-digit.hexdump.hex", "malformed-nlmsg-len-past-datagram.xxd.hex", "ip-addr-show.strace.txt",
            "malformed-bad-digit.strace.txt");

    private record Saving(String name, UnaryOperator<String> text, java.nio.charset.Charset charset, byte[] mark) {
        byte[] apply(String plain) {
            ByteArrayOutputStream o = new ByteArrayOutputStream();
            o.writeBytes(mark);
            o.writeBytes(text.apply(plain).getBytes(charset));
            return o.toByteArray();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final byte[] NONE = {};
    private static final List<Saving> SAVINGS = List.of(
            new Saving("UTF-8 with a byte-order mark", s -> s, StandardCharsets.UTF_8, new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}),
            new Saving("CRLF line ends", s -> s.replace("\n", "\r\n"), StandardCharsets.UTF_8, NONE),
            new Saving("CR-only line ends", s -> s.replace("\n", "\r"), StandardCharsets.UTF_8, NONE),
            new Saving("UTF-8 mark and CRLF", s -> s.replace("\n", "\r\n"), StandardCharsets.UTF_8,
                    new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}),
            new Saving("UTF-16LE with its mark", s -> s, StandardCharsets.UTF_16LE, new byte[] {(byte) 0xff, (byte) 0xfe}),
            new Saving("UTF-16BE with its mark and CRLF", s -> s.replace("\n", "\r\n"), StandardCharsets.UTF_16BE,
                    new byte[] {(byte) 0xfe, (byte) 0xff}));

    static Stream<Arguments> cases() {
        return SAMPLES.stream().flatMap(f -> SAVINGS.stream().map(s -> Arguments.of(f, s)));
    }

    @ParameterizedTest(name = "{0} saved as {1}")
    @MethodSource("cases")
    void readsTheSameAsThePlainFile(String sample, Saving saving) throws Exception {
        byte[] plain = Files.readAllBytes(Samples.own().resolve(sample));
        String text = new String(plain, StandardCharsets.UTF_8);
        assertFalse(text.contains("\r"), "the sample itself is LF text");
        Capture expected = Loader.standard().load(sample, plain, null, -1);
        Capture saved = Loader.standard().load(sample, saving.apply(text), null, -1);
        assertEquals(expected.format(), saved.format());
        assertEquals(describe(expected.records()), describe(saved.records()));
        assertEquals(expected.diagnostics(), saved.diagnostics());
        assertEquals(expected.messageCount(), saved.messageCount());
    }

    private static List<String> describe(List<Record> records) {
        return records.stream().map(r -> r.location() + " " + r.direction() + " " + r.protocol() + " " + r.pid() + " "
                + r.timeNanos() + " " + r.bytes().hex()).toList();
    }
}
