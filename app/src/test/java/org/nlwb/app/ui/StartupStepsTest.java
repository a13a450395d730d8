package org.nlwb.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The start-up steps keep each step's first time, in the order they happened. */
class StartupStepsTest {
    @Test
    void aStepMarkedAgainKeepsItsFirstTime() throws Exception {
        StartupSteps steps = StartupSteps.quiet();
        steps.mark("window: built");
        StartupSteps.Step first = steps.steps().get(0);
        Thread.sleep(20);
        steps.mark("window: built");
        steps.mark("tab: first rows laid out");
        List<StartupSteps.Step> all = steps.steps();
        assertEquals(List.of("window: built", "tab: first rows laid out"), all.stream().map(StartupSteps.Step::name).toList());
        assertEquals(first, all.get(0));
        assertTrue(all.get(1).wallMs() >= all.get(0).wallMs());
        assertEquals(Thread.currentThread().getName(), all.get(1).thread());
    }

    @Test
    void aStepIsMarkedOnlyOnceMarked() {
        StartupSteps steps = StartupSteps.quiet();
        assertFalse(steps.marked("specs: read"));
        steps.mark("specs: read");
        assertTrue(steps.marked("specs: read"));
        assertTrue(steps.steps().get(0).line().endsWith("specs: read"), steps.steps().get(0).line());
    }
}
