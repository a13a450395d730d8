/**
 * The JSON form of decoded trees, the stable contract of {@code nlwb decode --json}, the window's
 * export and the tests (field names in README.md).
 */
package org.nlwb.decoder.json;
