package org.nlwb.decoder.filter;

/** One lexical token of a filter expression, with where it starts. */
record Token(Kind kind, String text, int position) {
    enum Kind {
        WORD, NUMBER, STRING, LPAREN, RPAREN, NOT, AND, OR, OP, END
    }

    @Override
    public String toString() {
        return kind == Kind.END ? "end of filter" : kind == Kind.STRING ? "\"" + text + "\"" : "'" + text + "'";
    }
}
