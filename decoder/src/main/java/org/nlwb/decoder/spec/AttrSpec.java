package org.nlwb.decoder.spec;

import java.util.List;

/**
 * One attribute of an attribute set, as the spec describes it.
 *
 * @param name        spec spelling ({@code ifname})
 * @param kernelName  the C enum constant ({@code IFLA_IFNAME})
 * @param value       its nla_type
 * @param type        YNL type ({@code u32}, {@code nest}, {@code sub-message} ...)
 * @param bigEndian   {@code byte-order: big-endian}
 * @param nested      {@code nested-attributes} (an attribute-set name), or null
 * @param enumName    {@code enum}, or null
 * @param subType     {@code sub-type} (indexed-array items, binary scalar arrays), or null
 * @param subMessage  {@code sub-message} name, or null
 * @param selector    {@code selector} attribute name (spec spelling), or null
 * @param typeValue   {@code type-value} levels of a nest-type-value
 */
public record AttrSpec(String name, String kernelName, int value, String type, boolean bigEndian, boolean multiAttr,
                       String nested, String enumName, boolean asFlags, String displayHint, String struct,
                       String subType, String subMessage, String selector, List<String> typeValue, String doc) {

    public AttrSpec {
        typeValue = typeValue == null ? List.of() : List.copyOf(typeValue);
    }
}
