package org.nlwb.app.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/**
 * A selection's panes are made on a worker and handed to the FX thread: only the newest
 * selection's reach the panes, whatever order the workers run in. The workers and the FX thread
 * are queues here, run by hand, so every interleaving is the test's choice.
 */
class SelectionLoaderTest {
    /** An executor that only queues: {@link #runAll} runs what is queued, in order. */
    private static final class Held implements Executor {
        private final ArrayDeque<Runnable> queue = new ArrayDeque<>();

        @Override
        public void execute(Runnable r) {
            queue.add(r);
        }

        int runAll() {
            int n = 0;
            while (!queue.isEmpty()) {
                queue.poll().run();
                n++;
            }
            return n;
        }
    }

    private final Held fx = new Held();
    private final Held worker = new Held();
    private final Held slow = new Held();
    private final SelectionLoader loader = new SelectionLoader(fx, worker, slow);
    private final List<String> made = new ArrayList<>();
    private final List<String> shown = new ArrayList<>();

    private SelectionLoader.Ticket select(String message) {
        return loader.load(() -> {
            made.add(message);
            return message;
        }, shown::add);
    }

    @Test
    void theWorkOfASelectionSupersededBeforeItStartsIsNeverDone() {
        select("#1");
        select("#2");
        worker.runAll();
        fx.runAll();
        assertEquals(List.of("#2"), made, "only the newest selection is decoded");
        assertEquals(List.of("#2"), shown);
        assertTrue(loader.idle());
    }

    @Test
    void aModelMadeForAnEarlierSelectionIsDroppedWhenItArrivesLate() {
        select("#1");
        worker.runAll(); // #1 made, its hand-over queued for the FX thread
        select("#2");    // the person clicked again before the FX thread took #1
        worker.runAll();
        fx.runAll();
        assertEquals(List.of("#1", "#2"), made);
        assertEquals(List.of("#2"), shown, "the panes never show #1 after #2 was selected");
        assertTrue(loader.idle());
    }

    @Test
    void nothingIsShownAfterTheSelectionIsCleared() {
        select("#1");
        worker.runAll();
        loader.clear();
        fx.runAll();
        assertEquals(List.of(), shown);
        assertTrue(loader.idle());
    }

    @Test
    void aFollowUpRunsOnTheSlowWorkerAndIsDroppedOnceAnotherMessageIsSelected() {
        SelectionLoader.Ticket first = select("#1");
        worker.runAll();
        fx.runAll();
        first.then(() -> "partner of #1", shown::add);
        assertFalse(loader.idle(), "a follow-up on its way is waited for");
        assertEquals(0, worker.runAll(), "the follow-up never holds up the next selection's worker");
        select("#2");
        slow.runAll();
        worker.runAll();
        fx.runAll();
        assertEquals(List.of("#1", "#2"), shown);
        assertTrue(loader.idle());
    }

    @Test
    void aFollowUpOfTheCurrentSelectionIsShown() {
        SelectionLoader.Ticket t = select("#1");
        worker.runAll();
        fx.runAll();
        t.then(() -> "partner of #1", shown::add);
        slow.runAll();
        fx.runAll();
        assertEquals(List.of("#1", "partner of #1"), shown);
    }
}
