/**
 * The decoded tree: immutable {@link org.nlwb.decoder.tree.Node}s with absolute offsets and a
 * {@link org.nlwb.decoder.tree.Status}, and {@link org.nlwb.decoder.tree.TreeChecks}, the tiling
 * rule every tree obeys (each byte of a message belongs to exactly one leaf).
 */
package org.nlwb.decoder.tree;
