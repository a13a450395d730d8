package org.nlwb.decoder.filter;

/** The parsed form of a filter: a small immutable tree of boolean operators over comparisons. */
sealed interface Expr {

    record And(Expr left, Expr right) implements Expr {
        @Override
        public String toString() {
            return "(" + left + " && " + right + ")";
        }
    }

    record Or(Expr left, Expr right) implements Expr {
        @Override
        public String toString() {
            return "(" + left + " || " + right + ")";
        }
    }

    record Not(Expr inner) implements Expr {
        @Override
        public String toString() {
            return "!" + inner;
        }
    }

    /** {@code field} alone: true when the message has it; {@code position} is where the name starts. */
    record Exists(String field, int position) implements Expr {
        @Override
        public String toString() {
            return field;
        }
    }

    /**
     * {@code field OP literal}; true when any occurrence of the field satisfies it ({@code !=}: none
     * equals). {@code position} is where the field name starts.
     */
    record Compare(String field, String op, Literal literal, int position) implements Expr {
        @Override
        public String toString() {
            return field + " " + op + " " + literal;
        }
    }
}
