package dev.sigil.prices;

import java.util.List;

/** Override files that cannot be used: every problem, each as FILE:LINE: KEY: what is wrong. */
public final class PriceFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public PriceFileException(List<String> problems) {
        super(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in the price files", null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
