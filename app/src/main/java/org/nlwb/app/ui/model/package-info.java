/**
 * View models of the panes: UI state as read-only properties (the message list, the selected
 * message, the hex selection, diagnostics) over a decoder-level pipeline. Views observe these;
 * they hold no logic of their own.
 */
package org.nlwb.app.ui.model;
