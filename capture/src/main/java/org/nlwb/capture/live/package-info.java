/**
 * Live sources (multicast monitors, a command traced through strace, nlmon) feeding a growing
 * {@link org.nlwb.capture.live.LiveCapture}, the live file writer (a thread of its own behind a
 * bounded queue) and the count of messages a monitor knows it lost ({@link org.nlwb.capture.live.SeqGaps}).
 * A new kind of live source implements {@link org.nlwb.capture.live.LiveSource} here.
 */
package org.nlwb.capture.live;
