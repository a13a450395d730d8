package org.nlwb.decoder.ynl;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The four YNL schema levels ({@code protocol:} in a spec) and the keys each allows where, taken
 * from the kernel's {@code Documentation/netlink/*.yaml} schemas (all of them say
 * {@code additionalProperties: False}, so a key not listed is an error).
 */
public enum SchemaLevel {
    GENETLINK("genetlink"),
    GENETLINK_C("genetlink-c"),
    GENETLINK_LEGACY("genetlink-legacy"),
    NETLINK_RAW("netlink-raw");

    /** Places in a spec that have a fixed set of keys. */
    enum Where { TOP, DEFINITION, ENTRY, MEMBER, ATTRIBUTE_SET, ATTRIBUTE, CHECKS, SUB_MESSAGE, FORMAT, OPERATIONS,
        OPERATION, MODE, MESSAGE, EVENT, MCAST_GROUPS, MCAST_GROUP }

    private static final Set<String> COMMON_TOP = Set.of("name", "doc", "protocol", "uapi-header", "definitions",
            "attribute-sets", "operations", "mcast-groups");
    private static final Set<String> C_TOP = Set.of("c-family-name", "c-version-name", "max-by-define",
            "cmd-max-name", "cmd-cnt-name");
    private static final Set<String> ATTR_COMMON = Set.of("name", "type", "doc", "value", "type-value", "byte-order",
            "multi-attr", "nested-attributes", "enum", "enum-as-flags", "checks", "sub-type", "display-hint",
            "first-index");

    private final String label;

    SchemaLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The level named by a spec's {@code protocol:} value; a spec without one is {@code genetlink}. */
    public static SchemaLevel of(String protocol) {
        if (protocol == null) {
            return GENETLINK;
        }
        for (SchemaLevel l : values()) {
            if (l.label.equals(protocol.trim().toLowerCase(Locale.ROOT))) {
                return l;
            }
        }
        return null;
    }

    /** Whether this level is carried over generic netlink (and so has a genlmsghdr). */
    public boolean isGeneric() {
        return this != NETLINK_RAW;
    }

    boolean atLeastLegacy() {
        return this == GENETLINK_LEGACY || this == NETLINK_RAW;
    }

    boolean atLeastC() {
        return this != GENETLINK;
    }

    /** The keys allowed at {@code where}. */
    Set<String> keys(Where where) {
        return switch (where) {
            case TOP -> union(COMMON_TOP,
                    this == NETLINK_RAW ? Set.of("protonum", "kernel-policy", "sub-messages") : Set.of("kernel-family"),
                    atLeastC() ? C_TOP : Set.of(),
                    this == GENETLINK_LEGACY ? Set.of("kernel-policy", "version") : Set.of());
            case DEFINITION -> union(Set.of("name", "header", "scope", "type", "doc", "value", "value-start", "entries",
                            "render-max"),
                    atLeastC() ? Set.of("enum-name", "name-prefix") : Set.of(),
                    atLeastC() && this != NETLINK_RAW ? Set.of("enum-cnt-name") : Set.of(),
                    atLeastLegacy() ? Set.of("members") : Set.of());
            case ENTRY -> Set.of("name", "value", "doc");
            case MEMBER -> union(Set.of("name", "type", "len", "byte-order", "doc", "enum", "struct", "display-hint"),
                    this == NETLINK_RAW ? Set.of("enum-as-flags") : Set.of());
            case ATTRIBUTE_SET -> union(Set.of("name", "name-prefix", "enum-name", "doc", "subset-of", "attributes"),
                    atLeastC() ? Set.of("attr-cnt-name", "attr-max-name", "header") : Set.of());
            case ATTRIBUTE -> union(ATTR_COMMON,
                    atLeastC() ? Set.of("name-prefix") : Set.of(),
                    atLeastLegacy() ? Set.of("struct") : Set.of(),
                    this == NETLINK_RAW ? Set.of("sub-message", "selector") : Set.of());
            case CHECKS -> union(Set.of("flags-mask", "min", "max", "min-len", "max-len", "exact-len"),
                    atLeastC() ? Set.of("unterminated-ok") : Set.of());
            case SUB_MESSAGE -> Set.of("name", "formats");
            case FORMAT -> Set.of("value", "fixed-header", "attribute-set");
            case OPERATIONS -> union(Set.of("enum-model", "name-prefix", "enum-name", "async-prefix", "async-enum", "list"),
                    atLeastLegacy() ? Set.of("fixed-header") : Set.of());
            case OPERATION -> union(Set.of("name", "doc", "value", "attribute-set", "flags", "dont-validate", "do", "dump",
                            "notify", "event", "mcgrp"),
                    this != NETLINK_RAW ? Set.of("config-cond") : Set.of(),
                    atLeastLegacy() ? Set.of("fixed-header") : Set.of());
            case MODE -> Set.of("request", "reply", "pre", "post");
            case MESSAGE -> atLeastLegacy() ? Set.of("attributes", "value") : Set.of("attributes");
            case EVENT -> Set.of("attributes");
            case MCAST_GROUPS -> Set.of("list");
            case MCAST_GROUP -> union(Set.of("name", "flags"),
                    atLeastC() ? Set.of("c-define-name") : Set.of(),
                    this == NETLINK_RAW ? Set.of("value") : Set.of());
        };
    }

    /** Attribute types (and sub-types) the level allows. */
    Set<AttrType> attributeTypes() {
        EnumSet<AttrType> types = EnumSet.range(AttrType.U8, AttrType.UNUSED);
        if (!atLeastLegacy()) {
            types.remove(AttrType.BITFIELD32);
        }
        if (this != NETLINK_RAW) {
            types.remove(AttrType.SUB_MESSAGE);
        }
        return types;
    }

    /** Struct member types the level allows: the fixed-width integers, string, binary, and pad in netlink-raw. */
    Set<AttrType> memberTypes() {
        EnumSet<AttrType> types = EnumSet.range(AttrType.U8, AttrType.S64);
        types.add(AttrType.STRING);
        types.add(AttrType.BINARY);
        if (this == NETLINK_RAW) {
            types.add(AttrType.PAD);
        }
        return types;
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        java.util.Set<String> all = new java.util.HashSet<>();
        for (Set<String> s : sets) {
            all.addAll(s);
        }
        return Set.copyOf(all);
    }
}
