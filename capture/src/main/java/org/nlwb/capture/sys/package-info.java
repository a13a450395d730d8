/**
 * The native layer: jnr-ffi bindings to libc (socket, bind, sendmsg, recvmsg, setns, ...), struct
 * layouts checked against gcc, and {@link org.nlwb.capture.sys.SysException} with errno names and the
 * capability an EPERM needs. Nothing else in nlwb calls native code.
 */
package org.nlwb.capture.sys;
