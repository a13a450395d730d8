/**
 * The netlink wire format itself: shared constants ({@link org.nlwb.decoder.message.Netlink}),
 * nlmsghdr framing ({@link org.nlwb.decoder.message.Framer}), the one attribute iterator
 * ({@link org.nlwb.decoder.message.AttributeCursor}), the one message writer
 * ({@link org.nlwb.decoder.message.MessageWriter}), flags, control types and errno names. Nothing
 * here knows a family; a new wire-level rule or constant goes here.
 */
package org.nlwb.decoder.message;
