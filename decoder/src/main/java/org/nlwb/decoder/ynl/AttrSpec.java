package org.nlwb.decoder.ynl;

import java.util.List;
import java.util.Objects;

/**
 * One attribute of an attribute set, as the spec describes it. Made with {@link #builder} (the
 * parser) or derived with {@link #item} (the items of an indexed array); never positionally.
 *
 * @param name        spec spelling ({@code ifname})
 * @param kernelName  the C enum constant ({@code IFLA_IFNAME})
 * @param value       its nla_type
 * @param type        YNL type
 * @param bigEndian   {@code byte-order: big-endian}
 * @param multiAttr   {@code multi-attr}: may appear several times (a JSON array in a description)
 * @param nested      {@code nested-attributes} (an attribute-set name), or null
 * @param enumName    {@code enum}, or null
 * @param asFlags     {@code enum-as-flags}: the enum's values are bit positions
 * @param displayHint {@code display-hint}, or null
 * @param struct      {@code struct} (a binary attribute laid out as a struct), or null
 * @param subType     {@code sub-type} (indexed-array items, binary scalar arrays), or null
 * @param subMessage  {@code sub-message} name, or null
 * @param selector    {@code selector} attribute name (spec spelling), or null
 * @param typeValue   {@code type-value} levels of a nest-type-value
 * @param checks      {@code checks}: ranges and lengths, {@link AttrChecks#NONE} when absent
 * @param doc         {@code doc}, or null
 * @param firstIndex  nlwb's {@code first-index}: the nla_type of an indexed array's first item
 *                    (0 unless the kernel counts from 1, as tc's action lists and cake's tins do)
 */
public record AttrSpec(String name, String kernelName, int value, AttrType type, boolean bigEndian, boolean multiAttr,
                       String nested, String enumName, boolean asFlags, DisplayHint displayHint, String struct,
                       AttrType subType, String subMessage, String selector, List<String> typeValue, AttrChecks checks,
                       String doc, int firstIndex) {

    public AttrSpec {
        Objects.requireNonNull(type, "type");
        typeValue = typeValue == null ? List.of() : List.copyOf(typeValue);
        checks = checks == null ? AttrChecks.NONE : checks;
    }

    /** A builder for the attribute {@code name} ({@code kernelName}, nla_type {@code value}) of {@code type}. */
    public static Builder builder(String name, String kernelName, int value, AttrType type) {
        return new Builder(name, kernelName, value, type);
    }

    /** A builder holding everything this attribute has, to change a few things. */
    public Builder toBuilder() {
        Builder b = new Builder(name, kernelName, value, type);
        b.bigEndian = bigEndian;
        b.multiAttr = multiAttr;
        b.nested = nested;
        b.enumName = enumName;
        b.asFlags = asFlags;
        b.displayHint = displayHint;
        b.struct = struct;
        b.subType = subType;
        b.subMessage = subMessage;
        b.selector = selector;
        b.typeValue = typeValue;
        b.checks = checks;
        b.doc = doc;
        b.firstIndex = firstIndex;
        return b;
    }

    /**
     * Item {@code index} of this indexed array: named {@code [index]}, nla_type {@code index}, of
     * the {@code sub-type} ({@code nest} when there is none), keeping the byte order, nested set,
     * enum, display hint and struct that describe each item.
     */
    public AttrSpec item(int index) {
        Builder b = builder(name, "[" + index + "]", index, subType == null ? AttrType.NEST : subType);
        b.bigEndian = bigEndian;
        b.nested = nested;
        b.enumName = enumName;
        b.asFlags = asFlags;
        b.displayHint = displayHint;
        b.struct = struct;
        return b.build();
    }

    /** Collects an attribute's properties; every one but name, kernel name, value and type is optional. */
    public static final class Builder {
        private final String name;
        private final String kernelName;
        private final int value;
        private AttrType type;
        private boolean bigEndian;
        private boolean multiAttr;
        private String nested;
        private String enumName;
        private boolean asFlags;
        private DisplayHint displayHint;
        private int firstIndex;
        private String struct;
        private AttrType subType;
        private String subMessage;
        private String selector;
        private List<String> typeValue = List.of();
        private AttrChecks checks = AttrChecks.NONE;
        private String doc;

        private Builder(String name, String kernelName, int value, AttrType type) {
            this.name = name;
            this.kernelName = kernelName;
            this.value = value;
            this.type = type;
        }

        /** Another type (a subset-of attribute may retype its parent's). */
        public Builder type(AttrType v) {
            type = v;
            return this;
        }

        public Builder bigEndian(boolean v) {
            bigEndian = v;
            return this;
        }

        public Builder multiAttr(boolean v) {
            multiAttr = v;
            return this;
        }

        public Builder nested(String setName) {
            nested = setName;
            return this;
        }

        public Builder enumName(String v) {
            enumName = v;
            return this;
        }

        public Builder asFlags(boolean v) {
            asFlags = v;
            return this;
        }

        public Builder displayHint(DisplayHint v) {
            displayHint = v;
            return this;
        }

        public Builder struct(String v) {
            struct = v;
            return this;
        }

        public Builder subType(AttrType v) {
            subType = v;
            return this;
        }

        public Builder subMessage(String name, String selectorName) {
            subMessage = name;
            selector = selectorName;
            return this;
        }

        public Builder typeValue(List<String> v) {
            typeValue = v;
            return this;
        }

        public Builder checks(AttrChecks v) {
            checks = v;
            return this;
        }

        public Builder doc(String v) {
            doc = v;
            return this;
        }

        public Builder firstIndex(int v) {
            firstIndex = v;
            return this;
        }

        public AttrSpec build() {
            return new AttrSpec(name, kernelName, value, type, bigEndian, multiAttr, nested, enumName, asFlags, displayHint,
                    struct, subType, subMessage, selector, typeValue, checks, doc, firstIndex);
        }
    }
}
