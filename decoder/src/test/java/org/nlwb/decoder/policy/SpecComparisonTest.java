package org.nlwb.decoder.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.policy.SpecDifference.Kind;
import org.nlwb.decoder.ynl.AttrSetSpec;
import org.nlwb.decoder.ynl.AttrSpec;
import org.nlwb.decoder.ynl.AttrType;
import org.nlwb.decoder.ynl.Family;

class SpecComparisonTest {
    @Test
    void theBuiltInEthtoolSpecHasEveryAttributeThisKernelAccepts() throws Exception {
        List<SpecDifference> d = SpecComparison.compare(PolicySamples.policy("ethtool"), PolicySamples.family("ethtool"));
        assertEquals(List.of(), d.stream().filter(x -> x.kind() != Kind.SPEC_ONLY).map(SpecDifference::text).toList());
        // reply-only attributes of shared sets: the spec has them, no request takes them
        assertTrue(d.stream().anyMatch(x -> x.text().equals(
                "set linkmodes: ETHTOOL_A_LINKMODES_PEER: the spec has it (nest); this kernel accepts it in no request")),
                d.toString());
    }

    @Test
    void anAttributeTheSpecLacksAndATypeItGetsWrongAreNamed() throws Exception {
        Family f = PolicySamples.family("ethtool");
        AttrSetSpec linkmodes = f.attributeSets().get("linkmodes");
        List<AttrSpec> attrs = new ArrayList<>();
        for (AttrSpec a : linkmodes.attributes()) {
            if (!a.name().equals("lanes")) {
                attrs.add(a.name().equals("duplex") ? a.toBuilder().type(AttrType.U32).build() : a);
            }
        }
        Map<String, AttrSetSpec> sets = new LinkedHashMap<>(f.attributeSets());
        sets.put("linkmodes", new AttrSetSpec(linkmodes.name(), linkmodes.prefix(), linkmodes.subsetOf(), attrs));
        Family older = new Family(f.name(), f.schema(), f.protonum(), f.doc(), f.consts(), f.enums(), f.structs(), sets,
                f.operations(), f.subMessages(), f.mcastGroups(), f.directional(), f.origin());
        List<String> d = SpecComparison.compare(PolicySamples.policy("ethtool"), older).stream()
                .filter(x -> x.kind() != Kind.SPEC_ONLY).map(SpecDifference::text).toList();
        assertEquals(List.of("linkmodes-set do: ETHTOOL_A_LINKMODES_DUPLEX: the kernel's type is u8, the spec's u32",
                "linkmodes-set do: attribute 9: the kernel accepts it (u32); the spec lacks it"), d);
    }

    @Test
    void typesFitByWidthAndKind() {
        assertTrue(SpecComparison.fits(NlAttrType.NUL_STRING, AttrType.STRING));
        assertTrue(SpecComparison.fits(NlAttrType.UINT, AttrType.U32));
        assertTrue(SpecComparison.fits(NlAttrType.NESTED_ARRAY, AttrType.INDEXED_ARRAY));
        assertFalse(SpecComparison.fits(NlAttrType.U8, AttrType.U32));
        assertFalse(SpecComparison.fits(NlAttrType.FLAG, AttrType.U8));
    }
}
