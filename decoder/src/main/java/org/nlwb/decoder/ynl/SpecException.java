package org.nlwb.decoder.ynl;

import java.util.List;

/** A spec file that cannot be used, with every problem found in it. */
public final class SpecException extends Exception {
    private final List<SpecProblem> problems;

    public SpecException(List<SpecProblem> problems) {
        super(problems.isEmpty() ? "invalid spec" : problems.get(0).toString()
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        this.problems = List.copyOf(problems);
    }

    public List<SpecProblem> problems() {
        return problems;
    }
}
