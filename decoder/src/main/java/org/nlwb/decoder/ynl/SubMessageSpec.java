package org.nlwb.decoder.ynl;

import java.util.Map;

/**
 * A sub-message: an attribute whose layout depends on the value of another attribute (the
 * selector), e.g. {@code IFLA_INFO_DATA} by {@code IFLA_INFO_KIND}.
 *
 * @param formats selector value → layout
 */
public record SubMessageSpec(String name, Map<String, Format> formats) {

    public SubMessageSpec {
        formats = Map.copyOf(formats);
    }

    /** One layout: an optional fixed header struct, then optional attributes. */
    public record Format(String value, String fixedHeader, String attributeSet) {
    }
}
