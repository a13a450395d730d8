package org.nlwb.decoder.families;

import org.nlwb.decoder.registry.MessageClassProvider;
import org.nlwb.decoder.registry.Registry;

/**
 * The families nlwb writes in Java because their layout is not a YNL spec's kind: bodies chosen
 * by a key inside the body (sock_diag), text (audit), no nlmsghdr at all (uevent), or a
 * protocol that types every message NLMSG_DONE (connector), and attributes of spec families that
 * YNL cannot describe (RTA_MULTIPATH, RTA_VIA, RTA_ENCAP before its type, the seg6 header, the keys after
 * tc_u32_sel). Found through
 * {@code META-INF/services/org.nlwb.decoder.registry.MessageClassProvider} like any plugin.
 */
public final class BuiltinFamilies implements MessageClassProvider {
    @Override
    public void contribute(Registry.Builder registry) {
        SockDiag.contribute(registry);
        Uevent.contribute(registry);
        Audit.contribute(registry);
        Connector.contribute(registry);
        RouteMultipath.contribute(registry);
        RouteVia.contribute(registry);
        RouteEncap.contribute(registry);
        Seg6Encap.contribute(registry);
        TcU32Selector.contribute(registry);
        FqCodelXstats.contribute(registry);
        TcFilterHandle.contribute(registry);
    }
}
