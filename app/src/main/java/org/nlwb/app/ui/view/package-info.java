/**
 * The panes a person sees: message table, tree, hex view, diagnostics. Each observes a view model
 * and draws only visible rows. Depends on model and decoder, never on the window around it.
 */
package org.nlwb.app.ui.view;
