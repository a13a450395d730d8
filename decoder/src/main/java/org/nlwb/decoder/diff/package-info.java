/**
 * Comparing decoded messages and conversations: a tree diff at attribute level ({@link org.nlwb.decoder.diff.TreeDiff}),
 * pairing of two conversations' messages, the noise rules that say what always differs, and the
 * immutable results with their text and JSON forms.
 */
package org.nlwb.decoder.diff;
