package dev.sigil.alerts;

import java.util.List;

/** A rules file that cannot be used: every problem found, each naming the file, the line and the key. */
public final class RulesFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    RulesFileException(List<String> problems) {
        super(problems.size() == 1 ? problems.get(0) : problems.size() + " problems in the rules file", null, false, false);
        this.problems = List.copyOf(problems);
    }

    /** Each problem: {@code FILE:LINE: KEY: what is wrong}. */
    public List<String> problems() {
        return problems;
    }
}
