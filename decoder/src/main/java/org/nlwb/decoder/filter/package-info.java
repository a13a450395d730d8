/**
 * The display filter language ({@code IFLA_IFNAME == "lo" && type == RTM_NEWLINK}): lexer, parser,
 * expression tree and evaluation over decoded messages ({@link org.nlwb.decoder.filter.Filter}), and
 * the same filter over a capture's messages by index reading only what it needs
 * ({@link org.nlwb.decoder.filter.FastFilter}: header, the decoder's naming step, the attribute
 * headers walked along the spec, one attribute's subtree decoded alone); the window and
 * {@code nlwb decode} share both.
 */
package org.nlwb.decoder.filter;
