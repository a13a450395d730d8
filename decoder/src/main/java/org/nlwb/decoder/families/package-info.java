/**
 * Families YNL cannot describe, written in Java as plugins would be: sock_diag, uevent, audit,
 * connector, and the attribute-codec overrides (RTA_MULTIPATH, tc u32 keys) that the built-in specs
 * need. A new Java family goes here and into {@link org.nlwb.decoder.families.BuiltinFamilies}.
 */
package org.nlwb.decoder.families;
