/**
 * Writing decoded captures out — the decode JSON contract, the text tree, pcap and pyroute2
 * files — for the CLI's output and the window's Export alike, streaming one tree at a time.
 */
package org.nlwb.decoder.export;
