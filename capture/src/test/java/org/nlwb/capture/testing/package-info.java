/**
 * Test helpers shared by the capture tests: privilege checks that skip with a reason, child
 * JVMs on the test class path, and rtnetlink requests the tests send.
 */
package org.nlwb.capture.testing;
