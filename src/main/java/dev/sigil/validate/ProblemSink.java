package dev.sigil.validate;

/** Receives problems in line order; returns false to stop validating. */
@FunctionalInterface
public interface ProblemSink {
    boolean accept(Problem problem);
}
