package org.nlwb.app.ui.compose;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.encode.EncodeException;
import org.nlwb.decoder.encode.MessageEncoder;
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
 * Every captured request of a spec family in the project's samples and the shared captured ones,
 * as the composer opens it ({@link CapturedRequests}), for the tests that replay them.
 */
final class SampleRequests {
    static final SpecLibrary LIBRARY = SpecLibrary.of(true, List.of());
    static final SpecCatalog CATALOG = LIBRARY.load();
    static final MessageEncoder ENCODER = new MessageEncoder(CATALOG);

    /** One request: where it is, its message, the family that decoded it, and what "Replay" opens. */
    record Sample(String where, MessageRef ref, DecodedMessage decoded, Family family, CapturedRequests.Replay replay) {
    }

    private SampleRequests() {
    }

    private static List<Sample> all;

    /** Read once per test run: the samples do not change while it runs. */
    static synchronized List<Sample> all() throws EncodeException, java.io.IOException {
        if (all == null) {
            all = List.copyOf(read());
        }
        return all;
    }

    private static List<Sample> read() throws EncodeException, java.io.IOException {
        List<Path> files = new ArrayList<>(Samples.dumpsUnder(Samples.project()));
        files.addAll(Samples.dumpsUnder(Samples.shared().resolve("samples").resolve("captured")));
        List<Sample> out = new ArrayList<>();
        for (Path file : files) {
            Capture c;
            try {
                c = Loader.standard().load(file, null, Protocol.UNKNOWN);
            } catch (UnreadableInputException e) {
                continue; // decoded JSON and such hold no bytes to compare
            }
            DecodedCapture capture = DecodedCapture.of(c, LIBRARY.registry(CATALOG));
            for (int i = 0; i < c.messageCount(); i++) {
                MessageRef ref = c.message(i);
                DecodedMessage m = capture.decoded(i);
                Family f = m.className() == null ? null : CATALOG.family(m.className()).orElse(null);
                if (ref.kind() == FrameKind.MESSAGE && CapturedRequests.isRequest(ref) && f != null) {
                    out.add(new Sample(file.getFileName() + " #" + i + " " + m.typeName(), ref, m, f,
                            CapturedRequests.forReplay(capture, i, CATALOG)));
                }
            }
        }
        return out;
    }

    /** The hex of a message with nlmsg_seq and nlmsg_pid (bytes 8..16), which a sender stamps, left out. */
    static String unstamped(byte[] b) {
        String h = HexFormat.of().formatHex(b);
        return h.length() < 32 ? h : h.substring(0, 16) + h.substring(32);
    }
}
