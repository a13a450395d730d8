/**
 * The live-capture side panel: choosing a source and namespace, start/pause/stop, counters, and
 * the session that appends to a {@link org.nlwb.app.ui.capture.LiveTab}.
 */
package org.nlwb.app.ui.capture;
