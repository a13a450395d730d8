package org.nlwb.app.ui.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A live capture's tab says where it captures and the how-manieth it is. */
class LiveSessionTitleTest {
    @Test
    void aCaptureWithoutANamespaceSaysItRunsInNlwbsOwnAndEachStartHasItsNumber() {
        assertEquals("monitor route link in nlwb's own namespace #1", LiveSession.title("monitor route link", null, 1));
        assertEquals("monitor route link in netns blue #2", LiveSession.title("monitor route link in netns blue", "blue", 2));
    }
}
