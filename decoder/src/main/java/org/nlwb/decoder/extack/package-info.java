/**
 * What a kernel's extended ACK says about the request it answers: errno, message, the request
 * attribute NLMSGERR_ATTR_OFFS points at, a missing attribute named through the spec, the
 * policy a value broke. One immutable result for the CLI's send output and the window's composer.
 */
package org.nlwb.decoder.extack;
