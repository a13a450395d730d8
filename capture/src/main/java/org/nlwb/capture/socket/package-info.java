/**
 * Netlink and packet sockets: {@link org.nlwb.capture.socket.NetlinkSocket} (options, sized
 * receives or one call per datagram for a monitor, overruns counted), the
 * {@link org.nlwb.capture.socket.NetlinkChannel} a send can run over (local or through a namespace
 * agent), and request/reply exchanges.
 */
package org.nlwb.capture.socket;
