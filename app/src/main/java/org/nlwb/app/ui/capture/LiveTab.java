package org.nlwb.app.ui.capture;

import java.util.List;
import org.nlwb.app.ui.model.DiagnosticsModel;
import org.nlwb.app.ui.model.MessageListModel;
import org.nlwb.app.ui.view.MessageTable;
import org.nlwb.decoder.model.MessageRef;

/**
 * What a live capture needs of the tab that shows it: the window's capture tab implements it, so
 * this package does not depend on the window that contains it. Called on the FX thread only.
 */
public interface LiveTab {
    /** Shows messages appended to the capture since the last call. */
    void appendLive(List<MessageRef> added);

    MessageListModel list();

    MessageTable table();

    DiagnosticsModel diagnostics();
}
