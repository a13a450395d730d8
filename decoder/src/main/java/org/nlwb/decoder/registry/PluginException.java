package org.nlwb.decoder.registry;

/**
 * A plugin's code threw while the registry consulted it (a {@link MessageClassResolver}). The
 * message names the plugin and what it threw; the decoder turns it into a note on the message.
 */
public final class PluginException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param plugin what failed, for a person: {@code message class resolver org.example.Foo} */
    public PluginException(String plugin, Throwable cause) {
        super(plugin + " failed: threw " + cause, cause);
    }
}
