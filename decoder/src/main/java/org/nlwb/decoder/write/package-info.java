/**
 * Writers of dump files, one record at a time and flushed after each, so a capture killed
 * mid-way leaves a file the readers accept: {@link org.nlwb.decoder.write.PcapWriter} (libpcap,
 * LINKTYPE_NETLINK), {@link org.nlwb.decoder.write.PcapngWriter} (keeps pid, fd and syscall in a
 * packet comment), {@link org.nlwb.decoder.write.Pyroute2Writer} ({@code \x} lines with comments).
 * What each writes is read back to the same records by {@code org.nlwb.decoder.read}, within
 * what the format can hold. {@link org.nlwb.decoder.write.RecordWriter#forFile} picks one by a file's
 * extension ({@code nlwb convert} converts between formats with it).
 */
package org.nlwb.decoder.write;
