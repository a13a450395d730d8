/**
 * Installing nlwb like the tools beside it: the app image (jpackage) and the .deb around it, with
 * man pages and shell completion generated from the command line's picocli model at build time.
 * {@link org.nlwb.app.packaging.Packager} is what {@code mvn -Ppackage package} runs.
 */
package org.nlwb.app.packaging;
