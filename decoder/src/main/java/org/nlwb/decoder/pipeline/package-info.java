/**
 * The decode pipeline's one owner: a loaded {@link org.nlwb.decoder.model.Capture} with its
 * registry, conversation policy (which generic netlink ids name which family), forced class and
 * tree cache ({@link org.nlwb.decoder.pipeline.DecodedCapture}), and find over its messages.
 * Every caller — CLI, window, tests — decodes through it instead of wiring the steps by hand.
 */
package org.nlwb.decoder.pipeline;
