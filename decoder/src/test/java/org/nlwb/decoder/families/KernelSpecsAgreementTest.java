package org.nlwb.decoder.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.ynl.AttrSetSpec;
import org.nlwb.decoder.ynl.AttrSpec;
import org.nlwb.decoder.ynl.AttrType;
import org.nlwb.decoder.ynl.Family;
import org.nlwb.decoder.spec.SpecLibrary;
import org.nlwb.decoder.testing.Samples;

/**
 * The built-in specs against the kernel's own YNL specs ({@code ../shared/specs/ynl}, Linux
 * 7.2.13): wherever both name an attribute of a set of the same name, they give it the same
 * number -- the after-headers data of the families is checked here -- and a built-in spec whose
 * comment says it follows 7.2 has every attribute of the kernel's sets it shares.
 */
class KernelSpecsAgreementTest {
    private static final Path KERNEL = Samples.shared().resolve("specs/ynl");

    /**
     * Where the kernel's YNL spec numbers an attribute unlike its own UAPI header (whose enum order
     * no kernel changes): it leaves out a pad attribute (NFTA_CHAIN_PAD = 9, NFTA_RULE_PAD = 7,
     * NFTA_SET_ELEM_PAD = 8) or lists attributes out of the header's order (NFTA_LOOKUP_SET_ID = 4,
     * NL_POLICY_TYPE_ATTR_PAD = 11 before _MASK = 12). The built-in specs keep the header's numbers.
     */
    private static final java.util.Set<String> KERNEL_SPEC_ERRATA = java.util.Set.of(
            "nftables.yaml chain-attrs", "nftables.yaml rule-attrs", "nftables.yaml setelem-attrs",
            "nftables.yaml expr-lookup-attrs", "nlctrl.yaml policy-attrs");

    /**
     * Kernel-spec attributes the built-ins leave out on purpose: nl80211's header spells value 4 of
     * the frequency attributes __NL80211_FREQUENCY_ATTR_NO_IBSS (a retired name, NO_IR's alias) and
     * the nl80211 data skips NL80211_ATTR_CSA_C_OFFSETS_TX with the other CSA counter aliases.
     */
    private static final java.util.Set<String> LEFT_OUT = java.util.Set.of(
            "nl80211.yaml nl80211-attrs.csa-c-offsets-tx = 205", "nl80211.yaml frequency-attrs.no-ibss = 4");

    @Test
    void attributesBothNameCarryOneNumberAndThe72SpecsMissNone() throws Exception {
        assertTrue(Files.isDirectory(KERNEL), "the kernel's YNL specs are expected in " + KERNEL);
        List<String> differ = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        int compared = 0;
        for (String file : builtins()) {
            Path k = KERNEL.resolve(file);
            if (!Files.exists(k)) {
                continue;
            }
            String text = builtinText(file);
            boolean follows72 = text.substring(0, text.indexOf("---")).replace("\n# ", " ").contains("It follows Linux 7.2");
            Family ours = SpecLibrary.parse(file, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            Family theirs = SpecLibrary.parse(k.toString(), Files.readAllBytes(k));
            for (AttrSetSpec ks : theirs.attributeSets().values()) {
                AttrSetSpec os = ours.attributeSets().get(ks.name());
                if (os == null || ks.subsetOf() != null || KERNEL_SPEC_ERRATA.contains(file + " " + ks.name())) {
                    continue;
                }
                for (AttrSpec ka : ks.attributes()) {
                    if (ka.type() == AttrType.UNUSED) {
                        continue;
                    }
                    AttrSpec oa = os.byName(ka.name());
                    AttrSpec same = os.byValue(ka.value());
                    if (oa != null) {
                        compared++;
                        if (oa.value() != ka.value()) {
                            differ.add(file + " " + ks.name() + "." + ka.name() + ": ours " + oa.value() + ", the kernel's " + ka.value());
                        }
                    } else if (follows72 && same == null
                            && !LEFT_OUT.contains(file + " " + ks.name() + "." + ka.name() + " = " + ka.value())) {
                        missing.add(file + " " + ks.name() + "." + ka.name() + " = " + ka.value());
                    }
                }
            }
        }
        System.out.println("attributes compared with the kernel's specs: " + compared + "; missing from 7.2 specs: " + missing);
        assertTrue(compared > 1000, "attributes compared: " + compared);
        assertEquals(List.of(), differ);
        assertEquals(List.of(), missing);
    }

    private static List<String> builtins() throws IOException {
        return List.of(builtinText("INDEX").split("\n"));
    }

    private static String builtinText(String file) throws IOException {
        try (InputStream in = SpecLibrary.class.getResourceAsStream("/org/nlwb/specs/" + file)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
