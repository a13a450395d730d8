package org.nlwb.decoder.codec;

/** A {@link Problem} thrown by a codec; the encode package turns it into its EncodeException with the same text. */
public final class ValueException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Problem problem;

    public ValueException(String path, String message) {
        this(new Problem(path, message));
    }

    public ValueException(Problem problem) {
        super(problem.text());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
