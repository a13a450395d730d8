/**
 * The YNL spec language: YAML with line numbers ({@link org.nlwb.decoder.ynl.YamlReader}), the four
 * {@link org.nlwb.decoder.ynl.SchemaLevel}s, the parser ({@link org.nlwb.decoder.ynl.YnlParser}) and the
 * resolved model it yields ({@link org.nlwb.decoder.ynl.Family}, attribute sets, {@link org.nlwb.decoder.ynl.AttrType},
 * structs, enums, operations) or every {@link org.nlwb.decoder.ynl.SpecProblem}. Knows nothing of bytes:
 * decoding and encoding live in {@code codec}, above it.
 */
package org.nlwb.decoder.ynl;
