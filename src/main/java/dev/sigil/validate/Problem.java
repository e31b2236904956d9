package dev.sigil.validate;

/**
 * One problem found in one line.
 *
 * @param path the file as the user named it ("-" for standard input)
 * @param line 1-based line number
 * @param column 1-based character column for syntax problems, 0 when the problem is not at a column
 * @param pointer JSON pointer of the offending value for schema problems, null for syntax problems
 * @param rule what was broken: "json" (syntax), "line-length", "non-finite", or the schema keyword
 * @param message what is wrong, in words
 */
public record Problem(String path, long line, int column, String pointer, String rule, String message) {

    public boolean isSyntax() {
        return pointer == null;
    }

    /** {@code PATH:LINE:COLUMN: message} for syntax problems, {@code PATH:LINE: /pointer: message} for the rest. */
    public String toText() {
        if (pointer == null) {
            return path + ":" + line + (column > 0 ? ":" + column : "") + ": " + message;
        }
        return path + ":" + line + ": " + (pointer.isEmpty() ? "/" : pointer) + ": " + message;
    }
}
