/**
 * The JavaFX window: the {@link org.nlwb.app.ui.Workbench} and the parts it is made of (menus, find
 * bar, tab opening, export actions, theme, side panels, decoding choices), capture tabs, settings
 * and the extension points. Sub-packages hold the panes; a new pane goes into view (and its state
 * into model), a new tool panel is a {@link org.nlwb.app.ui.WorkbenchExtension}.
 */
package org.nlwb.app.ui;
