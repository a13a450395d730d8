/**
 * How a message finds its class: {@link org.nlwb.decoder.registry.Registry} (immutable, built once
 * and passed in), {@link org.nlwb.decoder.registry.MessageClass}es, resolvers, fixers and attribute
 * codec overrides, and the {@link org.nlwb.decoder.registry.MessageClassProvider} plugins register
 * through. Every call into plugin code is guarded here or in dissect.
 */
package org.nlwb.decoder.registry;
