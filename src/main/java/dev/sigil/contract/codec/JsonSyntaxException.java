package dev.sigil.contract.codec;

/**
 * A line that CPython's {@code json.loads} would refuse: what is wrong and where. The column counts characters
 * (code points), as CPython and editors do, not bytes; it points at or next to the problem, and may differ from
 * CPython's own by a few characters where CPython's scanner stops elsewhere (docs/adr/0003-python-exact-codec.md).
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
