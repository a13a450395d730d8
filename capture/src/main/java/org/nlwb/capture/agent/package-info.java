/**
 * The namespace agent: a child process born in a network namespace of its own (with a user
 * namespace for non-root users, as {@code unshare -rn} makes it) that opens netlink sockets
 * there and serves them to nlwb over its stdin/stdout; the namespace lives exactly as long as it.
 */
package org.nlwb.capture.agent;
