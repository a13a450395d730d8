package org.nlwb.app.ui.capture;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.nlwb.app.ui.model.Issue;
import org.nlwb.capture.live.CaptureListener;
import org.nlwb.capture.live.LiveCapture;
import org.nlwb.capture.live.LiveFileWriter;
import org.nlwb.capture.live.LiveSource;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.model.Diagnostic;

/**
 * One live capture shown in the window: runs a {@link LiveSource} into a {@link LiveCapture}
 * and feeds the capture's tab on the FX thread, in batches (whatever arrived since the last
 * pulse), so a flood of notifications costs one list update per pulse, not one per message.
 * State for the panel is read-only properties, changed on the FX thread only.
 *
 * <p>Opening the source (group resolution, namespace entry, starting strace) runs off the FX
 * thread; a failure, such as a missing privilege, ends the session with the error as its status.
 */
public final class LiveSession {
    private final Function<Capture, ? extends LiveTab> openTab;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canPause = new ReadOnlyBooleanWrapper();
    private final ReadOnlyLongWrapper messages = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper bytes = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper overruns = new ReadOnlyLongWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Not capturing");
    private final BooleanProperty autoScroll = new SimpleBooleanProperty(true);

    private final ConcurrentLinkedQueue<MessageRef> pendingMessages = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Diagnostic> pendingDiagnostics = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean pulseScheduled = new AtomicBoolean();

    private LiveSource source;
    private LiveCapture live;
    private LiveTab tab;
    private LiveFileWriter writer;
    /** Captures started so far: each tab gets its number, so two of the same source tell apart. */
    private int started;
    private String title;

    /** @param openTab opens a tab on a capture that is being filled (the window's {@code openCapture}) */
    public LiveSession(Function<Capture, ? extends LiveTab> openTab) {
        this.openTab = Objects.requireNonNull(openTab);
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canPauseProperty() {
        return canPause.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty messagesProperty() {
        return messages.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty bytesProperty() {
        return bytes.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty overrunsProperty() {
        return overruns.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Whether the list follows the newest message. */
    public BooleanProperty autoScrollProperty() {
        return autoScroll;
    }

    /** The tab of the current (or last) capture, or null. */
    public LiveTab tab() {
        return tab;
    }

    /** Starts capturing what {@code spec} says, in a new tab (FX thread). */
    public void start(CaptureSpec spec) {
        if (running.get()) {
            throw new IllegalStateException("a capture is running; stop it first");
        }
        LiveSource src;
        try {
            src = spec.source(line -> diagnosticLater(Diagnostic.info("output", line)));
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return;
        }
        source = src;
        title = title(src.describe(), spec.namespace(), ++started);
        live = new LiveCapture(title);
        tab = openTab.apply(live.capture());
        messages.set(0);
        bytes.set(0);
        overruns.set(0);
        paused.set(false);
        canPause.set(src.canPause());
        running.set(true);
        status.set("Starting " + title + " …");
        if (spec.writeFile() != null) {
            try {
                writer = LiveFileWriter.attach(spec.writeFile(), live);
            } catch (IOException e) {
                status.set("Cannot write " + spec.writeFile() + ": " + e.getMessage());
                running.set(false);
                return;
            }
        }
        LiveCapture l = live;
        l.addListener(new CaptureListener() {
            @Override
            public void onRecord(Record record, List<MessageRef> added) {
                pendingMessages.addAll(added);
                schedulePulse();
            }

            @Override
            public void onDiagnostic(Diagnostic d) {
                diagnosticLater(d);
            }

            @Override
            public void onEnd(String reason, Throwable failure) {
                Platform.runLater(() -> ended(l, failure != null ? failure.getMessage() : reason));
            }
        });
        Thread opener = new Thread(() -> {
            try {
                src.start(l);
                Platform.runLater(() -> {
                    if (live == l && running.get()) {
                        status.set("Capturing: " + title);
                    }
                });
            } catch (IOException | RuntimeException e) {
                l.end(e.getMessage(), e);
            }
        }, "nlwb-capture-open");
        opener.setDaemon(true);
        opener.start();
    }

    /**
     * The tab's title: what is captured, where (a source names a namespace it was given; without
     * one it runs in nlwb's own, which the title then says) and the how-manieth capture it is.
     */
    static String title(String describe, String netns, int number) {
        return describe + (netns == null ? " in nlwb's own namespace" : "") + " #" + number;
    }

    private void diagnosticLater(Diagnostic d) {
        pendingDiagnostics.add(d);
        schedulePulse();
    }

    private void schedulePulse() {
        if (pulseScheduled.compareAndSet(false, true)) {
            Platform.runLater(this::pulse);
        }
    }

    /** Moves what arrived into the tab (FX thread). */
    private void pulse() {
        pulseScheduled.set(false);
        LiveTab t = tab;
        List<MessageRef> batch = new ArrayList<>();
        for (MessageRef m; (m = pendingMessages.poll()) != null; ) {
            batch.add(m);
        }
        List<Issue> issues = new ArrayList<>();
        for (Diagnostic d; (d = pendingDiagnostics.poll()) != null; ) {
            issues.add(Issue.of(d));
        }
        if (t == null) {
            return;
        }
        if (!batch.isEmpty()) {
            t.appendLive(batch);
            if (autoScroll.get() && !t.list().rows().isEmpty()) {
                t.table().scrollToRow(t.list().rows().size() - 1);
            }
        }
        if (!issues.isEmpty()) {
            List<Issue> all = new ArrayList<>(t.diagnostics().issues());
            all.addAll(issues);
            t.diagnostics().show(all);
        }
        if (live != null) {
            LiveCapture.Stats s = live.stats();
            messages.set(s.messages());
            bytes.set(s.bytes());
            overruns.set(s.overruns());
        }
    }

    private void ended(LiveCapture l, String reason) {
        if (l != live) {
            return;
        }
        pulse();
        running.set(false);
        paused.set(false);
        status.set("Ended: " + reason);
        if (writer != null) {
            writer.close();
            writer = null;
        }
    }

    /** Stops reading but stays subscribed; the kernel's queue overflows into overruns if it must. */
    public void pause() {
        if (running.get() && source.canPause() && !paused.get()) {
            source.pause();
            paused.set(true);
            status.set("Paused (the kernel queues; an overflow shows as an overrun): " + title);
        }
    }

    public void resume() {
        if (running.get() && paused.get()) {
            source.resume();
            paused.set(false);
            status.set("Capturing: " + title);
        }
    }

    /** Stops the source (off the FX thread: stopping may wait for a poll or a process). */
    public void stop() {
        LiveSource s = source;
        if (s == null || !running.get()) {
            return;
        }
        status.set("Stopping …");
        Thread t = new Thread(s::stop, "nlwb-capture-stop");
        t.setDaemon(true);
        t.start();
    }
}
