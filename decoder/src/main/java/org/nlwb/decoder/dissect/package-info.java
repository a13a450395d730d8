/**
 * Dissecting one message: {@link org.nlwb.decoder.dissect.MessageDecoder} decodes the nlmsghdr,
 * control messages (NLMSG_ERROR with its ext-ACK TLVs, DONE, OVERRUN) and hands the body to the
 * class the registry picks, turning a plugin that throws or breaks tiling into a malformed node;
 * {@link org.nlwb.decoder.dissect.MessageNaming} is its first step (class choice and names), which
 * the display filter shares to name a message without decoding its body.
 */
package org.nlwb.decoder.dissect;
