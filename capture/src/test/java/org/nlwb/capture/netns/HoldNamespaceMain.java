package org.nlwb.capture.netns;

/** A child JVM for {@link ThrowawayNamespaceTest}: makes a throwaway namespace, prints its name, waits. */
public final class HoldNamespaceMain {
    private HoldNamespaceMain() {
    }

    public static void main(String[] args) throws Exception {
        ThrowawayNamespace ns = ThrowawayNamespace.create("nlwb-test");
        System.out.println(ns.name());
        System.out.flush();
        System.in.read(); // until a signal ends the JVM
    }
}
