package org.nlwb.decoder.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.pipeline.DecodedCapture;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.spec.SpecLibrary;

/** Filter names checked against the built-in specs: typos are said, with the name meant, instead of matching nothing. */
class FilterNamesTest {
    private static final Registry REGISTRY = SpecLibrary.of(true, List.of()).reload();
    private static final FilterVocabulary NAMES = FilterVocabulary.of(REGISTRY);

    private static FilterSyntaxException refused(String text) {
        return assertThrows(FilterSyntaxException.class, () -> Filter.parse(text, NAMES));
    }

    @Test
    void aMistypedAttributeNameIsAnErrorNamingTheOneMeant() {
        FilterSyntaxException e = refused("IFLA_IFNAM == \"lo\"");
        assertEquals("unknown field IFLA_IFNAM (did you mean IFLA_IFNAME?)", e.reason());
        assertEquals(0, e.position());
        assertEquals("IFLA_IFNAME == \"lo\"", e.fix().orElseThrow().applyTo("IFLA_IFNAM == \"lo\""));
    }

    @Test
    void aMistypedTypeNameIsAnErrorAtTheValue() {
        FilterSyntaxException e = refused("IFLA_MTU > 1000 && type == RTM_NEWLNK");
        assertEquals("unknown type name RTM_NEWLNK (did you mean RTM_NEWLINK?)", e.reason());
        assertEquals(27, e.position());
        assertEquals("at 28: unknown type name RTM_NEWLNK (did you mean RTM_NEWLINK?)", e.getMessage());
        assertEquals("IFLA_MTU > 1000 && type == RTM_NEWLINK",
                e.fix().orElseThrow().applyTo("IFLA_MTU > 1000 && type == RTM_NEWLNK"));
    }

    @Test
    void aPseudoFieldInTheWrongCaseOrMisspeltIsAnError() {
        assertEquals("unknown field tpye (did you mean type?)", refused("tpye == 16").reason());
        assertEquals("unknown field ifla_ifname (did you mean IFLA_IFNAME?)", refused("ifla_ifname").reason());
    }

    @Test
    void theYnlSpellingOfAnAttributePointsToItsKernelName() {
        String why = refused("ifname == lo").reason();
        assertTrue(why.startsWith("unknown field ifname: the tree names attributes by their kernel names ("), why);
        assertTrue(why.contains("IFLA_IFNAME"), why);
    }

    @Test
    void closedSetsAndFlagsAreChecked() {
        assertEquals("unknown direction notificaton (did you mean notification?)",
                refused("direction == notificaton").reason());
        assertEquals("unknown direction sideways (in, out, unknown, request, reply, notification)",
                refused("direction == sideways").reason());
        assertTrue(refused("protocol == rout").reason().startsWith("unknown protocol rout ("));
        FilterSyntaxException e = refused("flags == AKC");
        assertEquals("unknown flag AKC (did you mean ACK?)", e.reason());
        assertEquals(9, e.position());
        assertEquals("unknown flag DUMPP (did you mean DUMP?)", refused("flags contains DUMPP").reason());
    }

    @Test
    void aMistypedEnumValueIsAnError() {
        assertEquals("unknown value AF_INTE for ifi_family (did you mean AF_INET?)",
                refused("ifi_family == AF_INTE").reason());
    }

    @Test
    void validNamesPassWithoutWarnings() throws FilterSyntaxException {
        for (String ok : List.of("IFLA_IFNAME == \"lo\"", "type == RTM_NEWLINK", "type == NLMSG_ERROR && error != 0",
                "flags contains DUMP", "flags == \"REQUEST|ACK\"", "flags == ACK", "direction == notification", "protocol == route",
                "ifi_family == AF_INET", "IFLA_IFNAME == lo", "IFA_ADDRESS == 10.0.0.1", "type contains NEW",
                "NLMSGERR_ATTR_MSG", "nlmsg_seq > 0", "CTRL_ATTR_FAMILY_NAME == nlctrl", "type == \"RTM_NEWLNK\"")) {
            assertEquals(List.of(), Filter.parse(ok, NAMES).warnings(), ok);
        }
    }

    @Test
    void aNameNoClassKnowsAndNothingIsCloseToIsOnlyAWarning() throws FilterSyntaxException {
        Filter f = Filter.parse("type == RTM_NEWLINK && MY_PLUGIN_FIELD == 7", NAMES);
        assertEquals(List.of(new FilterWarning(23, "no message class is known to have a field MY_PLUGIN_FIELD; it matches "
                + "only messages whose tree holds a node of that name")), f.warnings());
    }

    @Test
    void aKnownNameAbsentFromTheCaptureIsNeitherErrorNorWarning() throws Exception {
        Capture c = Loader.standard().load(Path.of("..", "samples", "ip-link-add-veth.strace.txt"), null, -1);
        Filter f = Filter.parse("NDA_DST == 10.0.0.1", NAMES);
        assertEquals(List.of(), f.warnings());
        DecodedCapture d = DecodedCapture.of(c, REGISTRY);
        for (DecodedMessage m : d.messages()) {
            assertTrue(!f.test(m));
        }
    }

    @Test
    void withoutAVocabularyOnlyTheSyntaxIsChecked() throws FilterSyntaxException {
        assertEquals(List.of(), Filter.parse("IFLA_IFNAM == \"lo\"").warnings());
        assertEquals(List.of(), Filter.parse("IFLA_IFNAM == \"lo\"", FilterVocabulary.none()).warnings());
    }

    @Test
    void namesSeenInACaptureJoinTheVocabulary() throws FilterSyntaxException {
        FilterVocabulary seen = NAMES.withFields(List.of("MY_PLUGIN_FIELD"));
        assertEquals(List.of(), Filter.parse("MY_PLUGIN_FIELD == 7", seen).warnings());
        assertEquals("unknown field MY_PLUGIN_FEILD (did you mean MY_PLUGIN_FIELD?)",
                assertThrows(FilterSyntaxException.class, () -> Filter.parse("MY_PLUGIN_FEILD", seen)).reason());
    }
}
