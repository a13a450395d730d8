package org.nlwb.decoder.filter;

import java.util.List;

/**
 * Recursive descent over the grammar
 * <pre>
 *  or      := and ( ("||" | "or") and )*
 *  and     := unary ( ("&amp;&amp;" | "and") unary )*
 *  unary   := ("!" | "not") unary | primary
 *  primary := "(" or ")" | WORD [ OP value ]
 *  value   := NUMBER | STRING | WORD
 *  OP      := == != &lt; &lt;= &gt; &gt;= contains
 * </pre>
 */
final class Parser {
    private final List<Token> tokens;
    private int i;

    Parser(String text) throws FilterSyntaxException {
        this.tokens = new Lexer(text).tokens();
    }

    Expr parse() throws FilterSyntaxException {
        Expr e = or();
        Token t = peek();
        if (t.kind() != Token.Kind.END) {
            throw new FilterSyntaxException(t.position(), t.kind() == Token.Kind.RPAREN
                    ? "')' without a matching '('" : "expected '&&', '||' or the end, found " + t);
        }
        return e;
    }

    private Token peek() {
        return tokens.get(i);
    }

    private Token take() {
        return tokens.get(i++);
    }

    private Expr or() throws FilterSyntaxException {
        Expr e = and();
        while (peek().kind() == Token.Kind.OR) {
            take();
            e = new Expr.Or(e, and());
        }
        return e;
    }

    private Expr and() throws FilterSyntaxException {
        Expr e = unary();
        while (peek().kind() == Token.Kind.AND) {
            take();
            e = new Expr.And(e, unary());
        }
        return e;
    }

    private Expr unary() throws FilterSyntaxException {
        if (peek().kind() == Token.Kind.NOT) {
            take();
            return new Expr.Not(unary());
        }
        return primary();
    }

    private Expr primary() throws FilterSyntaxException {
        Token t = take();
        switch (t.kind()) {
            case LPAREN -> {
                Expr e = or();
                Token close = take();
                if (close.kind() != Token.Kind.RPAREN) {
                    throw new FilterSyntaxException(close.position(), "expected ')' to close the '(' at "
                            + (t.position() + 1) + ", found " + close);
                }
                return e;
            }
            case WORD -> {
                if (peek().kind() != Token.Kind.OP) {
                    return new Expr.Exists(t.text(), t.position());
                }
                Token op = take();
                Token v = take();
                if (v.kind() != Token.Kind.NUMBER && v.kind() != Token.Kind.STRING && v.kind() != Token.Kind.WORD) {
                    throw new FilterSyntaxException(v.position(), "expected a value after '" + op.text()
                            + "', found " + v);
                }
                Literal lit = Literal.of(v);
                if (op.text().startsWith("<") || op.text().startsWith(">")) {
                    if (lit.number() == null) {
                        throw new FilterSyntaxException(v.position(), "'" + op.text() + "' compares numbers; "
                                + v + " is not a number");
                    }
                }
                return new Expr.Compare(t.text(), op.text(), lit, t.position());
            }
            case END -> throw new FilterSyntaxException(t.position(), "expression ends too early: expected a field name or '('");
            case NUMBER, STRING -> throw new FilterSyntaxException(t.position(), "expected a field name, found " + t
                    + " (a value goes on the right: IFLA_MTU == 1500)");
            default -> throw new FilterSyntaxException(t.position(), "expected a field name or '(', found " + t);
        }
    }
}
