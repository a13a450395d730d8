package org.nlwb.decoder.dissect;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.DecodeScope;
import org.nlwb.decoder.registry.MessageClass;
import org.nlwb.decoder.registry.MessageContext;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.spec.RegistryFactory;
import org.nlwb.decoder.tree.Node;

/**
 * The tiling check of a class's trees is left out only for spec-backed classes, which tile by
 * construction (every sample's trees are checked in {@code EverySampleDecodesTest}); any other
 * class, as a plugin's, is checked ({@code PluginFailuresTest} shows a non-tiling tree reported).
 */
class TilingTrustTest {
    @Test
    void specClassesAreTrustedAndAnyOtherClassIsChecked() {
        Registry r = RegistryFactory.standard(List.of());
        for (String name : List.of("rt-link", "rt-route", "rt-addr", "rt-neigh")) {
            MessageClass cls = r.byName(name).orElseThrow();
            assertTrue(PluginCalls.tilesByConstruction(cls), name);
        }
        MessageClass plugin = new MessageClass() {
            @Override
            public String name() {
                return "plugin";
            }

            @Override
            public String typeName(MessageContext msg) {
                return "X";
            }

            @Override
            public List<Node> decodeBody(MessageContext msg, ByteView body, DecodeScope scope) {
                return List.of();
            }
        };
        assertFalse(PluginCalls.tilesByConstruction(plugin));
    }
}
