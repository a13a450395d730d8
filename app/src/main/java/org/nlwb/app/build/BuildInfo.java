package org.nlwb.app.build;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version of this build: {@code git describe --tags --always --dirty} of the sources it was
 * built from, or the POM version where they had no git (a source tarball); {@code -Dnlwb.version=X}
 * on the Maven command line sets it outright. Maven writes it into {@code build.properties} beside
 * this class (app/pom.xml). Pitfall: a class path that did not go through Maven's resource
 * filtering (an IDE's own build) has no stamped version; {@link #version()} then says
 * {@value #UNKNOWN} rather than the placeholder.
 */
public final class BuildInfo {
    /** What {@link #version()} says when the build stamped nothing. */
    public static final String UNKNOWN = "unknown";

    private static final String VERSION = versionFrom(BuildInfo.class.getResourceAsStream("build.properties"));

    private BuildInfo() {
    }

    /** The version this build was stamped with, e.g. {@code v0.2.0-3-g1a2b3c4-dirty} or {@code 1a2b3c4}. */
    public static String version() {
        return VERSION;
    }

    /** The {@code version} of a {@code build.properties} stream (closed here), {@value #UNKNOWN} when absent or unfiltered. */
    static String versionFrom(InputStream in) {
        if (in == null) {
            return UNKNOWN;
        }
        Properties p = new Properties();
        try (in) {
            p.load(in);
        } catch (IOException e) {
            return UNKNOWN;
        }
        String v = p.getProperty("version", "").strip();
        return v.isEmpty() || v.contains("${") ? UNKNOWN : v;
    }
}
