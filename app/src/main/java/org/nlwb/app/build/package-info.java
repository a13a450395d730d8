/**
 * What the build stamped into the jar (the version). Depends on nothing else of the app, so the
 * command line and the window can both show it without depending on each other.
 */
package org.nlwb.app.build;
