/**
 * Live sources (multicast monitors, a command traced through strace, nlmon) feeding a growing
 * {@link org.nlwb.capture.live.LiveCapture}, and the live file writer flushed per record. A new
 * kind of live source implements {@link org.nlwb.capture.live.LiveSource} here.
 */
package org.nlwb.capture.live;
