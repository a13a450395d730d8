/**
 * JMH microbenchmarks of the decoder's hot paths on the project's own samples: framing, the
 * attribute walk, value formatting, the JSON and text writers. Run by hand, never by a test run.
 */
package org.nlwb.benchmarks;
