/**
 * Load for measuring live capture: requests sent fast inside a throwaway namespace so that the
 * kernel makes many notifications, each carrying its request's sequence number.
 */
package org.nlwb.capture.load;
