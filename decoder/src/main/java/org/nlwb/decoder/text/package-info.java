/**
 * The indented text form of decoded trees ({@code name: value  [offset+length]}) that
 * {@code nlwb decode}, the text export and the golden files share.
 */
package org.nlwb.decoder.text;
