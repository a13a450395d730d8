package org.nlwb.decoder.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a filter expression into tokens. Words start with a letter or underscore and may hold
 * letters, digits, {@code _ . : -} (so {@code IFLA_IFNAME}, {@code fe80::1} need no quotes);
 * a run starting with a digit is a number when it parses as one ({@code 1500}, {@code 0x10},
 * {@code -22}), else a word ({@code 10.0.0.1}, {@code 00:11:22:33:44:55}).
 */
final class Lexer {
    private final String src;
    private int pos;

    Lexer(String src) {
        this.src = src;
    }

    List<Token> tokens() throws FilterSyntaxException {
        List<Token> out = new ArrayList<>();
        while (true) {
            skipSpace();
            if (pos >= src.length()) {
                out.add(new Token(Token.Kind.END, "", pos));
                return out;
            }
            out.add(next());
        }
    }

    private void skipSpace() {
        while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
            pos++;
        }
    }

    private Token next() throws FilterSyntaxException {
        int start = pos;
        char c = src.charAt(pos);
        switch (c) {
            case '(' -> { pos++; return new Token(Token.Kind.LPAREN, "(", start); }
            case ')' -> { pos++; return new Token(Token.Kind.RPAREN, ")", start); }
            case '"' -> { return string(); }
            case '&' -> { return pair('&', Token.Kind.AND, "&&"); }
            case '|' -> { return pair('|', Token.Kind.OR, "||"); }
            case '=' -> { return pair('=', Token.Kind.OP, "=="); }
            case '!' -> {
                if (peek(1) == '=') {
                    pos += 2;
                    return new Token(Token.Kind.OP, "!=", start);
                }
                pos++;
                return new Token(Token.Kind.NOT, "!", start);
            }
            case '<', '>' -> {
                if (peek(1) == '=') {
                    pos += 2;
                    return new Token(Token.Kind.OP, c + "=", start);
                }
                pos++;
                return new Token(Token.Kind.OP, String.valueOf(c), start);
            }
            default -> { }
        }
        if (c == '-' && Character.isDigit(peek(1))) {
            pos++;
            return numberOrWord(start);
        }
        if (Character.isDigit(c)) {
            return numberOrWord(start);
        }
        if (c == '-' && Character.isLetter(peek(1))) {
            // -EOPNOTSUPP: how error codes display
            pos++;
            wordRun();
            return new Token(Token.Kind.WORD, src.substring(start, pos), start);
        }
        if (Character.isLetter(c) || c == '_') {
            String w = wordRun();
            return switch (w) {
                case "and" -> new Token(Token.Kind.AND, w, start);
                case "or" -> new Token(Token.Kind.OR, w, start);
                case "not" -> new Token(Token.Kind.NOT, w, start);
                case "contains" -> new Token(Token.Kind.OP, w, start);
                case "eq" -> new Token(Token.Kind.OP, "==", start);
                case "ne" -> new Token(Token.Kind.OP, "!=", start);
                case "gt" -> new Token(Token.Kind.OP, ">", start);
                case "lt" -> new Token(Token.Kind.OP, "<", start);
                case "ge" -> new Token(Token.Kind.OP, ">=", start);
                case "le" -> new Token(Token.Kind.OP, "<=", start);
                default -> new Token(Token.Kind.WORD, w, start);
            };
        }
        throw new FilterSyntaxException(start, "unexpected character " + shown(src.codePointAt(start)));
    }

    private char peek(int ahead) {
        int i = pos + ahead;
        return i < src.length() ? src.charAt(i) : '\0';
    }

    private Token pair(char c, Token.Kind kind, String text) throws FilterSyntaxException {
        if (peek(1) != c) {
            throw new FilterSyntaxException(pos, "'" + c + "' alone; did you mean '" + text + "'?");
        }
        pos += 2;
        return new Token(kind, text, pos - 2);
    }

    private String wordRun() {
        int start = pos;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == ':' || c == '-') {
                pos++;
            } else {
                break;
            }
        }
        return src.substring(start, pos);
    }

    private Token numberOrWord(int start) {
        wordRun();
        String text = src.substring(start, pos);
        return Literal.parseNumber(text) != null ? new Token(Token.Kind.NUMBER, text, start)
                : new Token(Token.Kind.WORD, text, start);
    }

    private Token string() throws FilterSyntaxException {
        int start = pos++;
        StringBuilder sb = new StringBuilder();
        while (pos < src.length()) {
            char c = src.charAt(pos++);
            if (c == '"') {
                return new Token(Token.Kind.STRING, sb.toString(), start);
            }
            if (c == '\\') {
                if (pos >= src.length()) {
                    break;
                }
                char e = src.charAt(pos++);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case '0' -> sb.append('\0');
                    default -> sb.append(e);
                }
            } else {
                sb.append(c);
            }
        }
        throw new FilterSyntaxException(start, "string not closed: missing '\"'");
    }

    /** A character for a message: {@code '#'}, or {@code U+001B} for one that is not printable. */
    private static String shown(int cp) {
        return Character.isISOControl(cp) || !Character.isDefined(cp) || Character.getType(cp) == Character.FORMAT
                ? String.format("U+%04X", cp) : "'" + new String(Character.toChars(cp)) + "'";
    }
}
