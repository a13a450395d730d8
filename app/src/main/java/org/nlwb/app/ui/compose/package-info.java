/**
 * The composer: a message (or a batch) built from its spec with typed editors or as raw bytes,
 * sent to a chosen network namespace, and the kernel's answer with the offending attribute shown.
 * The composed-message model here is JavaFX-free (ComposedMessage, Composition, CapturedRequests,
 * SentAs: what a captured value says beyond the spec); the tab and editors observe it.
 */
package org.nlwb.app.ui.compose;
