/**
 * The YNL spec language: YAML with line numbers, schema levels, the parser ({@link org.nlwb.decoder.ynl.YnlParser})
 * and the resolved model it yields ({@link org.nlwb.decoder.ynl.Family}, {@link org.nlwb.decoder.ynl.AttrType} ...)
 * or every located {@link org.nlwb.decoder.ynl.SpecProblem}. No bytes here: codecs live in {@code codec}, above.
 */
package org.nlwb.decoder.ynl;
