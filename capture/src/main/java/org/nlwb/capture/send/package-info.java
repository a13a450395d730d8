/**
 * Sending crafted netlink datagrams where they can do no harm: a target (a throwaway namespace,
 * a named one, the host on request), a session kept open across sends, and each send's whole
 * conversation as capture records the views and exports already understand.
 */
package org.nlwb.capture.send;
