package org.nlwb.decoder.filter;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.testing.Invariants;

/**
 * Coverage-guided fuzzing of the filter language: any text parses or is refused with a
 * {@link FilterSyntaxException} naming a position inside it, and a filter that parses can be
 * applied to real decoded messages; names are checked against the built-in specs' vocabulary, and a
 * suggested fix and every warning point inside the text. Replays {@code FilterFuzzTestInputs/parse/} in a normal run;
 * {@code JAZZER_FUZZ=1 mvn -pl decoder test -Dtest='FilterFuzzTest'} fuzzes.
 */
class FilterFuzzTest {
    private static final List<DecodedMessage> MESSAGES = messages();
    private static final FilterVocabulary NAMES = FilterVocabulary.of(Invariants.DECODER.registry());

    private static List<DecodedMessage> messages() {
        try {
            Capture c = Loader.standard().load(Path.of("..", "samples", "ip-link-add-veth.strace.txt"), null, -1);
            List<DecodedMessage> out = new ArrayList<>();
            var conv = org.nlwb.decoder.decode.Conversations.of(c);
            for (int i = 0; i < c.messageCount(); i++) {
                out.add(Invariants.DECODER.decode(c.message(i), conv.apply(i)));
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @FuzzTest(maxDuration = "3m")
    void parse(byte[] input) {
        String text = new String(input, java.nio.charset.StandardCharsets.UTF_8);
        Filter f;
        try {
            f = Filter.parse(text, NAMES);
        } catch (FilterSyntaxException e) {
            if (e.position() < 0 || e.position() > text.length()) {
                throw new AssertionError("position " + e.position() + " outside the " + text.length() + " characters: " + e);
            }
            e.fix().ifPresent(fix -> {
                if (fix.end() > text.length()) {
                    throw new AssertionError("fix " + fix + " outside the " + text.length() + " characters");
                }
            });
            return;
        }
        for (FilterWarning w : f.warnings()) {
            if (w.position() < 0 || w.position() >= text.length()) {
                throw new AssertionError("warning outside the text: " + w);
            }
        }
        for (DecodedMessage m : MESSAGES) {
            f.test(m);
        }
    }
}
