package org.nlwb.app.ui;

/**
 * A tool that plugs into the window (live capture, craft-and-send, ...): found with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/org.nlwb.app.ui.WorkbenchExtension})
 * and installed once the window is built. It adds what it needs through
 * {@link Workbench#addSidePanel}, {@link Workbench#addMenu} and {@link Workbench#openCapture}
 * (then {@link CaptureTab#appendLive} as messages arrive). Called on the FX thread.
 */
public interface WorkbenchExtension {

    void install(Workbench workbench);
}
