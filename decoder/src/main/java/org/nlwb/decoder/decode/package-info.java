/**
 * The building blocks a message class decodes with, and the API plugins program against:
 * {@link org.nlwb.decoder.decode.AttributeSet}, {@link org.nlwb.decoder.decode.AttributeCodec},
 * {@link org.nlwb.decoder.decode.Decoded}, the attribute walker and its
 * {@link org.nlwb.decoder.decode.DecodeScope}, value formatting (and its digits written straight into
 * bytes for the writers, {@link org.nlwb.decoder.decode.DecimalDigits}), guesses for unknown bytes, and the
 * {@link org.nlwb.decoder.decode.Conversation} a message is read in (genl ids learned earlier).
 * Depends on message, tree and model; never on the registry or specs.
 */
package org.nlwb.decoder.decode;
