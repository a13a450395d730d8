/**
 * The JSON form of decoded trees, the stable contract of {@code nlwb decode --json}, the window's
 * export and the tests (field names in README.md): its forms ({@code JsonForm}), the Jackson writer
 * ({@code TreeJson}), the byte writer of the compact form ({@code CompactJson}) and the way back to
 * the full form ({@code FullForm}).
 */
package org.nlwb.decoder.json;
