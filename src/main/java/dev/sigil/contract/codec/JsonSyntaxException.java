package dev.sigil.contract.codec;

/**
 * A line that CPython's {@code json.loads} would refuse: what is wrong and where (1-based character column, as
 * CPython counts it, so that editors and sigil agree).
 */
public final class JsonSyntaxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int column;

    public JsonSyntaxException(String reason, int column) {
        super(reason);
        this.column = column;
    }

    /** 1-based character column of the problem within the line. */
    public int column() {
        return column;
    }

    /** The reason alone, without position. */
    public String reason() {
        return getMessage();
    }
}
