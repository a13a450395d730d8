package org.nlwb.decoder.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test (class or method) that changes network state or needs privileges: it creates network
 * namespaces ({@code ip netns}), opens netlink sockets needing CAP_NET_ADMIN, runs strace inside
 * a namespace or makes nlmon links. Tagged {@code root} (exclude them with
 * {@code mvn verify -DexcludedGroups=root}) and skipped with a one-line reason by
 * {@link NeedsRootCondition} when the process is not root with CAP_SYS_ADMIN and CAP_NET_ADMIN,
 * or when {@code ip netns} is missing. Everything not marked runs for any user.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("root")
@ExtendWith(NeedsRootCondition.class)
public @interface NeedsRoot {
}
