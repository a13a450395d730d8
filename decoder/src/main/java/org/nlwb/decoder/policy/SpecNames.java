package org.nlwb.decoder.policy;

import org.nlwb.decoder.ynl.AttrSetSpec;
import org.nlwb.decoder.ynl.AttrSpec;
import org.nlwb.decoder.ynl.Family;

/** How checks and views name attributes through a spec: kernel constants, {@code attribute N} where none. */
final class SpecNames {
    private SpecNames() {
    }

    /** {@code ETHTOOL_A_HEADER_FLAGS}, or {@code attribute 7} when the spec does not know number 7. */
    static String of(AttrSpec spec, int type) {
        if (spec == null) {
            return "attribute " + type;
        }
        return spec.kernelName() != null ? spec.kernelName() : spec.name();
    }

    static String join(String path, String name) {
        return path.isEmpty() ? name : path + "/" + name;
    }

    /** The spec-name path one level down: {@code header.flags}; {@code ?} where the spec has no name. */
    static String specJoin(String specPath, AttrSpec spec) {
        String name = spec == null ? "?" : spec.name();
        return specPath.isEmpty() ? name : specPath + "." + name;
    }

    /** The attribute set a nest's contents belong to, or null (not a nest, or the spec names none). */
    static AttrSetSpec nestedSet(Family family, AttrSpec spec) {
        return spec == null || spec.nested() == null ? null : family.attributeSets().get(spec.nested());
    }
}
