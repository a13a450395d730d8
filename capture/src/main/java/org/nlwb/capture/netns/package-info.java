/**
 * Network namespaces by name (as {@code ip netns}): running work inside one on a dedicated thread,
 * and throwaway namespaces named so that orphans of a killed nlwb are found and removed.
 */
package org.nlwb.capture.netns;
