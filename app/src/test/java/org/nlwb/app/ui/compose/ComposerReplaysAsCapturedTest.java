package org.nlwb.app.ui.compose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nlwb.app.ui.compose.SampleRequests.ENCODER;
import static org.nlwb.app.ui.compose.SampleRequests.unstamped;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.encode.EncodeException;
import org.nlwb.decoder.encode.Request;
import org.nlwb.decoder.model.MessageRef;

/**
 * Every captured request of a spec family in the project's and the shared samples, opened in the
 * composer's model as the window opens it ("Replay": the bytes, and the description behind "Raw
 * hex" off; "Edit and resend": the description), encodes to the captured bytes but for nlmsg_seq
 * and nlmsg_pid, which the sender stamps. (Through the typed editors: {@link EditorsKeepWhatWasSentTest}.)
 */
class ComposerReplaysAsCapturedTest {
    @Test
    void everyCapturedRequestReplaysAndEditsToItsCapturedBytes() throws Exception {
        int opened = 0;
        List<String> different = new ArrayList<>();
        for (SampleRequests.Sample s : SampleRequests.all()) {
            Composition raw = new Composition(List.of(Templates.all().get(0).messages().get(0)));
            raw.loadRaw(s.replay().protocol(), s.replay().family(), s.replay().bytes());
            assertArrayEquals(s.ref().bytes().toArray(), raw.encode(ENCODER, n -> s.ref().type()).get(0), s.where());
            if (s.replay().described() == null) {
                // what a JSON object cannot say: bytes the decoder found malformed, a single-valued attribute sent twice
                String why = s.replay().note();
                assertTrue(why.contains("malformed") || why.contains("appears twice but is not multi-attr"), s.where() + why);
                continue;
            }
            opened++;
            compare(s.where() + " (replay)", s.ref(), s.replay().described(), different);
            compare(s.where() + " (edit and resend)", s.ref(), CapturedRequests.forEdit(s.family(), s.decoded()), different);
        }
        System.out.printf("composer over the samples: %d requests opened by name%n", opened);
        assertEquals(List.of(), different, different.size() + " differ");
        assertTrue(opened >= 195, "requests opened by name: " + opened);
    }

    private static void compare(String where, MessageRef ref, Request r, List<String> different) {
        byte[] sent;
        try {
            sent = new Composition(List.of(r)).encode(ENCODER, n -> ref.type()).get(0);
        } catch (EncodeException e) {
            different.add(where + ": " + e.getMessage());
            return;
        }
        String captured = unstamped(ref.bytes().toArray());
        if (!captured.equals(unstamped(sent))) {
            different.add(where + "\n  captured " + captured + "\n  composed " + unstamped(sent) + "\n  from " + r.values());
        }
    }
}
