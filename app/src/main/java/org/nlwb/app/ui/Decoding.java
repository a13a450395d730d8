package org.nlwb.app.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.concurrent.Task;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tab;
import org.nlwb.decoder.dissect.MessageDecoder;
import org.nlwb.decoder.registry.Registry;

/**
 * The decoder the window's tabs use and the message-class chooser of the tool bar: a class forced
 * for the current tab, Decode ▸ Reload Specs, and a new registry from the spec watcher, each of
 * which decodes the open tabs again.
 */
final class Decoding {
    private final Workbench wb;
    private final ComboBox<String> classChooser = new ComboBox<>();
    private volatile MessageDecoder decoder;
    private boolean switchingTabs;

    Decoding(Workbench wb, Registry registry) {
        this.wb = wb;
        this.decoder = new MessageDecoder(registry);
    }

    MessageDecoder decoder() {
        return decoder;
    }

    ComboBox<String> classChooser() {
        return classChooser;
    }

    /** Shows the class forced for {@code t} (automatic when none) without decoding anything again. */
    void showClassOf(CaptureTab t) {
        switchingTabs = true;
        try {
            classChooser.setValue(t == null || t.document().forcedClass() == null ? Workbench.AUTOMATIC_CLASS
                    : t.document().forcedClass());
        } finally {
            switchingTabs = false;
        }
    }

    String chosenClass() {
        String c = classChooser.getValue();
        return c == null || c.equals(Workbench.AUTOMATIC_CLASS) ? null : c;
    }

    void refreshClasses() {
        List<String> names = new ArrayList<>();
        names.add(Workbench.AUTOMATIC_CLASS);
        decoder.registry().classNames().stream().sorted(Comparator.naturalOrder()).forEach(names::add);
        String was = classChooser.getValue();
        classChooser.getItems().setAll(names);
        classChooser.setValue(was != null && names.contains(was) ? was : Workbench.AUTOMATIC_CLASS);
    }

    void classChosen() {
        CaptureTab tab = wb.currentTab();
        if (tab == null || switchingTabs) {
            return;
        }
        String cls = chosenClass();
        if (java.util.Objects.equals(cls, tab.document().forcedClass())) {
            return;
        }
        tab.document().redecodeWith(decoder.registry(), cls);
        tab.redisplay();
        wb.scanDiagnostics(tab);
    }

    /** Rebuilds the registry (specs re-read) and decodes every open tab again. */
    void reloadSpecs() {
        Task<Registry> t = new Task<>() {
            @Override
            protected Registry call() {
                updateTitle("Reloading specs");
                return wb.context().registries().get();
            }
        };
        wb.tasks().run(t, this::useRegistry, e -> wb.error("Reloading specs failed", e));
    }

    /** Decodes with {@code reg} from now on and decodes every open tab again (FX thread). */
    void useRegistry(Registry reg) {
        decoder = new MessageDecoder(reg);
        refreshClasses();
        for (Tab tab : wb.tabs().getTabs()) {
            if (tab instanceof CaptureTab c) {
                c.document().redecodeWith(reg, c.document().forcedClass());
                c.redisplay();
                wb.scanDiagnostics(c);
            }
        }
        wb.tasks().setStatus("Specs reloaded: " + reg.classNames().size() + " message classes");
    }
}
