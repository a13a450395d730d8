/**
 * The display filter language ({@code IFLA_IFNAME == "lo" && type == RTM_NEWLINK}): lexer, parser,
 * expression tree and evaluation over decoded messages; the window and {@code nlwb decode} share it.
 */
package org.nlwb.decoder.filter;
