package org.nlwb.capture.live;

import java.util.List;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.model.Diagnostic;

/**
 * Sees a {@link LiveCapture} grow. Called on the source's thread, in arrival order, right after
 * the capture has the record: a window must move to its UI thread itself, and no method may
 * block for long (the kernel drops messages while a monitor does not read).
 */
public interface CaptureListener {
    /** A record arrived; {@code messages} are the messages framed from it (already in the capture). */
    default void onRecord(Record record, List<MessageRef> messages) {
    }

    /**
     * Something a person must see: an overrun ({@code overrun: messages lost ...}, also counted in
     * {@link LiveCapture.Stats#overruns()}), a line the trace parser could not read, a source error.
     */
    default void onDiagnostic(Diagnostic diagnostic) {
    }

    /** The source stopped: asked to, ran out (the traced command ended), or failed ({@code failure} non-null). */
    default void onEnd(String reason, Throwable failure) {
    }
}
