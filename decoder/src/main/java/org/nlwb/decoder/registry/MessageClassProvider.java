package org.nlwb.decoder.registry;

/**
 * The plugin SPI: implementations are found with {@link java.util.ServiceLoader} (list them in
 * {@code META-INF/services/org.nlwb.decoder.registry.MessageClassProvider}) on the class path or in
 * jars of a plugins folder, and add their classes and resolvers to a registry being built.
 */
public interface MessageClassProvider {

    /** Adds this provider's message classes to {@code registry}. */
    void contribute(Registry.Builder registry);
}
