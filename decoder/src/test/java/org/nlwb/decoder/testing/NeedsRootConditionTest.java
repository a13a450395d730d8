package org.nlwb.decoder.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Proxy;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.nlwb.decoder.testing.NeedsRootCondition.Host;

/** When a {@link NeedsRoot} test runs, on faked hosts: only root with both capabilities and ip netns. */
class NeedsRootConditionTest {
    private static final long BOTH_CAPS = 1L << NeedsRootCondition.CAP_SYS_ADMIN | 1L << NeedsRootCondition.CAP_NET_ADMIN;

    /** A real /proc/self/status excerpt of an unprivileged process. */
    private static final String NOBODY_STATUS = "Name:\tjava\nUmask:\t0022\nState:\tS (sleeping)\n"
            + "Uid:\t65534\t65534\t65534\t65534\nGid:\t65534\t65534\t65534\t65534\n"
            + "CapInh:\t0000000000000000\nCapPrm:\t0000000000000000\nCapEff:\t0000000000000000\n";
    private static final String ROOT_STATUS = "Uid:\t0\t0\t0\t0\nCapEff:\t000001ffffffffff\n";

    private static void assertSkipped(ConditionEvaluationResult r, String why) {
        assertTrue(r.isDisabled());
        String reason = r.getReason().orElseThrow();
        assertTrue(reason.startsWith("skipped: ") && reason.contains(why), reason);
        assertFalse(reason.contains("\n"), "one line: " + reason);
    }

    @Test
    void aUserWhoIsNotRootIsSkippedNamingTheUid() {
        Host nobody = new Host(NeedsRootCondition.field(NOBODY_STATUS, "Uid:", 1, 10),
                NeedsRootCondition.field(NOBODY_STATUS, "CapEff:", 0, 16), true);
        assertEquals(65534, nobody.euid());
        assertSkipped(NeedsRootCondition.evaluate(nobody), "needs root");
        assertSkipped(NeedsRootCondition.evaluate(nobody), "uid 65534");
    }

    @Test
    void rootWithoutACapabilityIsSkippedNamingIt() {
        assertSkipped(NeedsRootCondition.evaluate(new Host(0, 1L << NeedsRootCondition.CAP_NET_ADMIN, true)), "CAP_SYS_ADMIN");
        assertSkipped(NeedsRootCondition.evaluate(new Host(0, 1L << NeedsRootCondition.CAP_SYS_ADMIN, true)), "CAP_NET_ADMIN");
    }

    @Test
    void rootWithoutIpNetnsIsSkippedSayingWhatToInstall() {
        assertSkipped(NeedsRootCondition.evaluate(new Host(0, BOTH_CAPS, false)), "iproute2");
    }

    @Test
    void rootWithBothCapabilitiesAndIpNetnsRuns() {
        Host root = new Host(NeedsRootCondition.field(ROOT_STATUS, "Uid:", 1, 10),
                NeedsRootCondition.field(ROOT_STATUS, "CapEff:", 0, 16), true);
        assertEquals(0, root.euid());
        assertFalse(NeedsRootCondition.evaluate(root).isDisabled());
    }

    @NeedsRoot
    static final class MarkedClass {
        void test() {
        }
    }

    static final class PlainClass {
        @NeedsRoot
        void marked() {
        }

        void plain() {
        }
    }

    /** The context JUnit passes for {@code element} of {@code testClass} (only what the condition reads). */
    private static ExtensionContext context(AnnotatedElement element, Class<?> testClass) {
        return (ExtensionContext) Proxy.newProxyInstance(ExtensionContext.class.getClassLoader(),
                new Class<?>[] {ExtensionContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getElement" -> Optional.of(element);
                    case "getTestClass" -> Optional.of(testClass);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void onlyTestsMarkedThemselvesOrByTheirClassAreSkippedForAUser() throws Exception {
        NeedsRootCondition asNobody = new NeedsRootCondition(new Host(65534, 0, true));
        assertTrue(asNobody.evaluateExecutionCondition(context(MarkedClass.class, MarkedClass.class)).isDisabled());
        assertTrue(asNobody.evaluateExecutionCondition(
                context(MarkedClass.class.getDeclaredMethod("test"), MarkedClass.class)).isDisabled());
        assertTrue(asNobody.evaluateExecutionCondition(
                context(PlainClass.class.getDeclaredMethod("marked"), PlainClass.class)).isDisabled());
        assertFalse(asNobody.evaluateExecutionCondition(
                context(PlainClass.class.getDeclaredMethod("plain"), PlainClass.class)).isDisabled());
        NeedsRootCondition asRoot = new NeedsRootCondition(new Host(0, BOTH_CAPS, true));
        assertFalse(asRoot.evaluateExecutionCondition(context(MarkedClass.class, MarkedClass.class)).isDisabled());
    }

    @Test
    void theEffectiveUidIsTheSecondColumn() {
        assertEquals(0, NeedsRootCondition.field("Uid:\t1000\t0\t0\t0\n", "Uid:", 1, 10), "setuid: effective 0");
        assertEquals(-1, NeedsRootCondition.field("Name:\tx\n", "Uid:", 1, 10));
    }
}
