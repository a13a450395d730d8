/**
 * Dump readers and format detection. {@link org.nlwb.decoder.read.Loader} picks a
 * {@link org.nlwb.decoder.read.Reader} from {@link org.nlwb.decoder.read.Readers#all()} by content:
 * {@link org.nlwb.decoder.read.PcapReader} (pcap/pcapng, LINKTYPE_NETLINK),
 * {@link org.nlwb.decoder.read.StraceReader} (strace logs, through the incremental
 * {@link org.nlwb.decoder.read.StraceParser} that a live capture can feed line by line),
 * {@link org.nlwb.decoder.read.Pyroute2Reader} (pyroute2 {@code .dump}/{@code .data}) and
 * {@link org.nlwb.decoder.read.HexReader} (plain hex, xxd, hexdump -C, od, Wireshark).
 * A pcap or pcapng file is not read into memory, nor mapped (a mapping keeps every page it
 * touched resident): {@code PositionalFile} reads it with positional reads, the walk that
 * {@code PcapReader} also runs over an array fills a {@code PcapIndex} of primitive columns in
 * the background through a {@code ReadWindow}, and {@code IndexedPcapStore} makes records from it
 * on demand through {@code SharedChunks}.
 *
 * <p>Common rules: locations are {@code "file:line"} for text and {@code "file @ 0xOFFSET"} or
 * {@code "file packet N @ 0xOFFSET"} for pcaps, with the file's last path element only; a damaged
 * part is a {@link org.nlwb.decoder.model.Diagnostic} and the rest loads; text that is not the
 * format at all is a {@link org.nlwb.decoder.read.NotThisFormatException} saying at which line
 * and what was expected. Text dumps may name their protocol in a {@code # protocol: route}
 * comment, and may be saved with a byte-order mark, CRLF or CR line ends, or as UTF-16 with its
 * mark ({@link org.nlwb.decoder.read.TextLines}).
 *
 * <p>Hostile input: no length, count or repetition in a file is trusted beyond the bytes present
 * and a documented limit (pcapng block bodies, hexdump's {@code *} lines, strace's numbers), and
 * everything quoted from a file in a message has its control characters escaped.
 */
package org.nlwb.decoder.read;

import org.nlwb.decoder.model.Diagnostic;
