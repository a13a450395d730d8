package org.nlwb.decoder.filter;

import java.util.List;

/** Where an evaluation finds a message's fields: its decoded tree, or its bytes read as little as needed. */
@FunctionalInterface
interface FieldSource {

    /**
     * Every occurrence of {@code field}, in tree order. When {@code texts} is false the comparison
     * looks at numbers only, so an occurrence that has a number may leave its texts out (one
     * without a number must still carry them).
     */
    List<FieldValue> values(String field, boolean texts);

    /** Whether {@code field} occurs at all: what {@code !values(field, false).isEmpty()} says, perhaps for less. */
    default boolean present(String field) {
        return !values(field, false).isEmpty();
    }
}
