package org.nlwb.app.ui.compose;

import java.util.ArrayList;
import java.util.List;
import org.nlwb.decoder.codec.FamilyCodecs;

/**
 * What the editors of one message share: the family's codecs, what to run after any edit, and the
 * sub-message editors to re-check after any edit (their selector may be anywhere above them).
 */
final class EditContext {
    private final FamilyCodecs codecs;
    private final Runnable changed;
    private final List<Runnable> selectorWatchers = new ArrayList<>();

    EditContext(FamilyCodecs codecs, Runnable changed) {
        this.codecs = codecs;
        this.changed = changed;
    }

    FamilyCodecs codecs() {
        return codecs;
    }

    /** After an edit: sub-message editors follow their selectors, then the message hears of it. */
    void changed() {
        List.copyOf(selectorWatchers).forEach(Runnable::run);
        changed.run();
    }

    void watchSelector(Runnable r) {
        selectorWatchers.add(r);
    }

    void forgetWatchers() {
        selectorWatchers.clear();
    }
}
