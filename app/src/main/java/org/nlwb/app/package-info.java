/**
 * The entry point: {@link org.nlwb.app.Main} hands the command line to picocli ({@code cli}) or
 * opens the window ({@code ui}).
 */
package org.nlwb.app;
