package dev.sigil.query;

/** A query the engine refused, in its own words (a syntax error, an unknown column, a result too large). */
public final class QueryException extends Exception {

    private static final long serialVersionUID = 1L;

    public QueryException(String message) {
        super(message);
    }
}
