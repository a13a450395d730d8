/**
 * Clipboard forms of a node (value, hex, C array, JSON, path). File export lives in
 * {@code org.nlwb.decoder.export}, shared with the command line.
 */
package org.nlwb.app.ui.export;
