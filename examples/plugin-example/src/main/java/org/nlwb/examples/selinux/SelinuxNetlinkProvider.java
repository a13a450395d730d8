package org.nlwb.examples.selinux;

import org.nlwb.decoder.registry.MessageClassProvider;
import org.nlwb.decoder.registry.Registry;

/**
 * The plugin's entry point, named in
 * {@code META-INF/services/org.nlwb.decoder.registry.MessageClassProvider}. It binds the two
 * message types of NETLINK_SELINUX (protocol 7) to the class; binding also makes the class
 * available by name, so {@code nlwb decode --class selinux FILE} forces it.
 */
public final class SelinuxNetlinkProvider implements MessageClassProvider {
    /** NETLINK_SELINUX in linux/netlink.h. */
    public static final int NETLINK_SELINUX = 7;

    @Override
    public void contribute(Registry.Builder registry) {
        SelinuxMessageClass c = new SelinuxMessageClass();
        registry.bind(NETLINK_SELINUX, SelinuxMessageClass.SELNL_MSG_SETENFORCE, c);
        registry.bind(NETLINK_SELINUX, SelinuxMessageClass.SELNL_MSG_POLICYLOAD, c);
    }
}
