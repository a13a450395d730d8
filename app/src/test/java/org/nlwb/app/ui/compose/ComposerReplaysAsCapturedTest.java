package org.nlwb.app.ui.compose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.encode.EncodeException;
import org.nlwb.decoder.encode.MessageEncoder;
import org.nlwb.decoder.encode.Request;
import org.nlwb.decoder.message.FrameKind;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.pipeline.DecodedCapture;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.read.UnreadableInputException;
import org.nlwb.decoder.spec.SpecCatalog;
import org.nlwb.decoder.spec.SpecLibrary;
import org.nlwb.decoder.testing.Samples;
import org.nlwb.decoder.ynl.Family;

/**
 * Every captured request of a spec family in the project's and the shared samples, opened in the
 * composer's model as the window opens it ("Replay": the bytes, and the description behind "Raw
 * hex" off; "Edit and resend": the description), encodes to the captured bytes but for nlmsg_seq
 * and nlmsg_pid, which the sender stamps. Also after every editor of it was edited to what it shows
 * ({@link EditorRoundTrip}): what the composer shows is what it sends.
 */
class ComposerReplaysAsCapturedTest {
    private static final SpecLibrary LIBRARY = SpecLibrary.of(true, List.of());
    private static final SpecCatalog CATALOG = LIBRARY.load();
    private static final MessageEncoder ENCODER = new MessageEncoder(CATALOG);

    /** What one walk over the samples found. */
    private record Walk(int requests, int opened, List<String> refused, List<String> different) {
    }

    @Test
    void everyCapturedRequestReplaysAndEditsToItsCapturedBytes() throws Exception {
        Walk w = walk();
        System.out.printf("composer over the samples: %d requests of spec families, %d opened by name%n", w.requests(), w.opened());
        assertEquals(List.of(), w.different(), w.different().size() + " differ");
        for (String s : w.refused()) {
            assertTrue(s.contains("malformed") || s.contains("appears twice but is not multi-attr"), s);
        }
        assertTrue(w.opened() >= 195, "requests opened by name: " + w.opened());
    }

    private static Walk walk() throws Exception {
        List<Path> files = new ArrayList<>(Samples.dumpsUnder(Samples.project()));
        files.addAll(Samples.dumpsUnder(Samples.shared().resolve("samples").resolve("captured")));
        int requests = 0;
        int opened = 0;
        List<String> refused = new ArrayList<>();
        List<String> different = new ArrayList<>();
        for (Path file : files) {
            Capture c;
            try {
                c = Loader.standard().load(file, null, Protocol.UNKNOWN);
            } catch (UnreadableInputException e) {
                continue;
            }
            DecodedCapture capture = DecodedCapture.of(c, LIBRARY.registry(CATALOG));
            for (int i = 0; i < c.messageCount(); i++) {
                MessageRef ref = c.message(i);
                DecodedMessage m = capture.decoded(i);
                Family f = m.className() == null ? null : CATALOG.family(m.className()).orElse(null);
                if (ref.kind() != FrameKind.MESSAGE || !CapturedRequests.isRequest(ref) || f == null) {
                    continue;
                }
                requests++;
                String where = file.getFileName() + " #" + i + " " + m.typeName();
                CapturedRequests.Replay replay = CapturedRequests.forReplay(capture, i, CATALOG);
                Composition raw = new Composition(List.of(Templates.all().get(0).messages().get(0)));
                raw.loadRaw(replay.protocol(), replay.family(), replay.bytes());
                assertArrayEquals(ref.bytes().toArray(), raw.encode(ENCODER, n -> ref.type()).get(0), where);
                if (replay.described() == null) {
                    refused.add(where + ": " + replay.note());
                    continue;
                }
                opened++;
                Request edit = CapturedRequests.forEdit(f, m);
                compare(where + " (replay)", ref, replay.described(), different);
                compare(where + " (edit and resend)", ref, edit, different);
            }
        }
        return new Walk(requests, opened, refused, different);
    }

    private static void compare(String where, MessageRef ref, Request r, List<String> different) {
        Composition c = new Composition(List.of(r));
        byte[] sent;
        try {
            sent = c.encode(ENCODER, n -> ref.type()).get(0);
        } catch (EncodeException e) {
            different.add(where + ": " + e.getMessage());
            return;
        }
        String captured = unstamped(ref.bytes().toArray());
        if (!captured.equals(unstamped(sent))) {
            different.add(where + "\n  captured " + captured + "\n  composed " + unstamped(sent) + "\n  from " + r.values());
        }
    }

    /** The hex of a message with nlmsg_seq and nlmsg_pid (bytes 8..16) left out. */
    private static String unstamped(byte[] b) {
        String h = HexFormat.of().formatHex(b);
        return h.length() < 32 ? h : h.substring(0, 16) + h.substring(32);
    }
}
